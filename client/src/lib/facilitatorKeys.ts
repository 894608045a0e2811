// The facilitator's keys: one table that both the key handler and the "?" sheet read, so the
// sheet never lists a key that does nothing; and the pure choices behind them (whose turn is
// next, which goal a status key marks, which hot-seat stage follows).
import { nextStep } from '../../../shared/meeting/hotseatTurns.ts';
import type { HotSeatStage, MeetingState } from '../../../shared/meeting/state.ts';
import type { AgendaItemKind } from '../../../shared/domain.ts';

export type KeyAction = 'next' | 'back' | 'nextMember' | 'prevMember' | 'nextGoal' | 'prevGoal' | 'goalDone' | 'goalPartly' | 'goalNotDone' | 'nextStage' | 'callNext' | 'timer' | 'extend' | 'help';

export interface KeyBinding {
  action: KeyAction;
  /** KeyboardEvent.key values (letters lower case; Shift is allowed for ? and +; "Shift+" before a named key). */
  keys: readonly string[];
  /** How the sheet shows the key. */
  shown: string;
  label: string;
}

export const FACILITATOR_KEYS: readonly KeyBinding[] = [
  { action: 'next', keys: ['ArrowRight'], shown: '→', label: 'Next item (before the meeting: start it)' },
  { action: 'back', keys: ['ArrowLeft'], shown: '←', label: 'Previous item' },
  { action: 'nextMember', keys: ['ArrowDown', 'j'], shown: '↓ or J', label: 'Next member in focus (opening, financial review, goal review, new goals)' },
  { action: 'prevMember', keys: ['ArrowUp', 'k'], shown: '↑ or K', label: 'Previous member in focus (before the first: the whole group)' },
  { action: 'nextGoal', keys: ['Shift+ArrowDown'], shown: 'Shift + ↓', label: 'Goal review: mark the next goal of the member in focus' },
  { action: 'prevGoal', keys: ['Shift+ArrowUp'], shown: 'Shift + ↑', label: 'Goal review: mark the previous goal of the member in focus' },
  { action: 'goalDone', keys: ['1'], shown: '1', label: 'Goal review: the marked goal is done' },
  { action: 'goalPartly', keys: ['2'], shown: '2', label: 'Goal review: the marked goal is partly done' },
  { action: 'goalNotDone', keys: ['3'], shown: '3', label: 'Goal review: the marked goal is not done' },
  { action: 'nextStage', keys: ['s'], shown: 'S', label: "Hot seat: next stage of the group's protocol (after the last: the next presenter)" },
  { action: 'callNext', keys: ['c'], shown: 'C', label: 'Give the floor to the first raised hand (in an advice round: the next speaker)' },
  { action: 'timer', keys: [' '], shown: 'Space', label: 'Start, pause or resume the timer' },
  { action: 'extend', keys: ['+', '='], shown: '+', label: 'Add 5 minutes to the timer' },
  { action: 'help', keys: ['?'], shown: '?', label: 'Show or hide this list of keys' },
];

/** The action of a key; `shift` only matters for named keys (Shift+↓ is not ↓). */
export function actionForKey(key: string, shift = false): KeyAction | null {
  const k = key.length === 1 ? key.toLowerCase() : shift ? `Shift+${key}` : key;
  return FACILITATOR_KEYS.find((b) => b.keys.includes(k))?.action ?? null;
}

/** Items where the room looks at one member at a time. */
export const FOCUS_KINDS: readonly AgendaItemKind[] = ['opening', 'financials', 'goals', 'new-goals'];

/**
 * Who the room looks at after a step: from the whole group (null) down to the first member,
 * then on; up from the first member back to the whole group. At the ends, undefined: no step.
 */
export function focusAfter(order: readonly string[], focusUserId: string | null, dir: 1 | -1): string | null | undefined {
  const index = focusUserId === null ? -1 : order.indexOf(focusUserId);
  const to = index + dir;
  if (to < -1 || to >= order.length) return undefined;
  return to === -1 ? null : order[to];
}

interface KeyedGoal {
  id: string;
  userId: string;
  status: string;
  dropped?: unknown;
}

/** The goals the status keys can mark: the member in focus's, dropped ones left out. */
const markable = <G extends KeyedGoal>(goals: readonly G[], focusUserId: string | null): G[] =>
  focusUserId ? goals.filter((g) => g.userId === focusUserId && !g.dropped) : [];

/**
 * The goal the status keys mark: the one under the facilitator's goal cursor when it is one of
 * the member in focus's goals, else their first goal not reviewed yet.
 */
export function goalForKeys<G extends KeyedGoal>(goals: readonly G[], focusUserId: string | null, cursorId: string | null = null): G | undefined {
  const own = markable(goals, focusUserId);
  return own.find((g) => g.id === cursorId) ?? own.find((g) => g.status === 'open');
}

/** Where the goal cursor goes on Shift+↓ / Shift+↑: the neighbour of the marked goal; undefined at the ends. */
export function goalCursorAfter<G extends KeyedGoal>(goals: readonly G[], focusUserId: string | null, cursorId: string | null, dir: 1 | -1): string | undefined {
  const own = markable(goals, focusUserId);
  const at = own.findIndex((g) => g.id === goalForKeys(goals, focusUserId, cursorId)?.id);
  // Nothing marked (all reviewed): ↓ starts at the first goal, ↑ at the last.
  if (at === -1) return (dir === 1 ? own[0] : own.at(-1))?.id;
  return own[at + dir]?.id;
}

/**
 * The hot-seat step after the current one in the meeting's protocol: the next stage, or the next
 * presenter's first; undefined at the end. A seat with no presenter yet still gets the first
 * stage, so the key is answered by the server's refusal ("choose a presenter first"), not silence.
 */
export function nextHotSeatStage(state: MeetingState): { itemId: string; stage: HotSeatStage; presenter?: number } | undefined {
  const item = state.agenda[state.currentIndex];
  if (!item || item.kind !== 'hotseat') return undefined;
  const seat = state.hotSeats[item.id];
  const first = state.hotSeatProtocol.stages[0];
  if (!seat || seat.presenters.length === 0) return first ? { itemId: item.id, stage: first.id } : undefined;
  const next = nextStep(state, item.id);
  if (!next) return undefined;
  return next.presenter === seat.turn ? { itemId: item.id, stage: next.stage } : { itemId: item.id, stage: next.stage, presenter: next.presenter };
}

/** The advice round of the current hot seat while it goes round (for the call-next key). */
export function runningRound(state: MeetingState): { itemId: string } | undefined {
  const item = state.agenda[state.currentIndex];
  return item?.kind === 'hotseat' && state.hotSeats[item.id]?.round ? { itemId: item.id } : undefined;
}
