// Reducer steps for the day's schedule: entering and leaving days (adjourn, resume), re-balancing
// a late day and undoing it, taking time from the next item. Pure, like the reducer: every
// number comes from the state, the command and `now` (the server's clock), so a client
// replaying the same command at the same `now` gets the same boxes.
import type { ApiError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { currentDay, dayOf, dayPlannedMs, dayRange, isAdjourned, isDayEnd, isWorkItem } from './days.ts';
import type { DayRun, MeetingState } from './state.ts';
import { rebalance } from './timer.ts';

type Step = { state: MeetingState; events: { type: string; [k: string]: unknown }[] } | { error: ApiError };

const illegal = (message: string): Step => ({ error: { code: 'illegal_command', message } });

/**
 * Day bookkeeping when the room moves from `from` to `to` (indexes; from -1 at the start):
 * reaching a day-end closes the day it ends (adjourned); entering an item of a day opens that
 * day, once (its first start stays: going back and forth within a day is one day).
 */
export function dayRunsAfterMove(state: MeetingState, to: number, now: number): { dayRuns: DayRun[]; events: { type: string; [k: string]: unknown }[] } {
  const runs = state.dayRuns.map((r) => ({ ...r }));
  const events: { type: string; [k: string]: unknown }[] = [];
  const day = dayOf(state.agenda, to);
  if (isDayEnd(state.agenda[to])) {
    const run = runs[day];
    if (run) run.endedAt = now;
    events.push({ type: 'meeting.adjourned', day, at: now });
  } else {
    const run = runs[day];
    if (!run) runs[day] = { startedAt: now, endedAt: null, plannedMs: dayPlannedMs(state.agenda, day), attendance: {} };
    else run.endedAt = null;
    if (state.currentIndex >= 0 && isDayEnd(state.agenda[state.currentIndex])) events.push({ type: 'meeting.resumed', day, at: now });
  }
  // A day jumped over is not left as a hole: it ran for no time.
  for (let d = 0; d < runs.length; d++) runs[d] ??= { startedAt: now, endedAt: now, plannedMs: dayPlannedMs(state.agenda, d) };
  return { dayRuns: runs, events };
}

/** The meeting ends: the day it ends on closes (unless already closed by its day-end). */
export function dayRunsAtEnd(state: MeetingState, now: number): DayRun[] {
  const day = currentDay(state);
  return state.dayRuns.map((r, d) => (d === day && r.endedAt === null ? { ...r, endedAt: now } : r));
}

/** Applies rebalance() at the server's clock and keeps the boxes it replaced for the undo. */
export function applyRebalance(state: MeetingState, now: number): Step {
  if (isAdjourned(state)) return illegal('The meeting is adjourned: there is no day to re-balance.');
  const proposal = rebalance(state, now);
  if (proposal.length === 0) {
    return illegal('Nothing to re-balance: the day is on time, or every item left is fixed, a break or at its minimum.');
  }
  const byId = new Map(proposal.map((p) => [p.itemId, p.durationMs]));
  const before = state.agenda.filter((item) => byId.has(item.id)).map((item) => ({ itemId: item.id, durationMs: item.durationMs }));
  const agenda = state.agenda.map((item) => {
    const durationMs = byId.get(item.id);
    return durationMs === undefined ? item : { ...item, durationMs };
  });
  return {
    state: { ...state, agenda, rebalanceUndo: { before } },
    events: [{ type: 'agenda.rebalanced', items: proposal }],
  };
}

/** Puts back the boxes of the last re-balance (items since removed are skipped; a running timer is re-sized). */
export function undoRebalance(state: MeetingState): Step {
  const undo = state.rebalanceUndo;
  if (!undo) return illegal('There is no re-balance to undo.');
  const byId = new Map(undo.before.map((b) => [b.itemId, b.durationMs]));
  const agenda = state.agenda.map((item) => {
    const durationMs = byId.get(item.id);
    return durationMs === undefined ? item : { ...item, durationMs };
  });
  const timer = state.timer && byId.has(state.timer.itemId)
    ? { ...state.timer, durationMs: state.timer.durationMs + (byId.get(state.timer.itemId)! - currentBox(state, state.timer.itemId)) }
    : state.timer;
  return { state: { ...state, agenda, timer, rebalanceUndo: null }, events: [{ type: 'agenda.rebalance.undone' }] };
}

function currentBox(state: MeetingState, itemId: string): number {
  return state.agenda.find((item) => item.id === itemId)?.durationMs ?? 0;
}

/**
 * "Take 10 minutes from the next item": the current item's box and running timer grow by `ms`,
 * the next item's box shrinks by as much, so the day keeps its length. The next item must be
 * discussion of the same day (not a break, a day-end or fixed) and keep LIMITS.rebalanceMinMs.
 */
export function borrowFromNext(state: MeetingState, ms: number): Step {
  const current = state.agenda[state.currentIndex];
  const next = state.agenda[state.currentIndex + 1];
  if (!current || isDayEnd(current)) return illegal('The meeting is adjourned: there is no current item to give time to.');
  const { to } = dayRange(state.agenda, currentDay(state));
  if (!next || state.currentIndex + 1 >= to) return illegal('This is the last item of the day: there is no next item to take time from.');
  if (!isWorkItem(next)) return illegal(`The next item, "${next.title}", is a break: its time cannot be taken.`);
  if (next.fixed) return illegal(`The next item, "${next.title}", is fixed: its time cannot be taken.`);
  if (next.durationMs - ms < LIMITS.rebalanceMinMs) {
    const canGive = Math.max(0, Math.floor((next.durationMs - LIMITS.rebalanceMinMs) / 60_000));
    return illegal(`The next item, "${next.title}", can give at most ${canGive} min and keep ${LIMITS.rebalanceMinMs / 60_000} min.`);
  }
  const agenda = state.agenda.map((item) =>
    item.id === current.id ? { ...item, durationMs: item.durationMs + ms } : item.id === next.id ? { ...item, durationMs: item.durationMs - ms } : item,
  );
  const timer = state.timer && state.timer.itemId === current.id ? { ...state.timer, durationMs: state.timer.durationMs + ms } : state.timer;
  return {
    state: { ...state, agenda, timer },
    events: [{ type: 'agenda.borrowed', fromItemId: next.id, toItemId: current.id, ms }],
  };
}
