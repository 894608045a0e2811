// Agenda edits: adding, removing, moving and re-timing agenda items, before the start or
// during the meeting. Pure, like reducer.ts; the room stays on its current item through any
// edit, and an item it is on cannot be removed.
import type { AgendaItem } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import type { MeetingCommand } from './commands.ts';
import type { MeetingState } from './state.ts';
import * as peer from './hotseat.ts';

type Step = { state: MeetingState; events: { type: string; [k: string]: unknown }[] } | { error: ApiError };
type Cmd<T extends string> = Extract<MeetingCommand, { type: T }>;

const done = (state: MeetingState, events: { type: string; [k: string]: unknown }[]): Step => ({ state, events });
const illegal = (message: string): Step => ({ error: { code: 'illegal_command', message } });

/** The refusal for an item id that is not on the agenda (also used by navigation). */
export function unknownItem(itemId: string): Step {
  return illegal(`There is no agenda item with id "${itemId}".`);
}

/** Replaces the agenda and keeps currentIndex on the same item, wherever it moved. */
function withAgenda(state: MeetingState, agenda: AgendaItem[]): MeetingState {
  const currentId = state.agenda[state.currentIndex]?.id;
  const currentIndex = currentId === undefined ? -1 : agenda.findIndex((item) => item.id === currentId);
  return { ...state, agenda, currentIndex };
}

export function addItem(state: MeetingState, { item, index }: Cmd<'agenda.add'>): Step {
  const { agenda } = state;
  if (agenda.length >= LIMITS.agendaMaxItems) {
    return illegal(`The agenda already has ${LIMITS.agendaMaxItems} items, the most one meeting can hold.`);
  }
  if (agenda.some((existing) => existing.id === item.id)) return illegal(`An agenda item with id "${item.id}" already exists.`);
  const at = index ?? agenda.length;
  if (at > agenda.length) return illegal(`Position ${at + 1} is past the end of the agenda (${agenda.length} items).`);
  const added: AgendaItem = { id: item.id, kind: item.kind, title: item.title, durationMs: item.durationMs, spentMs: 0, ...(item.fixed && { fixed: true }) };
  return done(withAgenda(state, [...agenda.slice(0, at), added, ...agenda.slice(at)]), [
    { type: 'agenda.item.added', itemId: item.id, index: at },
  ]);
}

export function removeItem(state: MeetingState, { itemId }: Cmd<'agenda.remove'>): Step {
  const index = state.agenda.findIndex((item) => item.id === itemId);
  if (index < 0) return unknownItem(itemId);
  if (index === state.currentIndex) return illegal('The room is on this item: move to another item before removing it.');
  return done(peer.withoutHotSeat(withAgenda(state, state.agenda.filter((item) => item.id !== itemId)), itemId), [
    { type: 'agenda.item.removed', itemId },
  ]);
}

export function moveItem(state: MeetingState, { itemId, toIndex }: Cmd<'agenda.move'>): Step {
  const from = state.agenda.findIndex((item) => item.id === itemId);
  if (from < 0) return unknownItem(itemId);
  if (toIndex >= state.agenda.length) {
    return illegal(`Position ${toIndex + 1} is past the end of the agenda (${state.agenda.length} items).`);
  }
  if (toIndex === from) return illegal(`That item is already at position ${from + 1}.`);
  const rest = state.agenda.filter((item) => item.id !== itemId);
  const moved = state.agenda[from] as AgendaItem; // found above
  return done(withAgenda(state, [...rest.slice(0, toIndex), moved, ...rest.slice(toIndex)]), [
    { type: 'agenda.item.moved', itemId, from, to: toIndex },
  ]);
}

/** Re-timing the current item re-sizes its running timer too (the time already counted stays). */
export function updateItem(state: MeetingState, { itemId, title, durationMs, fixed }: Cmd<'agenda.update'>): Step {
  if (title === undefined && durationMs === undefined && fixed === undefined) {
    return illegal('Nothing to change: give a new title, duration or fixed flag.');
  }
  if (!state.agenda.some((item) => item.id === itemId)) return unknownItem(itemId);
  const agenda = state.agenda.map((item) =>
    item.id === itemId
      ? { ...item, ...(title !== undefined && { title }), ...(durationMs !== undefined && { durationMs }), ...(fixed !== undefined && { fixed }) }
      : item,
  );
  const updated = { ...state, agenda };
  // A hot seat at a stage keeps a stage-sized box: the stage's share of the new time.
  const timer =
    state.timer && durationMs !== undefined && state.timer.itemId === itemId
      ? { ...state.timer, durationMs: peer.plannedTimerMs(updated, itemId) ?? durationMs }
      : state.timer;
  return done({ ...updated, timer }, [{ type: 'agenda.item.updated', itemId }]);
}
