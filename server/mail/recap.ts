// The recap by mail once the facilitator marks the record final: to everyone in the group,
// each with their own commitments first. Only commitments not marked "stays in the room" and
// the new goals (none for a shared session) go in; notes never do (they may hold room-only blocks): the mail links to them.
import { attendanceRecord } from '../../shared/attendance.ts';
import { readCommitments } from '../../shared/collab/commitments.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import type { Meeting } from '../../shared/domain.ts';
import { eventOfSharedSession } from '../services/sharedSessions.ts';
import { loadStoredDoc } from '../services/summaryDocs.ts';
import type { Storage } from '../storage/types.ts';
import { recapMail } from './compose.ts';
import type { Mailer } from './mailer.ts';

export async function queueRecapMail(storage: Storage, mailer: Mailer, meeting: Meeting): Promise<void> {
  const group = await storage.getGroup(meeting.groupId);
  if (!group) return;
  const doc = await loadStoredDoc(storage, commitmentsDocName(meeting.id));
  const commitments = doc ? readCommitments(doc).filter((c) => !c.confidential) : [];
  doc?.destroy();
  const members = await storage.listMembers(group.id);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  // A shared session of a network event has no goals (shared/access): none go into its recap.
  const shared = await eventOfSharedSession(storage, meeting);
  const [goals, state, rsvps, nextId] = await Promise.all([shared ? null : storage.listGoals(group.id, { quarter: meeting.quarter }), storage.getMeetingState(meeting.id), storage.listRsvps(meeting.id), storage.getNextMeetingId(meeting.id)]);
  const next = nextId ? await storage.getMeeting(nextId) : null;
  const attendance = attendanceRecord(Object.values(state?.attendance ?? {}), rsvps, (id) => names.get(id) ?? 'Former member');
  await storage.transaction(async (tx) => {
    for (const m of members) {
      const text = recapMail({ name: m.name, userId: m.userId, group, meeting, commitments, names, myGoals: goals && goals.filter((g) => g.userId === m.userId), attendance, next, recapUrl: mailer.link(`/meetings/${meeting.id}/recap`) });
      // Marking final again (after un-marking for a late correction) sends nobody a second recap.
      await mailer.queue(tx, { kind: 'recap', to: m.email, userId: m.userId, networkId: group.networkId, groupId: group.id, ...text, dedupeKey: `recap:${meeting.id}:${m.userId}` });
    }
  });
  mailer.kick();
}
