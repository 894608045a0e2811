// Table rows for meeting days: adjourn and resume (nothing accrues overnight), breaks, running
// late per day, fixed items, re-balance (never below the minimum, the day ends on time) and its
// undo, and "take 10 minutes from the next item".
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import type { Actor } from '../access/index.ts';
import { meetingCommandSchema, type MeetingCommand } from './commands.ts';
import { agendaDays, dayCount, dayOf, isAdjourned } from './days.ts';
import { apply, createMeetingState } from './reducer.ts';
import type { MeetingState } from './state.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE, TWO_DAY_TEMPLATE } from './templates.ts';
import { runRow, type Row } from './test-rows.ts';
import { projectedDayEnd, rebalance, runningLate } from './timer.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY1 = Date.UTC(2026, 9, 1, 7, 0); // 09:00 in Berlin
const DAY2 = Date.UTC(2026, 9, 2, 6, 30); // 08:30 the next morning
const FAC: Actor = { userId: 'fac', role: 'member' };
const MEMBER: Actor = { userId: 'm2', role: 'member' };

const it_ = (id: string, minutes: number, patch: Partial<AgendaItem> = {}): AgendaItem =>
  ({ id, kind: 'custom', title: `Item ${id}`, durationMs: minutes * MIN, spentMs: 0, ...patch });

/** Day 1: a 30, b 30, coffee 15, c 30 fixed; day 2: d 60, e 40, f 20 fixed (closing). */
const AGENDA: AgendaItem[] = [
  it_('a', 30), it_('b', 30), it_('coffee', 15, { kind: 'break', title: 'Coffee' }), it_('c', 30, { fixed: true }),
  it_('eod', 1, { kind: 'day-end', title: 'End of day 1' }),
  it_('d', 60), it_('e', 40), it_('f', 20, { kind: 'closing', fixed: true }),
];
const at = (id: string) => AGENDA.findIndex((i) => i.id === id);

