// Hot seats, the speaking queue, member focus, topic proposals and ratings: the parts of the
// reducer that make a peer-group meeting more than an agenda. Pure, like reducer.ts.
import type { ApiError } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import type { MeetingCommand } from './commands.ts';
import { ownerOrFacilitator, showsRatingDistribution, type Actor } from '../access/index.ts';
import type { HotSeatStage, MeetingState, RatingSummary, TopicProposal } from './state.ts';
import { EMPTY_SEAT, protocolStage, stageDurationMs, withTurn } from './hotseatTurns.ts';

export { stageDurationMs } from './hotseatTurns.ts';
import { runningTimer } from './timer.ts';
import { currentDay, dayCount } from './days.ts';

type Step = { state: MeetingState; events: { type: string; [k: string]: unknown }[] } | { error: ApiError };
type Cmd<T extends string> = Extract<MeetingCommand, { type: T }>;

const ok = (state: MeetingState, events: { type: string; [k: string]: unknown }[]): Step => ({ state, events });
const illegal = (message: string): Step => ({ error: { code: 'illegal_command', message } });

/**
 * The box the timer of `itemId` should have when (re)started: the current stage's share
 * for a hot seat that has reached a stage, else the item's whole planned time. Used by
 * navigation, timer.reset and agenda.update, so a stage never silently gets the whole item.
 */
export function plannedTimerMs(state: MeetingState, itemId: string): number | undefined {
  const item = state.agenda.find((i) => i.id === itemId);
  if (!item) return undefined;
  const stage = item.kind === 'hotseat' ? state.hotSeats[itemId]?.stage : null;
  return stage ? stageDurationMs(state, item, stage) : item.durationMs;
}

/**
 * On entering a hot-seat item: a seat with a presenter and no stage yet starts at the
 * protocol's first stage; a seat already at a stage (the room went back to it) restarts that
 * stage's time box. A round in progress does not survive leaving the item.
 */
export function enterHotSeat(state: MeetingState, now: number): MeetingState {
  const item = state.agenda[state.currentIndex];
  const seat = item && state.hotSeats[item.id];
  if (!item || item.kind !== 'hotseat' || !seat || seat.presenters.length === 0) return state;
  const stage: HotSeatStage | undefined = seat.stage ?? state.hotSeatProtocol.stages[0]?.id;
  if (stage === undefined) return state;
  return {
    ...state,
    hotSeats: { ...state.hotSeats, [item.id]: { ...seat, stage, stageStartedAt: now, round: null } },
    timer: runningTimer(item.id, stageDurationMs(state, item, stage), now),
  };
}

/** A removed agenda item takes its hot seat with it. */
export function withoutHotSeat(state: MeetingState, itemId: string): MeetingState {
  if (!Object.hasOwn(state.hotSeats, itemId)) return state;
  const { [itemId]: _removed, ...hotSeats } = state.hotSeats;
  return { ...state, hotSeats };
}

/** Sets the presenter and topic of the seat's current turn (the only one, for most seats). */
export function setupHotSeat(state: MeetingState, c: Cmd<'hotseat.setup'>): Step {
  const item = state.agenda.find((i) => i.id === c.itemId);
  if (!item) return illegal(`There is no agenda item with id "${c.itemId}".`);
  if (item.kind !== 'hotseat') return illegal('Only a hot-seat item can have a presenter and topic.');
  if (c.proposalId && !state.topics.some((t) => t.id === c.proposalId)) return illegal('There is no such topic proposal.');
  const before = state.hotSeats[c.itemId] ?? EMPTY_SEAT;
  const presenter = { userId: c.presenterId, topic: c.topic, proposalId: c.proposalId ?? null };
  const presenters = [...before.presenters];
  presenters[Math.min(before.turn, presenters.length)] = presenter;
  if (presenters.filter((p) => p.userId === c.presenterId).length > 1) return illegal('That member already has a turn in this hot seat.');
  const seat = withTurn(before, presenters, before.turn);
  return ok({ ...state, hotSeats: { ...state.hotSeats, [c.itemId]: seat } }, [{ type: 'hotseat.setup', itemId: c.itemId, presenterId: c.presenterId }]);
}

/**
 * A stage of the protocol, for the current presenter or (with `presenter`) another one. A new
 * stage gets its own time box and a fresh speaking queue, so everyone is heard in each; there
 * are no stages before a presenter is chosen: the room needs to know whose seat it is.
 */
export function setStage(state: MeetingState, c: Cmd<'hotseat.stage'>, now: number): Step {
  const item = state.agenda[state.currentIndex];
  if (!item || item.id !== c.itemId) return illegal('Move the room to this hot seat before changing its stage.');
  if (item.kind !== 'hotseat') return illegal('Only a hot-seat item has stages.');
  const seat = state.hotSeats[item.id];
  if (!seat || seat.presenters.length === 0) return illegal('Choose a presenter first: the stages start once the room knows whose hot seat it is.');
  if (!protocolStage(state, c.stage)) return illegal(`This meeting's protocol (${state.hotSeatProtocol.name}) has no stage "${c.stage}".`);
  const turn = c.presenter ?? seat.turn;
  if (turn >= seat.presenters.length) return illegal(`This hot seat has ${seat.presenters.length} presenter(s): there is no presenter ${turn + 1}.`);
  if (seat.stage === c.stage && turn === seat.turn) return illegal('The hot seat is already at that stage.');
  const moved = withTurn({ ...seat, stage: c.stage, stageStartedAt: now, round: null }, seat.presenters, turn);
  return ok(
    {
      ...state,
      hotSeats: { ...state.hotSeats, [item.id]: moved },
      timer: runningTimer(item.id, stageDurationMs(state, item, c.stage), now),
      hands: [],
      speakerId: null,
    },
    [{ type: 'hotseat.stage', itemId: item.id, stage: c.stage, presenterId: moved.presenterId }],
  );
}

