// Goals: set at one meeting, reviewed at the next; an unfinished goal carries over into the
// quarter of the meeting that reviews it ("instead of three goals, I have four").
import type { Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { compareQuarters, isQuarter, nextQuarter, previousQuarter } from '../../shared/financials/quarters.ts';
import { carryOver, type GoalReviewInput } from '../../shared/goals/carryOver.ts';
import { completionHistory } from '../../shared/goals/completion.ts';
import type { Goal } from '../../shared/goals/types.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { GoalBody, GoalCompletion, GoalPatchBody, GoalReviewSet, ReviewResult } from '../../shared/records.ts';
import { authorizeGroup, withFacilitator, type Access } from '../auth/policy.ts';
import { type GroupAction, can, hasCompany } from '../../shared/access/index.ts';
import { newId } from '../auth/tokens.ts';
import { UniqueViolationError } from '../storage/driver.ts';
import type { GoalFilter, Storage } from '../storage/types.ts';
import { authorizeMeeting } from './meetings.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

const byQuarterThenStart = (a: Meeting, b: Meeting) => compareQuarters(a.quarter, b.quarter) || (a.startsAt < b.startsAt ? -1 : 1);

/**
 * The goals a meeting reviews are those set at the group's previous meeting: the latest one of
 * an earlier quarter. Without one (the group's first meeting), last quarter's goals.
 */
export async function reviewContext(storage: Storage, meeting: Meeting): Promise<{ previous: Meeting | null; reviewQuarter: string }> {
  if (!isQuarter(meeting.quarter)) return { previous: null, reviewQuarter: meeting.quarter };
  const earlier = (await storage.listMeetings(meeting.groupId))
    .filter((m) => isQuarter(m.quarter) && compareQuarters(m.quarter, meeting.quarter) < 0)
    .sort(byQuarterThenStart);
  const previous = earlier.at(-1) ?? null;
  let reviewQuarter = previous?.quarter ?? meeting.quarter;
  if (!previous) {
    try {
      reviewQuarter = previousQuarter(meeting.quarter);
    } catch {
      // The first supported quarter has nothing before it; review nothing.
    }
  }
  return { previous, reviewQuarter };
}

/** Where an unfinished goal goes: the group's next meeting after the goal's quarter, else next quarter. */
async function carryTarget(storage: Storage, goal: Goal): Promise<{ quarter: string; meetingId: string | null }> {
  const later = (await storage.listMeetings(goal.groupId))
    .filter((m) => isQuarter(m.quarter) && compareQuarters(m.quarter, goal.quarter) > 0)
    .sort(byQuarterThenStart);
  const next = later[0];
  return next ? { quarter: next.quarter, meetingId: next.id } : { quarter: nextQuarter(goal.quarter), meetingId: null };
}

/**
 * Runs a carrying write once more if a concurrent one (another node, or the end of the meeting
 * racing a review) inserted the same carry first: the unique carried_from_id index refused
 * ours, and the second run finds theirs.
 */
export async function retryOnCarryRace<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UniqueViolationError) return fn();
    throw e;
  }
}

/** Loads a goal and the caller's access to its group; strangers get not_found. */
export async function loadGoal(storage: Storage, userId: string, goalId: string): Promise<{ goal: Goal; access: Access; can: (a: GroupAction) => Promise<boolean> }> {
  const goal = await storage.getGoal(goalId);
  if (!goal) throw new DomainError('not_found', 'No such goal');
  const { group, access } = await authorizeGroup(storage, userId, goal.groupId, 'goals.read').catch((e: unknown) => {
    throw e instanceof DomainError && e.code === 'not_found' ? new DomainError('not_found', 'No such goal') : e;
  });
  // Facilitating is looked up only when an action needs it (it reads the live meeting's state).
  const check = async (action: GroupAction) =>
    can(action, access, group) || can(action, await withFacilitator(storage, access, group.id), group);
  return { goal, access, can: check };
}

