// Attendance as a membership rule ("miss no more than 2 meetings in any 12 months"): the group
// sets its rule, members RSVP before a meeting (in the room / remote / excused with a reason),
// and each member company's record over the window is measured against the rule.
import { z } from 'zod';
import type { AttendanceMode, AttendanceStatus } from './domain.ts';

export type RsvpResponse = 'room' | 'remote' | 'excused';

export interface Rsvp {
  meetingId: string;
  groupId: string;
  userId: string;
  response: RsvpResponse;
  /** Why, for an excused absence; '' otherwise. */
  reason: string;
  updatedAt: string;
}

export interface AttendanceRule {
  /** Most meetings a member may miss within the window. */
  maxMissed: number;
  windowMonths: number;
  /** Joining more than this many minutes after the start counts as late. */
  lateAfterMin: number;
  /** Whether an excused absence (RSVP excused, then absent) counts as missed. */
  excusedCounts: boolean;
}

/** The rule most peer groups start from (HTG, Vistage): two misses in twelve months. */
export const DEFAULT_ATTENDANCE_RULE: AttendanceRule = { maxMissed: 2, windowMonths: 12, lateAfterMin: 15, excusedCounts: false };

export const attendanceRuleBody = z.object({
  maxMissed: z.number().int().min(0).max(12),
  windowMonths: z.number().int().min(1).max(36),
  lateAfterMin: z.number().int().min(0).max(240),
  excusedCounts: z.boolean(),
});

export const rsvpBody = z
  .object({ response: z.enum(['room', 'remote', 'excused']), reason: z.string().trim().max(500).default('') })
  .refine((r) => r.response !== 'excused' || r.reason !== '', { message: 'An excused absence needs a reason', path: ['reason'] });

/** One held meeting as the measure needs it. */
export interface HeldMeeting {
  meetingId: string;
  startsAt: string;
  /** When the room started it (epoch ms); null if never started. */
  startedAt: number | null;
  attendance: Record<string, { status: AttendanceStatus; joinedAt: number | null }>;
  /** userId -> RSVP */
  rsvps: Record<string, RsvpResponse>;
}

export type AttendanceStanding = 'ok' | 'at_risk' | 'over';

export interface MemberAttendance {
  userId: string;
  name: string;
  company: string | null;
  /** Meetings held in the window where the member was expected (had an attendance entry). */
  held: number;
  attended: number;
  late: number;
  missed: number;
  excused: number;
  /** Missed as the rule counts them (excused ones only if the rule says so). */
  counted: number;
  /** attended / held; null before any held meeting. */
  rate: number | null;
  /** over: more misses than the rule allows; at_risk: one more miss breaks it. */
  standing: AttendanceStanding;
}

export interface GroupAttendance {
  rule: AttendanceRule;
  defaultRule: boolean;
  /** The window measured: [from, to) as ISO instants. */
  from: string;
  to: string;
  members: MemberAttendance[];
}

/** The start of the window ending at `now`: the same day `months` calendar months earlier (UTC). */
export function windowStart(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** One member's record over the held meetings of the window, against the rule. */
export function measureAttendance(rule: AttendanceRule, userId: string, meetings: readonly HeldMeeting[]): Omit<MemberAttendance, 'name' | 'company'> {
  let held = 0;
  let attended = 0;
  let late = 0;
  let missed = 0;
  let excused = 0;
  for (const m of meetings) {
    const entry = m.attendance[userId];
    if (!entry) continue;
    held++;
    if (entry.status === 'absent') {
      if (m.rsvps[userId] === 'excused') excused++;
      else missed++;
      continue;
    }
    attended++;
    const lateByClock = m.startedAt !== null && entry.joinedAt !== null && entry.joinedAt - m.startedAt > rule.lateAfterMin * 60_000;
    if (entry.status === 'late' || lateByClock) late++;
  }
  const counted = missed + (rule.excusedCounts ? excused : 0);
  const standing: AttendanceStanding = counted > rule.maxMissed ? 'over' : counted === rule.maxMissed ? 'at_risk' : 'ok';
  return { userId, held, attended, late, missed, excused, counted, rate: held === 0 ? null : attended / held, standing };
}

/**
 * How one member took part, as every recap format says it (page, Markdown, PDF, JSON, mail).
 * An absent member's `mode` is whatever they last joined with (or 'room'), so it must never be
 * read on its own: "absent" is never "in the room". Leaving early is not recorded.
 */
export type AttendanceOutcome = 'room' | 'online' | 'late_room' | 'late_online' | 'apologies' | 'absent';

export const ATTENDANCE_LABEL: Record<AttendanceOutcome, string> = {
  room: 'In the room',
  online: 'Online',
  late_room: 'Late, in the room',
  late_online: 'Late, online',
  apologies: 'Absent, apologies sent',
  absent: 'Absent',
};

/** `rsvp` is the member's answer before the meeting (excused + absent = apologies sent). */
export function attendanceOutcome(status: AttendanceStatus, mode: AttendanceMode, rsvp: RsvpResponse | null): AttendanceOutcome {
  switch (status) {
    case 'present':
      return 'room';
    case 'remote':
      return 'online';
    case 'late':
      return mode === 'remote' ? 'late_online' : 'late_room';
    case 'absent':
      return rsvp === 'excused' ? 'apologies' : 'absent';
  }
}

/** The meeting's attendance entries as the record lists them, by name, each with its outcome and label. */
export function attendanceRecord(
  entries: readonly { userId: string; status: AttendanceStatus; mode: AttendanceMode }[],
  rsvps: readonly Pick<Rsvp, 'userId' | 'response'>[],
  nameOf: (userId: string) => string,
): { userId: string; name: string; status: AttendanceStatus; mode: AttendanceMode; outcome: AttendanceOutcome; label: string }[] {
  const rsvpOf = new Map(rsvps.map((r) => [r.userId, r.response]));
  return entries
    .map((a) => {
      const outcome = attendanceOutcome(a.status, a.mode, rsvpOf.get(a.userId) ?? null);
      return { userId: a.userId, name: nameOf(a.userId), status: a.status, mode: a.mode, outcome, label: ATTENDANCE_LABEL[outcome] };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
