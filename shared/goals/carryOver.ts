// Carry-over: a goal that wasn't done doesn't go away, it comes back next quarter
// ("instead of three goals, I have four"). The zod schemas for goal forms and reviews are in
// goalBodies.ts, so pages that only carry or show goals do not load zod.
import { compareQuarters, isQuarter } from '../financials/quarters.ts';
import type { GoalReviewInput } from './goalBodies.ts';
import type { Goal, GoalStatus } from './types.ts';

export type { GoalCreateInput, GoalReviewInput, GoalUpdateInput } from './goalBodies.ts';

/** Enough for a measurable target ("10 new managed-services contracts by June"), short enough for the projector. */
export const GOAL_TARGET_MAX = 300;
/** A review comment is a sentence or two said in the room ("closed 7 of 10"), not a report. */
export const GOAL_REVIEW_COMMENT_MAX = 500;
/** Progress notes a member keeps on a goal between meetings: a few lines, not a diary. */
export const GOAL_PROGRESS_MAX = 1_000;

/** Statuses that carry: not done, partly done, and never reviewed at all. */
const CARRIES: ReadonlySet<GoalStatus> = new Set<GoalStatus>(['not_done', 'partly', 'open']);

/**
 * The goals of newQuarter that continue the unfinished goals in `reviewed`. Each copy keeps
 * the member's wording, target and due date, starts 'open' with no comment or progress, and
 * counts one more carry. Goals already carried into newQuarter (an `existing` goal names
 * them in carriedFromId) are skipped, so running this twice never doubles a goal; so are
 * goals of newQuarter or later, which have nothing to carry into, and dropped goals.
 * The per-member cap (LIMITS.goalsPerMemberMax) is not applied: dropping an unfinished goal
 * silently would defeat accountability, so the caller decides how to show an overfull list.
 * meetingId is the meeting that adopts the carried goals, or null when carried between meetings.
 */
export function carryOver(
  reviewed: readonly Goal[],
  newQuarter: string,
  newId: () => string,
  now: string,
  existing: readonly Goal[],
  meetingId: string | null = null,
): Goal[] {
  if (!isQuarter(newQuarter)) throw new RangeError(`Not a quarter: "${newQuarter}"`);
  const carried = new Set(existing.filter((g) => g.quarter === newQuarter && g.carriedFromId !== null).map((g) => g.carriedFromId));
  const out: Goal[] = [];
  for (const goal of reviewed) {
    // A dropped goal was given up on purpose: it ends here.
    if (!CARRIES.has(goal.status) || goal.dropped || carried.has(goal.id)) continue;
    if (!isQuarter(goal.quarter) || compareQuarters(goal.quarter, newQuarter) >= 0) continue;
    carried.add(goal.id);
    out.push({
      id: newId(),
      groupId: goal.groupId,
      userId: goal.userId,
      quarter: newQuarter,
      meetingId,
      text: goal.text,
      target: goal.target,
      dueDate: goal.dueDate,
      status: 'open',
      comment: '',
      progress: '',
      progressAt: null,
      carriedFromId: goal.id,
      carriedCount: goal.carriedCount + 1,
      vague: goal.vague,
      createdAt: now,
      updatedAt: now,
    });
  }
  return out;
}

/** The goal after its review at the next meeting. */
export function applyReview(goal: Goal, review: GoalReviewInput, now: string): Goal {
  return { ...goal, status: review.status, comment: review.comment, updatedAt: now };
}