export async function listGoals(storage: Storage, userId: string, groupId: string, filter: GoalFilter): Promise<Goal[]> {
  await authorizeGroup(storage, userId, groupId, 'goals.read');
  return storage.listGoals(groupId, filter);
}

async function liveMeeting(storage: Storage, groupId: string): Promise<Meeting | null> {
  return (await storage.listMeetings(groupId)).find((m) => m.status === 'live') ?? null;
}

/** A member's own goal; the coach, an organiser or the facilitator may set one for a member during the live meeting. */
export async function createGoal({ storage, records }: RecordsDeps, userId: string, groupId: string, body: GoalBody): Promise<Goal> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'goals.read');
  const ownerId = body.userId ?? userId;
  const live = await liveMeeting(storage, groupId);
  if (ownerId === userId) {
    if (!can('goals.write', access, group)) throw new DomainError('forbidden', 'Only member companies set goals of their own');
  } else {
    if (!can('goals.assign', await withFacilitator(storage, access, groupId), group)) {
      throw new DomainError('forbidden', "Only the coach or the facilitator may set someone else's goal");
    }
    if (!live) throw new DomainError('meeting_not_live', "Someone else's goals are set during the group's live meeting");
    if (!hasCompany((await storage.getMembership(groupId, ownerId))?.role ?? null)) {
      throw new DomainError('bad_request', 'userId: not a member company of this group');
    }
  }
  // Carried goals count too: the cap is about what one person can follow up in a quarter.
  const held = await storage.listGoals(groupId, { quarter: body.quarter, userId: ownerId });
  if (held.length >= LIMITS.goalsPerMemberMax) {
    throw new DomainError('conflict', `${LIMITS.goalsPerMemberMax} goals for ${body.quarter} already: finish or drop one first`);
  }
  const now = new Date().toISOString();
  const goal = await storage.createGoal({
    id: newId(),
    groupId,
    userId: ownerId,
    quarter: body.quarter,
    meetingId: live && live.quarter === body.quarter ? live.id : null,
    text: body.text,
    target: body.target,
    dueDate: body.dueDate,
    status: 'open',
    comment: '',
    progress: '',
    progressAt: null,
    carriedFromId: null,
    carriedCount: 0,
    vague: false,
    createdAt: now,
    updatedAt: now,
  });
  records.changed(groupId, 'goals');
  return goal;
}

/** The owner edits wording and progress; the coach, an organiser or the facilitator flags vague targets. */
export async function updateGoal({ storage, records }: RecordsDeps, userId: string, goalId: string, patch: GoalPatchBody): Promise<Goal> {
  const { goal, can: may } = await loadGoal(storage, userId, goalId);
  const { vague, ...own } = patch;
  const editsOwn = Object.values(own).some((v) => v !== undefined);
  if (editsOwn && (goal.userId !== userId || !(await may('goals.write')))) {
    throw new DomainError('forbidden', "Only the goal's owner edits it");
  }
  const rewords = own.text !== undefined || own.target !== undefined || own.dueDate !== undefined;
  if (rewords && goal.status !== 'open') {
    throw new DomainError('conflict', 'This goal has been reviewed: its wording is now the record');
  }
  if (rewords && goal.dropped) throw new DomainError('conflict', 'This goal was dropped: it stays on the record as it was');
  // A carried goal's words are changed with a reason, so its first wording stays on the record.
  if (own.text !== undefined && own.text !== goal.text && goal.carriedCount > 0) {
    throw new DomainError('conflict', 'A carried goal is reworded with a reason (POST /api/goals/:id/reword)');
  }
  if (vague !== undefined && !(await may('goals.flag'))) {
    throw new DomainError('forbidden', 'Only the coach or the facilitator flags a goal as vague');
  }
  // The same note saved again (a form re-sent) is not new progress: progressAt keeps its date.
  const write = patch.progress === goal.progress ? { ...patch, progress: undefined } : patch;
  const updated = await storage.updateGoal(goal.id, write);
  if (!updated) throw new DomainError('not_found', 'No such goal');
  records.changed(goal.groupId, 'goals');
  return updated;
}

