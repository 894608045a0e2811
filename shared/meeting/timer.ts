// Timer arithmetic and the running-late view. Pure: `now` always comes from the caller,
// so the server, every client and the tests compute the same numbers from the same data.
import { LIMITS } from '../limits.ts';
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
  /** Sum of every item's planned time box. */
  plannedMs: number;
  /** When the meeting will end at this pace, counted from its start. */
  projectedEndOffsetMs: number;
  /** projected - planned: > 0 late, <= 0 on time or early. */
  lateByMs: number;
}

/**
 * Projection = time spent on past items + max(planned, spent so far) for the current item
 * + planned time of the items still to come. Uses wall time, not the item timer: a paused
 * timer stops the countdown, not the clock on the wall.
 */
export function runningLate(state: MeetingState, now: number): RunningLate {
  const plannedMs = sum(state.agenda.map((item) => item.durationMs));
  let projected = plannedMs;
  if (state.status === 'ended') {
    projected = sum(state.agenda.map((item) => item.spentMs));
  } else if (state.status === 'live') {
    const i = state.currentIndex;
    const past = sum(state.agenda.slice(0, i).map((item) => item.spentMs));
    const current = state.agenda[i];
    const currentMs = current ? Math.max(current.durationMs, current.spentMs + timeOnCurrentVisit(state, now)) : 0;
    const rest = sum(state.agenda.slice(i + 1).map((item) => item.durationMs));
    projected = past + currentMs + rest;
  }
  return { plannedMs, projectedEndOffsetMs: projected, lateByMs: projected - plannedMs };
}

export interface ProposedDuration {
  itemId: string;
  durationMs: number;
}

const MINUTE = 60_000;

/**
 * Proposed shorter time boxes for the items after the current one, so the meeting ends on
 * time: each scaled by the same factor, none below LIMITS.agendaItemMinMs (the items
 * held at the minimum give up no more, the others share the rest). Rounded down to whole
 * minutes, which people can read on the projector and which never makes the meeting late.
 * [] when the meeting is not late, not live, or on its last item. When even the minimum
 * boxes cannot absorb the delay, every remaining item is proposed at the minimum.
 */
export function rebalance(state: MeetingState, now: number): ProposedDuration[] {
  if (state.status !== 'live') return [];
  const { lateByMs } = runningLate(state, now);
  const remaining = state.agenda.slice(state.currentIndex + 1);
  if (lateByMs <= 0 || remaining.length === 0) return [];

  const min = LIMITS.agendaItemMinMs;
  const target = sum(remaining.map((item) => item.durationMs)) - lateByMs;
  const atMin = new Set<string>();
  let factor = 0;
  // Water-filling: clamp the items that would fall below the minimum, rescale the rest; at
  // most one pass per item because every pass either clamps one more item or stops.
  for (let pass = 0; pass <= remaining.length; pass++) {
    const free = remaining.filter((item) => !atMin.has(item.id));
    const freePlanned = sum(free.map((item) => item.durationMs));
    factor = freePlanned > 0 ? Math.max(0, target - atMin.size * min) / freePlanned : 0;
    const newlyClamped = free.filter((item) => item.durationMs * factor < min);
    if (newlyClamped.length === 0) break;
    for (const item of newlyClamped) atMin.add(item.id);
  }
  return remaining.map((item) => ({
    itemId: item.id,
    durationMs: atMin.has(item.id)
      ? min
      : Math.min(item.durationMs, Math.max(min, Math.floor((item.durationMs * factor) / MINUTE) * MINUTE)),
  }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
