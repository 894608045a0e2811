// Scheduled mail as stored jobs: the prep reminder N days before a meeting, the meeting reminder
// the day before, and a group's weekly overdue-commitments digest. Scheduling writes a job row;
// the worker (queue.ts) runs each due job once, in a transaction with the mails it queues.
import { buildCalendar } from '../../shared/calendar/ics.ts';
import type { Group, GroupMember, Meeting } from '../../shared/domain.ts';
import type { MeetingReadiness, MemberReadiness } from '../../shared/readiness.ts';
import type { MailJob, Storage } from '../storage/types.ts';
import { toEvents } from '../services/calendar.ts';
import { commitmentsOf } from '../services/overview.ts';
import { meetingReadiness } from '../services/readiness.ts';
import { meetingReminderMail, overdueMail, prepReminderMail } from './compose.ts';
import { MAIL_LIMITS } from './limits.ts';
import type { Mailer } from './mailer.ts';

const DAY_MS = 24 * 60 * 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** (Re)schedules a meeting's reminders after it was created or moved; a past start schedules none. */
export async function scheduleMeetingMail(storage: Storage, meeting: Meeting, now = Date.now()): Promise<void> {
  const start = Date.parse(meeting.startsAt);
  if (meeting.status !== 'scheduled' || start <= now) return;
  const payload = { meetingId: meeting.id };
  // A meeting scheduled at short notice gets its reminders at once rather than never.
  await storage.scheduleMailJob({ id: `prep_reminder:${meeting.id}`, kind: 'prep_reminder', runAt: iso(Math.max(now, start - MAIL_LIMITS.prepReminderDays * DAY_MS)), payload });
  await storage.scheduleMailJob({ id: `meeting_reminder:${meeting.id}`, kind: 'meeting_reminder', runAt: iso(Math.max(now, start - MAIL_LIMITS.meetingReminderMs)), payload });
}

/** Monday 08:00 UTC strictly after `after`: the digest's weekly slot. */
export function nextDigestSlot(after: number): number {
  const d = new Date(after);
  const slot = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + ((8 - d.getUTCDay()) % 7), MAIL_LIMITS.overdueHourUtc);
  return slot > after ? slot : slot + MAIL_LIMITS.overdueEveryMs;
}

/**
 * The group's overdue digest in the next weekly slot after `after`. One job per group and slot,
 * so however often this is called (every meeting end, every digest) one chain runs.
 */
export async function scheduleOverdueDigest(storage: Storage, groupId: string, after: number): Promise<void> {
  const runAt = iso(nextDigestSlot(after));
  await storage.scheduleMailJob({ id: `overdue:${groupId}:${runAt}`, kind: 'overdue', runAt, payload: { groupId } });
}

async function upcoming(tx: Storage, job: MailJob, now: Date): Promise<{ meeting: Meeting; group: NonNullable<Awaited<ReturnType<Storage['getGroup']>>> } | null> {
  const meeting = await tx.getMeeting(String(job.payload.meetingId));
  // Cancelled, started or moved into the past since it was scheduled: nothing to remind of.
  if (!meeting || meeting.status !== 'scheduled' || Date.parse(meeting.startsAt) <= now.getTime()) return null;
  const group = await tx.getGroup(meeting.groupId);
  return group && { meeting, group };
}

/** One member's prep reminder: what is missing, with the links to fix it. */
export async function queuePrepReminder(
  db: Storage,
  mailer: Mailer,
  o: { meeting: Meeting; group: Group; row: MemberReadiness; member: GroupMember; readiness: Pick<MeetingReadiness, 'figuresQuarter' | 'expects'>; dedupeKey: string },
): Promise<boolean> {
  const { meeting, group, row, member } = o;
  const { figuresQuarter, expects } = o.readiness;
  // Only to what the meeting asks for: a shared session's host group has no figures or goals
  // pages to send anyone to (shared/access refuses them).
  const links = {
    figures: expects.figures ? mailer.link(`/groups/${group.id}/financials?quarter=${figuresQuarter}`) : null,
    goals: expects.goals ? mailer.link(`/groups/${group.id}/goals`) : null,
    update: mailer.link(`/meetings/${meeting.id}/update`),
    meeting: mailer.link(`/meetings/${meeting.id}`),
  };
  const text = prepReminderMail({ name: member.name, group, meeting, row, figuresQuarter, links });
  return mailer.queue(db, { kind: 'prep_reminder', to: member.email, userId: member.userId, networkId: group.networkId, groupId: group.id, ...text, dedupeKey: o.dedupeKey });
}

export function mailJobRunner(mailer: Mailer) {
  const runners: Record<string, (tx: Storage, job: MailJob, now: Date) => Promise<void>> = {
    async prep_reminder(tx, job, now) {
      const found = await upcoming(tx, job, now);
      if (!found) return;
      const { meeting, group } = found;
      const readiness = await meetingReadiness(tx, meeting);
      const members = new Map((await tx.listMembers(group.id)).map((m) => [m.userId, m]));
      for (const row of readiness.members.filter((r) => !r.ready)) {
        const member = members.get(row.userId)!;
        await queuePrepReminder(tx, mailer, { meeting, group, row, member, readiness, dedupeKey: `${job.id}:${row.userId}` });
      }
    },
    async meeting_reminder(tx, job, now) {
      const found = await upcoming(tx, job, now);
      if (!found) return;
      const { meeting, group } = found;
      const ics = buildCalendar(`${group.name}: ${meeting.title}`, await toEvents(tx, meeting, group, mailer.link('')));
      for (const m of await tx.listMembers(group.id)) {
        const text = meetingReminderMail({ name: m.name, group, meeting, meetingUrl: mailer.link(`/meetings/${meeting.id}`) });
        const attachments = [{ filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }];
        await mailer.queue(tx, { kind: 'meeting_reminder', to: m.email, userId: m.userId, networkId: group.networkId, groupId: group.id, ...text, attachments, dedupeKey: `${job.id}:${m.userId}` });
      }
    },
    async overdue(tx, job, now) {
      const group = await tx.getGroup(String(job.payload.groupId));
      if (!group) return;
      const held = (await tx.listMeetings(group.id)).filter((m) => m.status !== 'scheduled');
      // inTheRoom=false: a confidential commitment never goes into a mail. Overdue is decided on
      // each meeting's calendar (the Monday slot is UTC; "past its date" is the meeting zone's).
      const overdue = (await commitmentsOf(tx, held, false, now)).filter((c) => c.overdue);
      for (const m of await tx.listMembers(group.id)) {
        const items = overdue.filter((c) => c.who === m.userId).map((c) => ({ what: c.what, due: c.due, group: group.name, meetingTitle: c.meetingTitle }));
        if (items.length === 0) continue;
        const text = overdueMail({ name: m.name, items, url: mailer.link('/me') });
        await mailer.queue(tx, { kind: 'overdue', to: m.email, userId: m.userId, networkId: group.networkId, groupId: group.id, ...text, dedupeKey: `${job.id}:${m.userId}` });
      }
      // From now, not from the slot this job had: after weeks without a running worker the missed
      // slots would otherwise each run at once, one digest per missed week in a row.
      await scheduleOverdueDigest(tx, group.id, Math.max(Date.parse(job.runAt), now.getTime()));
    },
  };
  return async (tx: Storage, job: MailJob, now: Date): Promise<void> => {
    const run = runners[job.kind];
    if (run) await run(tx, job, now);
  };
}