export function callOn(state: MeetingState, userId: string): Step {
  if (!state.hands.some((h) => h.userId === userId)) return illegal("That person's hand is not raised.");
  return ok({ ...state, hands: state.hands.filter((h) => h.userId !== userId), speakerId: userId }, [{ type: 'speaker.called', userId }]);
}

export function clearSpeaker(state: MeetingState, actor: Actor): Step | { error: ApiError } {
  if (state.speakerId === null) return illegal('Nobody has the floor.');
  if (!ownerOrFacilitator(state, actor, state.speakerId)) {
    return { error: { code: 'not_facilitator', message: 'Only the speaker or the facilitator can end the turn.' } };
  }
  return ok({ ...state, speakerId: null }, [{ type: 'speaker.cleared', userId: state.speakerId }]);
}

export function setFocus(state: MeetingState, userId: string | null): Step {
  if (state.focusUserId === userId) return illegal(userId ? 'The room is already looking at that member.' : 'The room is already looking at the whole group.');
  return ok({ ...state, focusUserId: userId }, [{ type: 'focus.changed', userId }]);
}

export function proposeTopic(state: MeetingState, c: Cmd<'topic.propose'>, actor: Actor): Step {
  if (state.topics.length >= LIMITS.topicsMax) return illegal(`There are already ${LIMITS.topicsMax} proposals.`);
  if (state.topics.some((t) => t.id === c.id)) return illegal('A proposal with that id already exists.');
  const topic: TopicProposal = { id: c.id, userId: actor.userId, title: c.title, votes: [], voteCount: 0 };
  return ok({ ...state, topics: [...state.topics, topic] }, [{ type: 'topic.proposed', id: c.id }]);
}

export function voteTopic(state: MeetingState, id: string, actor: Actor): Step {
  const topic = state.topics.find((t) => t.id === id);
  if (!topic) return illegal('There is no such topic proposal.');
  const votes = topic.votes.includes(actor.userId) ? topic.votes.filter((v) => v !== actor.userId) : [...topic.votes, actor.userId];
  return ok({ ...state, topics: state.topics.map((t) => (t.id === id ? { ...t, votes, voteCount: votes.length } : t)) }, [{ type: 'topic.voted', id }]);
}

export function withdrawTopic(state: MeetingState, id: string, actor: Actor): Step {
  const topic = state.topics.find((t) => t.id === id);
  if (!topic) return illegal('There is no such topic proposal.');
  if (!ownerOrFacilitator(state, actor, topic.userId)) {
    return { error: { code: 'not_facilitator', message: 'Only the proposer or the facilitator can withdraw a topic.' } };
  }
  // A hot seat chosen from this proposal keeps its topic text but no longer points at it.
  const hotSeats = Object.fromEntries(
    Object.entries(state.hotSeats).map(([itemId, seat]) => [
      itemId,
      { ...seat, proposalId: seat.proposalId === id ? null : seat.proposalId, presenters: seat.presenters.map((p) => (p.proposalId === id ? { ...p, proposalId: null } : p)) },
    ]),
  );
  return ok({ ...state, topics: state.topics.filter((t) => t.id !== id), hotSeats }, [{ type: 'topic.withdrawn', id }]);
}

// Applied only to the stored state: a viewer's copy lacks the others' ratings, and the server
// sends the state (never the command) after a rating or a vote (viewFor.ts).
export function rate(state: MeetingState, score: number, actor: Actor): Step {
  // The closing rating is asked at the end of the last day: a day-1 "closing" rates nothing yet.
  if (currentDay(state) < dayCount(state.agenda) - 1) {
    return { error: { code: 'illegal_command', message: 'The meeting is rated on its last day, at the closing.' } };
  }
  const ratings = { ...state.ratings, [actor.userId]: score };
  return ok({ ...state, ratings, ratingSummary: summarizeRatings(Object.values(ratings)) }, [{ type: 'rating.submitted' }]);
}

/** Most votes first; ties keep the order of proposal. */
export function rankedTopics(state: MeetingState): TopicProposal[] {
  return state.topics.map((t, i) => ({ t, i })).sort((a, b) => b.t.voteCount - a.t.voteCount || a.i - b.i).map(({ t }) => t);
}

/** Count, average to one decimal, and the spread only where it names nobody. */
export function summarizeRatings(scores: readonly number[]): RatingSummary {
  const count = scores.length;
  const average = count === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / count) * 10) / 10;
  const distribution = showsRatingDistribution(count) ? Array.from({ length: 10 }, (_, i) => scores.filter((s) => s === i + 1).length) : null;
  return { count, average, distribution };
}
