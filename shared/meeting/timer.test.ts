import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import type { MeetingCommand } from './commands.ts';
import type { Actor } from '../access/index.ts';
import { apply, createMeetingState } from './reducer.ts';
import type { MeetingState, TimerState } from './state.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from './templates.ts';
import { elapsedMs, formatClock, isOvertime, rebalance, remainingMs, runningLate } from './timer.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const FAC: Actor = { userId: 'fac', role: 'coach' };

/** Drives a timer through the reducer, as the room would. */
function timerAt(state: MeetingState, steps: [MeetingCommand, number][]): TimerState {
  let s = state;
  for (const [command, now] of steps) {
    const r = apply(s, command, FAC, now);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  if (!s.timer) throw new Error('no timer');
  return s.timer;
}

describe('remaining time', () => {
  const tenMinutes = createMeetingState('m', [{ id: 'a', kind: 'custom', title: 'A', durationMs: 10 * MIN, spentMs: 0 }], 'fac');

  it('counts down while running, holds while paused, and grows with an extension', () => {
    const started = timerAt(tenMinutes, [[{ type: 'meeting.start' }, T0]]);
    expect(remainingMs(started, T0 + 3 * MIN)).toBe(7 * MIN);

    const paused = timerAt(tenMinutes, [[{ type: 'meeting.start' }, T0], [{ type: 'timer.pause' }, T0 + 3 * MIN]]);
    expect(remainingMs(paused, T0 + 3 * MIN)).toBe(7 * MIN);
    expect(remainingMs(paused, T0 + 30 * MIN)).toBe(7 * MIN); // a coffee break costs the item nothing

    const resumed = timerAt(tenMinutes, [
      [{ type: 'meeting.start' }, T0], [{ type: 'timer.pause' }, T0 + 3 * MIN], [{ type: 'timer.resume' }, T0 + 8 * MIN],
      [{ type: 'timer.extend', ms: 5 * MIN }, T0 + 9 * MIN],
    ]);
    expect(elapsedMs(resumed, T0 + 10 * MIN)).toBe(5 * MIN);
    expect(remainingMs(resumed, T0 + 10 * MIN)).toBe(10 * MIN);
  });

  it('goes negative in overtime', () => {
    const timer: TimerState = { itemId: 'a', durationMs: 10 * MIN, runningSince: T0, elapsedMs: 0 };
    expect(isOvertime(timer, T0 + 10 * MIN)).toBe(false); // exactly on time is not over
    expect(remainingMs(timer, T0 + 12 * MIN)).toBe(-2 * MIN);
    expect(isOvertime(timer, T0 + 12 * MIN)).toBe(true);
  });

  it('does not run backwards when the client clock is behind the server', () => {
    const timer: TimerState = { itemId: 'a', durationMs: 10 * MIN, runningSince: T0, elapsedMs: 2 * MIN };
    expect(elapsedMs(timer, T0 - 5_000)).toBe(2 * MIN);
  });
});

describe('formatClock', () => {
  it.each([
    [725_000, '12:05'],
    [-90_000, '-1:30'],
    [3_723_000, '1:02:03'],
    [-3_723_000, '-1:02:03'],
    [3_600_000, '1:00:00'],
    [0, '0:00'],
    [500, '0:01'], // rounds up: time is not up until it is
    [59_999, '1:00'],
    [-500, '0:00'], // the first second over shows 0:00, never "-0:00"
    [-1_000, '-0:01'],
    [Number.NaN, '0:00'],
  ])('%d ms -> %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});

// Standard template: 20, 60, 45, 45, 30, 30, 15 minutes = 245 planned.
function onFinancials(openingSpentMin: number): MeetingState {
  let n = 0;
  const agenda = agendaFromTemplate(STANDARD_TEMPLATE, () => `a${n++}`).map((it, i) => (i === 0 ? { ...it, spentMs: openingSpentMin * MIN } : it));
  const enteredAt = T0 + openingSpentMin * MIN;
  return {
    ...createMeetingState('m', agenda, 'fac'),
    status: 'live', currentIndex: 1, startedAt: T0, itemEnteredAt: enteredAt,
    timer: { itemId: 'a1', durationMs: 60 * MIN, runningSince: enteredAt, elapsedMs: 0 },
  };
}

describe('runningLate', () => {
  it('before the start, the projection is the plan', () => {
    const s = createMeetingState('m', agendaFromTemplate(STANDARD_TEMPLATE, () => 'x'), 'fac');
    expect(runningLate(s, T0)).toEqual({ day: 0, plannedMs: 245 * MIN, projectedEndOffsetMs: 245 * MIN, lateByMs: 0 });
  });

  it('counts the overrun of past items while the current one is within its box', () => {
    // opening took 30 (10 over); 10 minutes into the 60-minute financials
    expect(runningLate(onFinancials(30), T0 + 40 * MIN)).toEqual({ day: 0, plannedMs: 245 * MIN, projectedEndOffsetMs: 255 * MIN, lateByMs: 10 * MIN });
  });

  it('adds the current item\'s overrun once it passes its box', () => {
    // financials running 70 minutes: 30 + 70 + 165 still to come
    expect(runningLate(onFinancials(30), T0 + 100 * MIN).lateByMs).toBe(20 * MIN);
  });

  it('reports an early meeting as negative lateness', () => {
    expect(runningLate(onFinancials(15), T0 + 20 * MIN).lateByMs).toBe(-5 * MIN);
  });

  it('after the end, compares the time actually spent', () => {
    const s: MeetingState = { ...onFinancials(30), status: 'ended', agenda: onFinancials(30).agenda.map((it) => ({ ...it, spentMs: it.durationMs + MIN })) };
    expect(runningLate(s, T0).lateByMs).toBe(7 * MIN);
  });
});

describe('rebalance', () => {
  it('scales the remaining items down so the meeting ends on time, leaving the fixed ones', () => {
    const s = onFinancials(30);
    // 20 minutes late; 165 minutes left of which New goals (30) and Closing (15) are fixed:
    // 120 minutes of goal review, hot seat and topics must fit into 100
    const now = T0 + 100 * MIN;
    const proposal = rebalance(s, now);
    expect(proposal.map((p) => [p.itemId, p.durationMs / MIN])).toEqual([['a2', 37], ['a3', 37], ['a4', 25]]);

    // Accepting the proposal through the reducer puts the meeting back on time.
    let state = s;
    for (const p of proposal) {
      const r = apply(state, { type: 'agenda.update', itemId: p.itemId, durationMs: p.durationMs }, FAC, now);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const after = runningLate(state, now);
    expect(after.projectedEndOffsetMs).toBeLessThanOrEqual(245 * MIN);
    expect(after.projectedEndOffsetMs).toBe(244 * MIN); // whole minutes round down: a minute to spare
  });

  it('holds items at the minimum and takes the rest from the long ones', () => {
    const items = [['cur', 10], ['long', 40], ['s1', 8], ['s2', 2]] as const;
    const agenda = items.map(([id, m]) => ({ id, kind: 'custom' as const, title: id, durationMs: m * MIN, spentMs: 0 }));
    const s: MeetingState = { ...createMeetingState('m', agenda, 'fac'), status: 'live', currentIndex: 0, startedAt: T0, itemEnteredAt: T0 };
    // 28 minutes on a 10-minute item: 18 late; 50 planned after it, 32 available. s2 (2) is
    // shorter than the minimum and keeps its box; s1 cannot go below 5; long gives the rest
    expect(rebalance(s, T0 + 28 * MIN).map((p) => [p.itemId, p.durationMs / MIN])).toEqual([['long', 25], ['s1', 5]]);
    // 60 minutes: 50 late, more than the remaining items can give; all go to the minimum
    expect(rebalance(s, T0 + 60 * MIN).map((p) => p.durationMs)).toEqual([LIMITS.rebalanceMinMs, LIMITS.rebalanceMinMs]);
  });

  it('proposes nothing when on time, on the last item, or not live', () => {
    expect(rebalance(onFinancials(20), T0 + 40 * MIN)).toEqual([]); // exactly on plan
    expect(rebalance(onFinancials(15), T0 + 20 * MIN)).toEqual([]);
    const behind = onFinancials(30);
    const agenda = behind.agenda.map((it, i) => (i < 6 ? { ...it, spentMs: it.durationMs } : it));
    const last: MeetingState = { ...behind, agenda, currentIndex: 6, itemEnteredAt: T0 + 230 * MIN };
    expect(runningLate(last, T0 + 260 * MIN).lateByMs).toBe(15 * MIN);
    expect(rebalance(last, T0 + 260 * MIN)).toEqual([]);
    expect(rebalance({ ...onFinancials(30), status: 'scheduled' }, T0 + 300 * MIN)).toEqual([]);
  });
});
