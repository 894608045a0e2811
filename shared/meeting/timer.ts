// Timer arithmetic and the running-late view. Pure: `now` always comes from the caller,
// so the server, every client and the tests compute the same numbers from the same data.
import { LIMITS } from '../limits.ts';
import type { AgendaItem } from '../domain.ts';
import { currentDay, dayRange, isAdjourned, isDayEnd, isWorkItem } from './days.ts';
import type { MeetingState, TimerState } from './state.ts';

/** A fresh timer for an item, counting from `now`. */
export function runningTimer(itemId: string, durationMs: number, now: number): TimerState {
  return { itemId, durationMs, runningSince: now, elapsedMs: 0 };
}

export function isRunning(timer: TimerState): boolean {
  return timer.runningSince !== null;
}

/**
 * Time counted so far. A client clock slightly behind the server's can put `now` before
 * `runningSince`; that counts as zero rather than making the clock run backwards.
 */
export function elapsedMs(timer: TimerState, now: number): number {
  const running = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince);
  return timer.elapsedMs + running;
}

/** Time left in the box; negative once the item runs over. */
export function remainingMs(timer: TimerState, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

export function isOvertime(timer: TimerState, now: number): boolean {
  return remainingMs(timer, now) < 0;
}

export function pauseTimer(timer: TimerState, now: number): TimerState {
  return { ...timer, elapsedMs: elapsedMs(timer, now), runningSince: null };
}

export function resumeTimer(timer: TimerState, now: number): TimerState {
  return { ...timer, runningSince: now };
}

/**
 * "12:05", "-1:30" in overtime, "1:02:03" past an hour. Rounds up to the second, like a
 * kitchen timer: it shows 0:01 until time is really up, and 0:00 for the first second over.
 */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) ? Math.ceil(ms / 1000) : 0;
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = String(abs % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}` : `${sign}${m}:${s}`;
}

/** Wall time the room has been on the current item during this visit (0 when not live). */
export function timeOnCurrentVisit(state: MeetingState, now: number): number {
  if (state.status !== 'live' || state.itemEnteredAt === null) return 0;
  return Math.max(0, now - state.itemEnteredAt);
}

export interface RunningLate {
  /** The day the figures are for (the current one while live; 0 otherwise). */
  day: number;
  /**
   * While live: the current day's planned length as it was when the day started (DayRun), so
   * shortening the rest of the day brings a late day back on time. Otherwise the whole
   * meeting's planned boxes.
   */
  plannedMs: number;
  /** When that day (or the meeting) will end at this pace, counted from its start. */
  projectedEndOffsetMs: number;
  /** projected - planned: > 0 late, <= 0 on time or early. */
  lateByMs: number;
}

/**
 * Per day: a day ends at its own day-end, and what ran late yesterday is not late today.
 * Projection = time spent on the day's past items + max(planned, spent so far) for the current
 * item + planned time of the day's items still to come. Uses wall time, not the item timer: a
 * paused timer stops the countdown, not the clock on the wall. While adjourned, the closed day's
 * actual time. Before the start and after the end: the whole meeting, day-ends aside.
 */
export function runningLate(state: MeetingState, now: number): RunningLate {
  if (state.status !== 'live') {
    const items = state.agenda.filter((item) => !isDayEnd(item));
    const plannedMs = sum(items.map((item) => item.durationMs));
    const projected = state.status === 'ended' ? sum(items.map((item) => item.spentMs)) : plannedMs;
    return { day: 0, plannedMs, projectedEndOffsetMs: projected, lateByMs: projected - plannedMs };
  }
  const day = currentDay(state);
  const { from, to } = dayRange(state.agenda, day);
  const items = state.agenda.slice(from, to);
  const plannedMs = state.dayRuns[day]?.plannedMs ?? sum(items.map((item) => item.durationMs));
  let projected: number;
  if (isAdjourned(state)) {
    projected = sum(items.map((item) => item.spentMs));
  } else {
    const i = state.currentIndex;
    const past = sum(state.agenda.slice(from, i).map((item) => item.spentMs));
    const current = state.agenda[i];
    const currentMs = current ? Math.max(current.durationMs, current.spentMs + timeOnCurrentVisit(state, now)) : 0;
    const rest = sum(state.agenda.slice(i + 1, to).map((item) => item.durationMs));
    projected = past + currentMs + rest;
  }
  return { day, plannedMs, projectedEndOffsetMs: projected, lateByMs: projected - plannedMs };
}

/** Epoch ms the current day will end at this pace; null unless live on a day that has started. */
export function projectedDayEnd(state: MeetingState, now: number): number | null {
  if (state.status !== 'live') return null;
  const late = runningLate(state, now);
  const run = state.dayRuns[late.day];
  return run ? run.startedAt + late.projectedEndOffsetMs : null;
}

export interface ProposedDuration {
  itemId: string;
  durationMs: number;
}

const MINUTE = 60_000;

/**
 * Proposed shorter time boxes for the rest of the current day, so the day ends on time: every
 * remaining item that is not fixed and not a break scaled by the same factor, none below
 * LIMITS.rebalanceMinMs (an item planned shorter keeps its box; items held at their floor give
 * up no more, the others share the rest). Rounded down to whole minutes, which people can read
 * on the projector and which never makes the day late. [] when the day is not late, not live,
 * adjourned, or nothing after the current item can give time. When even the floors cannot
 * absorb the delay, every such item is proposed at its floor.
 */
export function rebalance(state: MeetingState, now: number): ProposedDuration[] {
  if (state.status !== 'live' || isAdjourned(state)) return [];
  const { lateByMs } = runningLate(state, now);
  const { to } = dayRange(state.agenda, currentDay(state));
  const remaining = state.agenda.slice(state.currentIndex + 1, to).filter((item) => isWorkItem(item) && !item.fixed);
  if (lateByMs <= 0 || remaining.length === 0) return [];

  const floor = (item: AgendaItem) => Math.min(item.durationMs, LIMITS.rebalanceMinMs);
  const target = sum(remaining.map((item) => item.durationMs)) - lateByMs;
  const atFloor = new Set<string>();
  let factor = 0;
  // Water-filling: clamp the items that would fall below their floor, rescale the rest; at
  // most one pass per item because every pass either clamps one more item or stops.
  for (let pass = 0; pass <= remaining.length; pass++) {
    const free = remaining.filter((item) => !atFloor.has(item.id));
    const freePlanned = sum(free.map((item) => item.durationMs));
    const held = sum(remaining.filter((item) => atFloor.has(item.id)).map(floor));
    factor = freePlanned > 0 ? Math.max(0, target - held) / freePlanned : 0;
    const newlyClamped = free.filter((item) => item.durationMs * factor < floor(item));
    if (newlyClamped.length === 0) break;
    for (const item of newlyClamped) atFloor.add(item.id);
  }
  return remaining
    .map((item) => ({
      itemId: item.id,
      durationMs: atFloor.has(item.id)
        ? floor(item)
        : Math.min(item.durationMs, Math.max(floor(item), Math.floor((item.durationMs * factor) / MINUTE) * MINUTE)),
    }))
    .filter((p, i) => p.durationMs !== remaining[i]?.durationMs);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
