// The attendance rule, measured: misses, excused absences as the group decides, lateness by the
// facilitator's mark or by the clock, and the standing against the rule.
import { describe, expect, it } from 'vitest';
import { attendanceRuleBody, DEFAULT_ATTENDANCE_RULE, measureAttendance, rsvpBody, windowStart, type HeldMeeting } from './attendance.ts';

const START = Date.UTC(2026, 0, 10, 9);
const held = (id: string, status: 'present' | 'remote' | 'late' | 'absent', opts: { joinedAfterMin?: number; rsvp?: 'room' | 'remote' | 'excused' } = {}): HeldMeeting => ({
  meetingId: id,
  startsAt: new Date(START).toISOString(),
  startedAt: START,
  attendance: { u: { status, joinedAt: status === 'absent' ? null : START + (opts.joinedAfterMin ?? 0) * 60_000 } },
  rsvps: opts.rsvp ? { u: opts.rsvp } : {},
});

describe('measureAttendance', () => {
  it('counts attended, missed and excused; excused ones count only when the rule says so', () => {
    const meetings = [held('a', 'present'), held('b', 'absent'), held('c', 'absent', { rsvp: 'excused' }), held('d', 'remote')];
    expect(measureAttendance(DEFAULT_ATTENDANCE_RULE, 'u', meetings)).toEqual({
      userId: 'u', held: 4, attended: 2, late: 0, missed: 1, excused: 1, counted: 1, rate: 0.5, standing: 'ok',
    });
    expect(measureAttendance({ ...DEFAULT_ATTENDANCE_RULE, excusedCounts: true }, 'u', meetings)).toMatchObject({ counted: 2, standing: 'at_risk' });
  });

  it('an RSVP of room or remote does not excuse an absence', () => {
    expect(measureAttendance(DEFAULT_ATTENDANCE_RULE, 'u', [held('a', 'absent', { rsvp: 'room' })])).toMatchObject({ missed: 1, excused: 0 });
  });

  it('is over the rule past the allowed misses, at risk at the limit', () => {
    const rule = { ...DEFAULT_ATTENDANCE_RULE, maxMissed: 1 };
    expect(measureAttendance(rule, 'u', [held('a', 'absent')]).standing).toBe('at_risk');
    expect(measureAttendance(rule, 'u', [held('a', 'absent'), held('b', 'absent')]).standing).toBe('over');
    expect(measureAttendance(rule, 'u', [held('a', 'present')]).standing).toBe('ok');
  });

  it('late by the facilitator’s mark or by joining after the threshold', () => {
    const rule = { ...DEFAULT_ATTENDANCE_RULE, lateAfterMin: 10 };
    const r = measureAttendance(rule, 'u', [held('a', 'late'), held('b', 'present', { joinedAfterMin: 11 }), held('c', 'present', { joinedAfterMin: 10 })]);
    expect([r.late, r.attended, r.missed]).toEqual([2, 3, 0]);
  });

  it('a member with no entry was not expected: no meetings, no rate', () => {
    expect(measureAttendance(DEFAULT_ATTENDANCE_RULE, 'other', [held('a', 'absent')])).toMatchObject({ held: 0, rate: null, standing: 'ok' });
  });
});

describe('window and bodies', () => {
  it('the window starts the same day months earlier', () => {
    expect(windowStart(new Date('2026-12-02T10:00:00Z'), 12).toISOString()).toBe('2025-12-02T10:00:00.000Z');
  });
  it('an excused RSVP needs a reason; the rule has bounds', () => {
    expect(rsvpBody.safeParse({ response: 'excused' }).success).toBe(false);
    expect(rsvpBody.safeParse({ response: 'excused', reason: 'Surgery' }).success).toBe(true);
    expect(rsvpBody.safeParse({ response: 'remote' }).data).toEqual({ response: 'remote', reason: '' });
    expect(attendanceRuleBody.safeParse({ maxMissed: -1, windowMonths: 12, lateAfterMin: 15, excusedCounts: false }).success).toBe(false);
  });
});