/** Drives the reducer through [command, now] steps, as the room would. */
function drive(state: MeetingState, steps: [MeetingCommand, number][], actor: Actor = FAC): MeetingState {
  let s = state;
  for (const [command, now] of steps) {
    const r = apply(s, command, actor, now);
    if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
    s = r.state;
  }
  return s;
}
const NEXT: MeetingCommand = { type: 'agenda.next' };
const scheduled = () => createMeetingState('m1', AGENDA, FAC.userId);
/** Day 1 run: a 40 (10 over), b 30, coffee 15, c 30; adjourned at 11:05 Berlin. */
const adjourned = () => drive(scheduled(), [
  [{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 40 * MIN], [NEXT, DAY1 + 70 * MIN], [NEXT, DAY1 + 85 * MIN], [NEXT, DAY1 + 115 * MIN],
]);
/** Day 2 resumed at 08:30, on d for `minutes`. */
const onDay2 = () => drive(adjourned(), [[NEXT, DAY2]]);
const spent = (s: MeetingState) => Object.fromEntries(s.agenda.map((i) => [i.id, i.spentMs / MIN]));

const rows: Row[] = [
  { name: 'next onto the day-end adjourns: no timer, no visit clock, day 1 closed', given: drive(scheduled(), [[{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 40 * MIN], [NEXT, DAY1 + 70 * MIN], [NEXT, DAY1 + 85 * MIN]]),
    command: NEXT, now: DAY1 + 115 * MIN, ok: (s, ev) => {
      expect(isAdjourned(s)).toBe(true);
      expect(s).toMatchObject({ status: 'live', currentIndex: at('eod'), timer: null, itemEnteredAt: null });
      expect(s.dayRuns).toEqual([{ startedAt: DAY1, endedAt: DAY1 + 115 * MIN, plannedMs: 105 * MIN, attendance: {} }]);
      expect(spent(s)).toMatchObject({ a: 40, b: 30, coffee: 15, c: 30, eod: 0 });
      expect(ev).toContainEqual({ type: 'meeting.adjourned', day: 0, at: DAY1 + 115 * MIN });
    } },
  { name: 'resume next morning: nothing accrued overnight, day 2 starts then', given: adjourned(), command: NEXT, now: DAY2, ok: (s, ev) => {
    expect(spent(s)).toMatchObject({ a: 40, b: 30, coffee: 15, c: 30, eod: 0, d: 0 });
    expect(s.dayRuns).toEqual([
      { startedAt: DAY1, endedAt: DAY1 + 115 * MIN, plannedMs: 105 * MIN, attendance: {} },
      { startedAt: DAY2, endedAt: null, plannedMs: 120 * MIN, attendance: {} },
    ]);
    expect(s.timer).toEqual({ itemId: 'd', durationMs: 60 * MIN, runningSince: DAY2, elapsedMs: 0 });
    expect(ev).toContainEqual({ type: 'meeting.resumed', day: 1, at: DAY2 });
  } },
  { name: 'adjourned: the timer cannot be started', given: adjourned(), command: { type: 'timer.start' }, now: DAY1 + 20 * HOUR, error: 'illegal_command' },
  { name: 'adjourned: nothing to re-balance', given: adjourned(), command: { type: 'agenda.rebalance' }, now: DAY1 + 20 * HOUR, error: 'illegal_command' },
  { name: 'adjourned: no current item to give time to', given: adjourned(), command: { type: 'agenda.borrow', ms: 10 * MIN }, now: DAY1 + 20 * HOUR, error: 'illegal_command' },
  { name: 'end on day 2 books the last visit and closes day 2', given: drive(onDay2(), [[NEXT, DAY2 + 70 * MIN], [NEXT, DAY2 + 110 * MIN]]), command: { type: 'meeting.end' }, now: DAY2 + 135 * MIN, ok: (s) => {
    expect(spent(s)).toMatchObject({ a: 40, d: 70, e: 40, f: 25 });
    expect(s.dayRuns[1]).toEqual({ startedAt: DAY2, endedAt: DAY2 + 135 * MIN, plannedMs: 120 * MIN, attendance: {} });
  } },
  { name: 'a break runs a timer of its own box like any item', given: drive(scheduled(), [[{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 30 * MIN]]), command: NEXT, now: DAY1 + 60 * MIN, ok: (s) => {
    expect(s.timer).toEqual({ itemId: 'coffee', durationMs: 15 * MIN, runningSince: DAY1 + 60 * MIN, elapsedMs: 0 });
  } },
  { name: 'the agenda cannot start on a day-end', given: createMeetingState('m1', AGENDA.slice(4), FAC.userId), command: { type: 'meeting.start' }, now: DAY1, error: 'illegal_command' },
  { name: 'late on day 2 counts from day 2\'s start, not day 1\'s', given: onDay2(), command: { type: 'attendance.join', mode: 'room' }, actor: MEMBER, now: DAY2 + 5 * MIN, ok: (s) => {
    expect(s.attendance.m2?.status).toBe('present');
  } },
  { name: 'joining day 2 15 minutes after its start is late', given: onDay2(), command: { type: 'attendance.join', mode: 'room' }, actor: MEMBER, now: DAY2 + 15 * MIN, ok: (s) => {
    expect(s.attendance.m2?.status).toBe('late');
  } },
  // attendance per day
  { name: 'day 2: a member present on day 1 joins again, recorded for day 2 too', given: drive(drive(scheduled(), [[{ type: 'attendance.join', mode: 'room' }, DAY1 - 5 * MIN]], MEMBER), [
    [{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 40 * MIN], [NEXT, DAY1 + 70 * MIN], [NEXT, DAY1 + 85 * MIN], [NEXT, DAY1 + 115 * MIN], [NEXT, DAY2],
  ]),
    command: { type: 'attendance.join', mode: 'room' }, actor: MEMBER, now: DAY2 + 2 * MIN, ok: (s) => {
      expect(s.dayRuns.map((r) => r.attendance)).toEqual([{ m2: 'present' }, { m2: 'present' }]);
    } },
  { name: 'day attendance: remote on day 2, late on day 1 stays on day 1', given: drive(scheduled(), [[{ type: 'meeting.start' }, DAY1], [{ type: 'attendance.join', mode: 'room' }, DAY1 + 20 * MIN]], FAC),
    command: { type: 'attendance.join', mode: 'remote' }, actor: FAC, now: DAY1 + 25 * MIN, ok: (s) => {
      expect(s.dayRuns[0]?.attendance?.fac).toBe('late');
    } },
  { name: 'adjourned: joining records no day', given: adjourned(), command: { type: 'attendance.join', mode: 'remote' }, actor: MEMBER, now: DAY1 + 20 * HOUR, ok: (s) => {
    expect(s.dayRuns.map((r) => r.attendance)).toEqual([{}]);
    expect(s.attendance.m2?.status).toBe('remote');
  } },
  { name: 'the facilitator sets a day-2 status without touching day 1', given: drive(onDay2(), []), command: { type: 'attendance.set', userId: 'm2', status: 'absent' }, now: DAY2 + 30 * MIN, ok: (s) => {
    expect(s.dayRuns.map((r) => r.attendance)).toEqual([{}, { m2: 'absent' }]);
  } },
  { name: 'rating on day 1 of 2 is refused: the closing rating is asked at the end of the last day', given: drive(scheduled(), [[{ type: 'meeting.start' }, DAY1]]), command: { type: 'rating.submit', score: 8 }, actor: MEMBER, now: DAY1 + 60 * MIN, error: 'illegal_command' },
  { name: 'rating on the last day is accepted', given: onDay2(), command: { type: 'rating.submit', score: 8 }, actor: MEMBER, now: DAY2 + 60 * MIN, ok: (s) => expect(s.ratings).toEqual({ m2: 8 }) },
  { name: 'fixed flag set through agenda.update', given: scheduled(), command: { type: 'agenda.update', itemId: 'b', fixed: true }, ok: (s) => expect(s.agenda[1]?.fixed).toBe(true) },
  { name: 'fixed flag on an added item', given: scheduled(), command: { type: 'agenda.add', item: { id: 'guest', kind: 'custom', title: 'Guest speaker', durationMs: 45 * MIN, fixed: true } }, ok: (s) => {
    expect(s.agenda.at(-1)).toMatchObject({ id: 'guest', fixed: true });
  } },
  // re-balance: day 2, d has run 100 of its 60 minutes: 40 late; e (40) is the only free item.
  { name: 'rebalance: fixed items and breaks untouched, never below the minimum', given: onDay2(), command: { type: 'agenda.rebalance' }, now: DAY2 + 100 * MIN, ok: (s, ev) => {
    expect(spent(s)).toMatchObject({ d: 0 });
    expect(s.agenda.find((i) => i.id === 'e')?.durationMs).toBe(LIMITS.rebalanceMinMs);
    expect(s.agenda.find((i) => i.id === 'f')?.durationMs).toBe(20 * MIN); // fixed
    expect(s.rebalanceUndo).toEqual({ before: [{ itemId: 'e', durationMs: 40 * MIN }] });
    expect(ev).toEqual([{ type: 'agenda.rebalanced', items: [{ itemId: 'e', durationMs: LIMITS.rebalanceMinMs }] }]);
  } },
  { name: 'rebalance: on time, nothing to do', given: onDay2(), command: { type: 'agenda.rebalance' }, now: DAY2 + 30 * MIN, error: 'illegal_command' },
  { name: 'rebalance: a member who is not the facilitator', given: onDay2(), command: { type: 'agenda.rebalance' }, actor: MEMBER, now: DAY2 + 100 * MIN, error: 'not_facilitator' },
  { name: 'undo puts the boxes back', given: drive(onDay2(), [[{ type: 'agenda.rebalance' }, DAY2 + 100 * MIN]]), command: { type: 'agenda.rebalance.undo' }, now: DAY2 + 101 * MIN, ok: (s) => {
    expect(s.agenda.find((i) => i.id === 'e')?.durationMs).toBe(40 * MIN);
    expect(s.rebalanceUndo).toBeNull();
  } },
  { name: 'undo re-sizes the timer of a re-balanced item the room is on', given: drive(onDay2(), [[{ type: 'agenda.rebalance' }, DAY2 + 100 * MIN], [NEXT, DAY2 + 101 * MIN]]), command: { type: 'agenda.rebalance.undo' }, now: DAY2 + 102 * MIN, ok: (s) => {
    expect(s.timer).toMatchObject({ itemId: 'e', durationMs: 40 * MIN });
  } },
  { name: 'undo twice', given: drive(onDay2(), [[{ type: 'agenda.rebalance' }, DAY2 + 100 * MIN], [{ type: 'agenda.rebalance.undo' }, DAY2 + 101 * MIN]]), command: { type: 'agenda.rebalance.undo' }, now: DAY2 + 102 * MIN, error: 'illegal_command' },
  // take 10 minutes from the next item
  { name: 'borrow: the current box and timer grow, the next shrinks, the day keeps its length', given: onDay2(), command: { type: 'agenda.borrow', ms: 10 * MIN }, now: DAY2 + 50 * MIN, ok: (s, ev, g) => {
    expect(s.agenda.find((i) => i.id === 'd')?.durationMs).toBe(70 * MIN);
    expect(s.agenda.find((i) => i.id === 'e')?.durationMs).toBe(30 * MIN);
    expect(s.timer).toMatchObject({ itemId: 'd', durationMs: 70 * MIN, runningSince: DAY2 });
    expect(runningLate(s, DAY2 + 50 * MIN).projectedEndOffsetMs).toBe(runningLate(g, DAY2 + 50 * MIN).projectedEndOffsetMs);
    expect(ev).toEqual([{ type: 'agenda.borrowed', fromItemId: 'e', toItemId: 'd', ms: 10 * MIN }]);
  } },
  { name: 'borrow: not below the minimum', given: onDay2(), command: { type: 'agenda.borrow', ms: 36 * MIN }, now: DAY2 + 50 * MIN, error: 'illegal_command' },
  { name: 'borrow: the next item is fixed', given: drive(onDay2(), [[NEXT, DAY2 + 60 * MIN]]), command: { type: 'agenda.borrow', ms: 10 * MIN }, now: DAY2 + 70 * MIN, error: 'illegal_command' },
  { name: 'borrow: the next item is a break', given: drive(scheduled(), [[{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 30 * MIN]]), command: { type: 'agenda.borrow', ms: 10 * MIN }, now: DAY1 + 40 * MIN, error: 'illegal_command' },
  { name: 'borrow: the last item of the day has no next', given: drive(adjourned(), [[{ type: 'agenda.back' }, DAY1 + 20 * HOUR]]), command: { type: 'agenda.borrow', ms: 10 * MIN }, now: DAY1 + 20 * HOUR, error: 'illegal_command' },
];

describe('meeting days (table)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    runRow(row, { actor: FAC, now: (given) => (given.itemEnteredAt ?? DAY1) + 5 * MIN });
  });

  it('borrow takes whole minutes only (the schema refuses 90 s before the reducer sees it)', () => {
    expect(meetingCommandSchema.safeParse({ type: 'agenda.borrow', ms: 90_000 }).success).toBe(false);
    expect(meetingCommandSchema.safeParse({ type: 'agenda.borrow', ms: 10 * MIN }).success).toBe(true);
  });
});

describe('days on the agenda', () => {
  it('an item\'s day is the number of day-ends before it', () => {
    expect(AGENDA.map((_, i) => dayOf(AGENDA, i))).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(dayCount(AGENDA)).toBe(2);
    expect(agendaDays(AGENDA).map((d) => d.map((i) => i.id))).toEqual([['a', 'b', 'coffee', 'c'], ['d', 'e', 'f']]);
    expect(dayCount(STANDARD_TEMPLATE)).toBe(1);
    expect(dayCount(TWO_DAY_TEMPLATE)).toBe(2);
  });

  it('the two-day template: 8 h then 6 h 45, New goals and Closing fixed', () => {
    const days = agendaDays(TWO_DAY_TEMPLATE).map((d) => d.reduce((sum, i) => sum + i.durationMs, 0) / MIN);
    expect(days).toEqual([480, 405]);
    expect(TWO_DAY_TEMPLATE.filter((i) => i.fixed).map((i) => i.kind)).toEqual(['new-goals', 'closing']);
    let n = 0;
    expect(agendaFromTemplate(TWO_DAY_TEMPLATE, () => `t${n++}`).filter((i) => i.fixed).map((i) => i.id)).toEqual(['t16', 't17']);
  });
});

describe('running late is per day', () => {
  it('day 1 ran 10 minutes over; day 2 starts on time, and its projected end counts from its own start', () => {
    const s = adjourned();
    expect(runningLate(s, DAY1 + 20 * HOUR)).toMatchObject({ day: 0, plannedMs: 105 * MIN, lateByMs: 10 * MIN });
    const d2 = onDay2();
    expect(runningLate(d2, DAY2 + 30 * MIN)).toEqual({ day: 1, plannedMs: 120 * MIN, projectedEndOffsetMs: 120 * MIN, lateByMs: 0 });
    expect(projectedDayEnd(d2, DAY2 + 30 * MIN)).toBe(DAY2 + 120 * MIN);
    expect(projectedDayEnd(d2, DAY2 + 75 * MIN)).toBe(DAY2 + 135 * MIN); // d 15 over
  });

  it('a whole two-day meeting: actual minutes per day add up, nothing booked overnight', () => {
    const end = drive(onDay2(), [[NEXT, DAY2 + 55 * MIN], [NEXT, DAY2 + 95 * MIN], [{ type: 'meeting.end' }, DAY2 + 115 * MIN]]);
    const [day1, day2] = agendaDays(end.agenda).map((d) => d.reduce((sum, i) => sum + i.spentMs, 0) / MIN);
    expect([day1, day2]).toEqual([115, 115]);
    expect(end.dayRuns.map((r) => ((r.endedAt ?? 0) - r.startedAt) / MIN)).toEqual([115, 115]);
  });
});

describe('rebalance() on a late day', () => {
  /** Day 2 of a longer agenda: d 60 (current), g 45, h 30, lunch 60 (break), i 20, f 20 fixed. */
  const LONG: AgendaItem[] = [
    it_('a', 30), it_('eod', 1, { kind: 'day-end' }),
    it_('d', 60), it_('g', 45), it_('h', 30), it_('lunch', 60, { kind: 'break' }), it_('i', 20), it_('f', 20, { fixed: true }),
  ];
  const live = drive(createMeetingState('m', LONG, 'fac'), [[{ type: 'meeting.start' }, DAY1], [NEXT, DAY1 + 30 * MIN], [NEXT, DAY2]]);

  it.each([10, 25, 40, 60, 200])('%d minutes late: whole minutes, fixed and breaks kept, floors kept, the day ends on time when it can', (lateMin) => {
    const now = DAY2 + (60 + lateMin) * MIN;
    const proposal = rebalance(live, now);
    expect(proposal.map((p) => p.itemId).every((id) => ['g', 'h', 'i'].includes(id))).toBe(true);
    for (const p of proposal) {
      expect(p.durationMs % MIN).toBe(0);
      expect(p.durationMs).toBeGreaterThanOrEqual(LIMITS.rebalanceMinMs);
    }
    const after = drive(live, [[{ type: 'agenda.rebalance' }, now]]);
    const late = runningLate(after, now);
    const freeAtFloor = ['g', 'h', 'i'].every((id) => after.agenda.find((x) => x.id === id)?.durationMs === LIMITS.rebalanceMinMs);
    if (!freeAtFloor) expect(late.lateByMs).toBeLessThanOrEqual(0);
    expect(late.lateByMs).toBeGreaterThan(-3 * MIN); // rounding down gives at most a minute per item
    expect(after.agenda.find((x) => x.id === 'lunch')?.durationMs).toBe(60 * MIN);
    expect(after.agenda.find((x) => x.id === 'f')?.durationMs).toBe(20 * MIN);
  });

  it('too late to absorb: every free item at its floor', () => {
    expect(rebalance(live, DAY2 + 260 * MIN)).toEqual(['g', 'h', 'i'].map((itemId) => ({ itemId, durationMs: LIMITS.rebalanceMinMs })));
  });

  it('an item planned shorter than the minimum keeps its box', () => {
    const short = drive(createMeetingState('m', [it_('x', 30), it_('tiny', 3), it_('y', 30)], 'fac'), [[{ type: 'meeting.start' }, DAY1]]);
    expect(rebalance(short, DAY1 + 50 * MIN)).toEqual([{ itemId: 'y', durationMs: 10 * MIN }]);
  });
});
