// Hot seats with several presenters and the advice round-robin: the seat's turns, the stage
// time boxes they imply, and the round of speakers. Pure, like reducer.ts.
import type { ApiError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import type { MeetingCommand } from './commands.ts';
import type { ProtocolStage } from './hotseatProtocol.ts';
import type { AgendaItem } from '../domain.ts';
import type { AdviceRound, HotSeatPresenter, HotSeatState, MeetingState } from './state.ts';

type Step = { state: MeetingState; events: { type: string; [k: string]: unknown }[] } | { error: ApiError };
type Cmd<T extends string> = Extract<MeetingCommand, { type: T }>;

const ok = (state: MeetingState, events: { type: string; [k: string]: unknown }[]): Step => ({ state, events });
const illegal = (message: string): Step => ({ error: { code: 'illegal_command', message } });

export const EMPTY_SEAT: HotSeatState = Object.freeze({ presenterId: null, topic: '', proposalId: null, presenters: [], turn: 0, stage: null, stageStartedAt: null, round: null });

/** The seat with `turn` as the presenter in it (presenterId/topic/proposalId mirror them). */
export function withTurn(seat: HotSeatState, presenters: HotSeatPresenter[], turn: number): HotSeatState {
  const at = Math.max(0, Math.min(turn, presenters.length - 1));
  const p = presenters[at];
  return { ...seat, presenters, turn: at, presenterId: p?.userId ?? null, topic: p?.topic ?? '', proposalId: p?.proposalId ?? null };
}

/** A stage of the meeting's protocol by id. */
export function protocolStage(state: MeetingState, id: string | null): ProtocolStage | undefined {
  return id === null ? undefined : state.hotSeatProtocol.stages.find((s) => s.id === id);
}

/** The stage after `id` for the same presenter, or the next presenter's first; null at the very end. */
export function nextStep(state: MeetingState, itemId: string): { stage: string; presenter: number } | null {
  const seat = state.hotSeats[itemId];
  const stages = state.hotSeatProtocol.stages;
  if (!seat || seat.presenters.length === 0) return null;
  const at = seat.stage === null ? -1 : stages.findIndex((s) => s.id === seat.stage);
  const next = stages[at + 1];
  if (next) return { stage: next.id, presenter: seat.turn };
  if (seat.turn + 1 < seat.presenters.length && stages[0]) return { stage: stages[0].id, presenter: seat.turn + 1 };
  return null;
}

/** A stage's time box: its share of one presenter's part of the item (the item's time split evenly). */
export function stageDurationMs(state: MeetingState, item: Pick<AgendaItem, 'id' | 'durationMs'>, stageId: string): number {
  const share = protocolStage(state, stageId)?.share ?? 1;
  const presenters = Math.max(1, state.hotSeats[item.id]?.presenters.length ?? 1);
  return Math.round((item.durationMs / presenters) * share);
}

export function setPresenters(state: MeetingState, c: Cmd<'hotseat.presenters'>): Step {
  const item = state.agenda.find((i) => i.id === c.itemId);
  if (!item) return illegal(`There is no agenda item with id "${c.itemId}".`);
  if (item.kind !== 'hotseat') return illegal('Only a hot-seat item can have presenters.');
  if (new Set(c.presenters.map((p) => p.userId)).size !== c.presenters.length) return illegal('A presenter is listed twice: each has one turn.');
  if (c.presenters.some((p) => p.proposalId && !state.topics.some((t) => t.id === p.proposalId))) return illegal('There is no such topic proposal.');
  const before = state.hotSeats[item.id] ?? EMPTY_SEAT;
  const presenters = c.presenters.map((p) => ({ userId: p.userId, topic: p.topic, proposalId: p.proposalId ?? null }));
  const seat = withTurn(before, presenters, before.turn);
  return ok({ ...state, hotSeats: { ...state.hotSeats, [item.id]: seat } }, [
    { type: 'hotseat.presenters', itemId: item.id, presenterIds: presenters.map((p) => p.userId) },
  ]);
}

/** The room's default speakers: everyone attending (not absent), by arrival, but the presenter. */
export function defaultSpeakers(state: MeetingState, presenterId: string | null): string[] {
  return Object.values(state.attendance)
    .filter((a) => a.status !== 'absent' && a.userId !== presenterId)
    .sort((a, b) => (a.joinedAt ?? Infinity) - (b.joinedAt ?? Infinity) || a.userId.localeCompare(b.userId))
    .map((a) => a.userId);
}

/** The current item as a hot seat in an advice-round stage, or why not. */
function roundSeat(state: MeetingState, itemId: string): { item: AgendaItem; seat: HotSeatState } | { error: string } {
  const item = state.agenda[state.currentIndex];
  if (!item || item.id !== itemId) return { error: 'Move the room to this hot seat before running its round.' };
  const seat = state.hotSeats[item.id];
  if (item.kind !== 'hotseat' || !seat) return { error: 'Only a hot seat with a presenter has an advice round.' };
  if (protocolStage(state, seat.stage)?.kind !== 'advice-round') return { error: 'This stage has no round: move to the stage where everyone speaks in turn.' };
  return { item, seat };
}

export function startRound(state: MeetingState, c: Cmd<'hotseat.round.start'>, now: number): Step {
  const found = roundSeat(state, c.itemId);
  if ('error' in found) return illegal(found.error);
  const { item, seat } = found;
  if (seat.round) return illegal('The round is already going: call the next speaker.');
  const speakers = c.speakerIds ?? defaultSpeakers(state, seat.presenterId);
  if (speakers.length === 0) return illegal('Nobody but the presenter is in the room: there is nobody to go round.');
  if (new Set(speakers).size !== speakers.length) return illegal('A speaker is listed twice.');
  if (seat.presenterId !== null && speakers.includes(seat.presenterId)) return illegal('The presenter listens in the round: take them off the speakers.');
  const away = speakers.find((id) => (state.attendance[id]?.status ?? 'absent') === 'absent');
  if (away) return illegal('Every speaker must be in the meeting: one is absent or has not joined.');
  // The stage's box as it stands (extensions included), shared evenly, in whole seconds.
  const stageMs = state.timer?.itemId === item.id ? state.timer.durationMs : stageDurationMs(state, item, seat.stage ?? '');
  const evenMs = Math.floor(stageMs / speakers.length / 1000) * 1000;
  const turnMs = c.turnMs ?? Math.min(LIMITS.adviceTurnMaxMs, Math.max(LIMITS.adviceTurnMinMs, evenMs));
  const round: AdviceRound = { speakers, index: 0, turnMs, turnStartedAt: now };
  return ok(
    { ...state, hotSeats: { ...state.hotSeats, [item.id]: { ...seat, round } }, speakerId: speakers[0] ?? null },
    [{ type: 'hotseat.round.started', itemId: item.id, speakers, turnMs }],
  );
}

export function nextSpeaker(state: MeetingState, c: Cmd<'hotseat.round.next'>, now: number): Step {
  const found = roundSeat(state, c.itemId);
  if ('error' in found) return illegal(found.error);
  const { item, seat } = found;
  if (!seat.round) return illegal('No round is going: start the round first.');
  const index = seat.round.index + 1;
  const speaker = seat.round.speakers[index];
  if (speaker === undefined) {
    return ok({ ...state, hotSeats: { ...state.hotSeats, [item.id]: { ...seat, round: null } }, speakerId: null }, [{ type: 'hotseat.round.ended', itemId: item.id }]);
  }
  const round = { ...seat.round, index, turnStartedAt: now };
  return ok({ ...state, hotSeats: { ...state.hotSeats, [item.id]: { ...seat, round } }, speakerId: speaker }, [
    { type: 'hotseat.round.speaker', itemId: item.id, userId: speaker },
  ]);
}

/** Who speaks now and next in a round, and the time left of the turn at `now` (never below 0). */
export function roundView(round: AdviceRound, now: number): { current: string | null; next: string | null; remainingMs: number } {
  return {
    current: round.speakers[round.index] ?? null,
    next: round.speakers[round.index + 1] ?? null,
    remainingMs: Math.max(0, round.turnMs - (now - round.turnStartedAt)),
  };
}
