// Who has prepared for a meeting: figures of the reviewed quarter, progress on the goals under
// review and the pre-meeting update. Used by the coach's grid, a member's own checklist and the reminder mails.
import { check, hasCompany } from '../../shared/access/index.ts';
import type { Meeting } from '../../shared/domain.ts';
import { isQuarter, previousQuarter } from '../../shared/financials/quarters.ts';
import type { MeetingReadiness, MemberReadiness, MyReadiness, ReadinessExpects } from '../../shared/readiness.ts';
import { DomainError } from '../../shared/errors.ts';
import { queuePrepReminder } from '../mail/jobs.ts';
import { MAIL_LIMITS } from '../mail/limits.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Storage } from '../storage/types.ts';
import { kpisOf } from './financials.ts';
import { reviewContext } from './goals.ts';
import { authorizeMeeting } from './meetings.ts';
import { acceptanceRows } from './norms.ts';
import { eventOfSharedSession } from './sharedSessions.ts';

export async function meetingReadiness(storage: Storage, meeting: Meeting): Promise<MeetingReadiness> {
  const figuresQuarter = isQuarter(meeting.quarter) ? previousQuarter(meeting.quarter) : meeting.quarter;
  // A shared session has no financial review and no goals (shared/access), and no norms of a
  // group of its own: nobody is asked for any of these, nor sent to the host group's pages.
  const sharedEvent = await eventOfSharedSession(storage, meeting);
  const expects: ReadinessExpects = { figures: !sharedEvent, goals: !sharedEvent, norms: !sharedEvent };
  const [{ reviewQuarter }, members, figures, kpis, norms] = await Promise.all([
    reviewContext(storage, meeting),
    storage.listMembers(meeting.groupId),
    expects.figures ? storage.listFigures(meeting.groupId, { fromQuarter: figuresQuarter, toQuarter: figuresQuarter }) : [],
    expects.figures ? kpisOf(storage, meeting.groupId) : [],
    expects.norms ? acceptanceRows(storage, meeting.groupId) : [],
  ]);
  const [goals, updates, rsvps] = await Promise.all([
    expects.goals ? storage.listGoals(meeting.groupId, { quarter: reviewQuarter }) : [],
    storage.listMemberUpdates(meeting.id),
    storage.listRsvps(meeting.id),
  ]);
  const rsvpOf = new Map(rsvps.map((r) => [r.userId, r.response]));
  const sent = new Set(updates.map((u) => u.userId));
  const normsOf = new Map(norms.map((n) => [n.userId, n]));
  const enterable = new Set(kpis.filter((k) => !k.derived).map((k) => k.key));
  const rows = members
    .filter((m) => hasCompany(m.role))
    .map((m): MemberReadiness => {
      const entered = new Set(figures.filter((f) => f.userId === m.userId && enterable.has(f.kpiKey)).map((f) => f.kpiKey)).size;
      const mine = goals.filter((g) => g.userId === m.userId);
      const withProgress = mine.filter((g) => g.progress.trim() !== '').length;
      // Nothing to enter is nothing missing.
      const figuresState = entered >= enterable.size ? 'complete' : entered === 0 ? 'none' : 'partial';
      return {
        userId: m.userId,
        name: m.name,
        company: m.company,
        figures: figuresState,
        figuresEntered: entered,
        figuresExpected: enterable.size,
        goalsTotal: mine.length,
        goalsWithProgress: withProgress,
        updateSent: sent.has(m.userId),
        rsvp: rsvpOf.get(m.userId) ?? null,
        ready: figuresState === 'complete' && withProgress === mine.length && sent.has(m.userId),
        normsAcceptedAt: normsOf.get(m.userId)?.acceptedAt ?? null,
        normsCurrent: normsOf.get(m.userId)?.current ?? false,
      };
    });
  return { meetingId: meeting.id, expects, figuresQuarter, goalsQuarter: reviewQuarter, members: rows };
}

/**
 * The grid for whoever runs the group; a member company without that right gets its own row
 * only (their checklist); observers get 403.
 */
export async function readinessFor(storage: Storage, userId: string, meetingId: string): Promise<MeetingReadiness> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const full = await meetingReadiness(storage, meeting);
  const denied = check('readiness.read', access, group);
  if (!denied) return full;
  // A member company without the whole grid still has its own checklist (in a shared session too,
  // where it holds no goals).
  if (!hasCompany(access.groupRole)) throw new DomainError(denied.code, denied.message);
  return { ...full, members: full.members.filter((m) => m.userId === userId) };
}

/** The caller's own row (their checklist), through the same authorization as the grid; null if they have none. */
export async function ownReadiness(storage: Storage, userId: string, meetingId: string): Promise<MyReadiness | null> {
  const grid = await readinessFor(storage, userId, meetingId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'forbidden') return null;
    throw e;
  });
  const me = grid?.members.find((m) => m.userId === userId);
  return grid && me ? { meetingId: grid.meetingId, expects: grid.expects, figuresQuarter: grid.figuresQuarter, goalsQuarter: grid.goalsQuarter, me } : null;
}

/** Mails a prep reminder now to the listed members (default: everyone not ready); ready ones are skipped. */
export async function remindMembers(deps: { storage: Storage; mailer: Mailer }, userId: string, meetingId: string, userIds: string[] | undefined, now = Date.now()): Promise<{ queued: number }> {
  const { meeting, group } = await authorizeMeeting(deps.storage, userId, meetingId, 'readiness.remind');
  if (meeting.status === 'ended') throw new DomainError('meeting_ended', 'This meeting has ended');
  const readiness = await meetingReadiness(deps.storage, meeting);
  const wanted = userIds ? new Set(userIds) : null;
  const members = new Map((await deps.storage.listMembers(group.id)).map((m) => [m.userId, m]));
  // One reminder per member per window, however often the coach presses "remind".
  const bucket = Math.floor(now / MAIL_LIMITS.remindEveryMs);
  let queued = 0;
  for (const row of readiness.members) {
    if (row.ready || (wanted && !wanted.has(row.userId))) continue;
    const member = members.get(row.userId)!;
    const dedupeKey = `remind:${meeting.id}:${row.userId}:${bucket}`;
    if (await queuePrepReminder(deps.storage, deps.mailer, { meeting, group, row, member, readiness, dedupeKey })) queued++;
  }
  return { queued };
}
