// What happens when a meeting ends: whoever should have come and never joined is recorded
// absent (attendance is a membership requirement), and every goal of the quarter under review
// that was not done carries into the meeting's quarter, so the next meeting opens with it.
import { takesPart } from '../../shared/access/index.ts';
import type { GroupMember } from '../../shared/domain.ts';
import { carryOver } from '../../shared/goals/carryOver.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { newId } from '../auth/tokens.ts';
import { scheduleOverdueDigest } from '../mail/jobs.ts';
import type { Storage } from '../storage/types.ts';
import { retryOnCarryRace, reviewContext } from './goals.ts';
import { parkAfterMeeting } from './parking.ts';
import type { RecordsDeps } from './recordsNotifier.ts';
import { eventOfSharedSession } from './sharedSessions.ts';

/**
 * The attendance corrections to apply just before `meeting.end` (the reducer refuses every
 * command after it): one `absent` per coach or member with no attendance entry. Observers are
 * guests, so their absence is not recorded.
 */
export function absenteeCommands(state: MeetingState, members: readonly GroupMember[]): MeetingCommand[] {
  return members
    .filter((m) => takesPart(m.role) && !state.attendance[m.userId])
    .map((m) => ({ type: 'attendance.set', userId: m.userId, status: 'absent' }));
}

/**
 * Carries the review quarter's unfinished goals (partly, not done, never reviewed) into the
 * meeting's quarter; a shared session of a network event carries none. Idempotent: a goal that already has a carry-over anywhere is skipped,
 * whether this ran before or a review carried it. Returns the new goals.
 */
export async function carryIntoMeeting(storage: Storage, meetingId: string): Promise<Goal[]> {
  const meeting = await storage.getMeeting(meetingId);
  if (!meeting) return [];
  // A shared session has no goals (shared/access): nothing of the host group carries anywhere.
  if (await eventOfSharedSession(storage, meeting)) return [];
  const { reviewQuarter } = await reviewContext(storage, meeting);
  if (reviewQuarter === meeting.quarter) return [];
  return retryOnCarryRace(() =>
    storage.transaction(async (tx) => {
      const goals = await tx.listGoals(meeting.groupId);
      const carried = new Set(goals.map((g) => g.carriedFromId));
      const due = goals.filter((g) => g.quarter === reviewQuarter && !carried.has(g.id));
      const copies = carryOver(due, meeting.quarter, newId, new Date().toISOString(), goals, meeting.id);
      for (const copy of copies) await tx.createGoal(copy);
      return copies;
    }),
  );
}

/** The hook app.ts registers on the room: runs after `meeting.end` is stored. */
export function onMeetingEnded({ storage, records }: RecordsDeps): (meetingId: string) => Promise<void> {
  return async (meetingId) => {
    const copies = await carryIntoMeeting(storage, meetingId);
    const meeting = await storage.getMeeting(meetingId);
    if (meeting && copies.length > 0) records.changed(meeting.groupId, 'goals');
    // Proposals the meeting left go on the parking lot, and on to the next meeting's proposals.
    if (meeting && (await parkAfterMeeting(storage, meetingId)).parked > 0) records.changed(meeting.groupId, 'parking');
    // The meeting's commitments are now due somewhere: the group gets its weekly overdue digest.
    if (meeting) await scheduleOverdueDigest(storage, meeting.groupId, Date.now());
  };
}