/**
 * Records the review. Partly or not done carries the goal into the next meeting's quarter
 * (once: reviewing again returns the same carry-over); done removes a carry-over made by an
 * earlier review, as long as nobody has touched it.
 */
export async function reviewGoal({ storage, records }: RecordsDeps, userId: string, goalId: string, review: GoalReviewInput): Promise<ReviewResult> {
  const { goal, can: may } = await loadGoal(storage, userId, goalId);
  if (!(await may('goals.review'))) throw new DomainError('forbidden', 'Goals are reviewed by the coach or the facilitator');
  if (goal.dropped) throw new DomainError('conflict', 'This goal was dropped: it is not reviewed');
  const result = await retryOnCarryRace(() =>
    storage.transaction(async (tx): Promise<ReviewResult> => {
      const reviewed = (await tx.updateGoal(goal.id, { status: review.status, comment: review.comment }))!;
      const existing = await tx.getCarriedGoal(goal.id);
      if (review.status === 'done') {
        // Untouched: still open, same wording, no progress, not carried on. Anything else is the member's work.
        const untouched =
          existing &&
          existing.status === 'open' &&
          !existing.dropped &&
          existing.text === reviewed.text &&
          existing.target === reviewed.target &&
          !existing.progress &&
          !(await tx.getCarriedGoal(existing.id));
        if (untouched) await tx.deleteGoal(existing.id);
        return { goal: reviewed, carried: null };
      }
      if (existing) return { goal: reviewed, carried: existing };
      const target = await carryTarget(tx, reviewed);
      const [copy] = carryOver([reviewed], target.quarter, newId, new Date().toISOString(), [], target.meetingId);
      return { goal: reviewed, carried: copy ? await tx.createGoal(copy) : null };
    }),
  );
  records.changed(goal.groupId, 'goals');
  return result;
}

/** The owner may withdraw an open goal they set; a carried or carried-on goal stays until reviewed. */
export async function deleteGoal({ storage, records }: RecordsDeps, userId: string, goalId: string): Promise<void> {
  const { goal, can: may } = await loadGoal(storage, userId, goalId);
  if (goal.userId !== userId || !(await may('goals.write'))) throw new DomainError('forbidden', "Only the goal's owner deletes it");
  if (goal.status !== 'open') throw new DomainError('conflict', 'This goal has been reviewed: it stays on the record');
  if (goal.carriedFromId || (await storage.getCarriedGoal(goal.id))) {
    throw new DomainError('conflict', 'An unfinished goal carries over: it stays until it is reviewed');
  }
  await storage.deleteGoal(goal.id);
  records.changed(goal.groupId, 'goals');
}

/** Every member company's completion rate per quarter, members without goals included. */
export async function goalCompletion(storage: Storage, userId: string, groupId: string): Promise<GoalCompletion> {
  await authorizeGroup(storage, userId, groupId, 'goals.read');
  const [members, goals] = await Promise.all([storage.listMembers(groupId), storage.listGoals(groupId)]);
  return {
    members: members
      .filter((m) => hasCompany(m.role))
      .map((m) => ({ userId: m.userId, name: m.name, history: completionHistory(goals, m.userId) })),
  };
}

/** What the meeting's goal review walks through, and the goals it sets (carried ones included). */
export async function goalReviewSet(storage: Storage, userId: string, meetingId: string): Promise<GoalReviewSet> {
  const { meeting } = await authorizeMeeting(storage, userId, meetingId, 'goals.read');
  const { previous, reviewQuarter } = await reviewContext(storage, meeting);
  const [review, fresh] = await Promise.all([
    storage.listGoals(meeting.groupId, { quarter: reviewQuarter }),
    storage.listGoals(meeting.groupId, { quarter: meeting.quarter }),
  ]);
  return { reviewQuarter, newQuarter: meeting.quarter, previousMeetingId: previous?.id ?? null, review, new: fresh };
}
