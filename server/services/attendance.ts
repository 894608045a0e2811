// Attendance against the group's rule: the rule itself, RSVPs before a meeting, and each member
// company's record over the rule's window (held meetings, misses, excused absences, lateness).
import { can, check, hasCompany } from '../../shared/access/index.ts';
import {
  DEFAULT_ATTENDANCE_RULE,
  measureAttendance,
  windowStart,
  type AttendanceRule,
  type GroupAttendance,
  type HeldMeeting,
  type Rsvp,
  type RsvpResponse,
} from '../../shared/attendance.ts';
import { DomainError } from '../../shared/errors.ts';
import { authorizeGroup, requireRight } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeMeeting } from './meetings.ts';

export async function ruleOf(storage: Pick<Storage, 'getAttendanceRule'>, groupId: string): Promise<{ rule: AttendanceRule; defaultRule: boolean }> {
  const own = await storage.getAttendanceRule(groupId);
  return own ? { rule: own, defaultRule: false } : { rule: DEFAULT_ATTENDANCE_RULE, defaultRule: true };
}

export async function groupRule(storage: Storage, userId: string, groupId: string) {
  await authorizeGroup(storage, userId, groupId, 'group.read');
  return ruleOf(storage, groupId);
}

export async function setGroupRule(storage: Storage, userId: string, groupId: string, rule: AttendanceRule | null) {
  await authorizeGroup(storage, userId, groupId, 'attendance.rule');
  await storage.setAttendanceRule(groupId, rule);
  return ruleOf(storage, groupId);
}

export async function writeMyRsvp(storage: Storage, userId: string, meetingId: string, body: { response: RsvpResponse; reason: string }): Promise<Rsvp> {
  const { meeting, group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  requireRight('rsvp.write', access, group, meeting);
  return storage.putRsvp({ meetingId, groupId: group.id, userId, response: body.response, reason: body.response === 'excused' ? body.reason : '' });
}

/** Who said what for the meeting; reasons for an excused absence only for whoever runs the group (and the member). */
export async function meetingRsvps(storage: Storage, userId: string, meetingId: string): Promise<(Rsvp & { name: string })[]> {
  const { group, access } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  const [rsvps, members] = await Promise.all([storage.listRsvps(meetingId), storage.listMembers(group.id)]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const reviews = can('attendance.review', access, group);
  return rsvps.map((r) => ({ ...r, reason: reviews || r.userId === userId ? r.reason : '', name: names.get(r.userId) ?? 'Former member' }));
}

/**
 * Every member company's attendance over the rule's window ending `now`, against the rule. The
 * coach (peer-led: every member) sees everyone; a member company of a coach-led group its own row.
 */
export async function groupAttendance(storage: Storage, userId: string, groupId: string, now = new Date()): Promise<GroupAttendance> {
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'group.read');
  const denied = check('attendance.review', access, group);
  // A member company (the goals of a shared session are refused, its companies are not).
  if (denied && !hasCompany(access.groupRole)) throw new DomainError(denied.code, denied.message);
  const { rule, defaultRule } = await ruleOf(storage, groupId);
  const from = windowStart(now, rule.windowMonths);
  const ended = (await storage.listMeetings(groupId)).filter((m) => m.status === 'ended' && new Date(m.startsAt) >= from && new Date(m.startsAt) < now);
  const held: HeldMeeting[] = await Promise.all(
    ended.map(async (m) => {
      const [state, rsvps] = await Promise.all([storage.getMeetingState(m.id), storage.listRsvps(m.id)]);
      return {
        meetingId: m.id,
        startsAt: m.startsAt,
        startedAt: state?.startedAt ?? null,
        attendance: state?.attendance ?? {},
        rsvps: Object.fromEntries(rsvps.map((r) => [r.userId, r.response])),
      };
    }),
  );
  const members = (await storage.listMembers(groupId)).filter((m) => hasCompany(m.role) && (!denied || m.userId === userId));
  return {
    rule,
    defaultRule,
    from: from.toISOString(),
    to: now.toISOString(),
    members: members.map((m) => ({ ...measureAttendance(rule, m.userId, held), name: m.name, company: m.company })),
  };
}
