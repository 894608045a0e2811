// States are stored as JSON; one stored before a field existed gets that field's default here,
// so the reducer and views can rely on every field being present.
import { dayPlannedMs } from './days.ts';
import { summarizeRatings } from './hotseat.ts';
import { resolveProtocol } from './hotseatProtocol.ts';
import type { HotSeatState, MeetingState } from './state.ts';

/** A seat stored before several presenters and rounds: its one presenter becomes the list. */
function normalizeSeat(seat: HotSeatState): HotSeatState {
  const s = seat as Partial<HotSeatState> & HotSeatState;
  if (Array.isArray(s.presenters) && s.round !== undefined && typeof s.turn === 'number') return seat;
  const presenters = s.presenters ?? (s.presenterId ? [{ userId: s.presenterId, topic: s.topic, proposalId: s.proposalId ?? null }] : []);
  return { ...seat, presenters, turn: s.turn ?? 0, round: s.round ?? null };
}

export function normalizeState(state: MeetingState): MeetingState {
  const s = state as Partial<MeetingState> & MeetingState;
  const topicsCounted = (s.topics ?? []).every((t) => typeof t.voteCount === 'number');
  const seatsCurrent = Object.values(s.hotSeats ?? {}).every((seat) => Array.isArray(seat.presenters) && seat.round !== undefined);
  if (s.focusUserId !== undefined && s.speakerId !== undefined && s.hotSeats && s.topics && s.ratings && s.ratingSummary && topicsCounted && s.dayRuns && s.rebalanceUndo !== undefined && s.shownFile !== undefined && s.hotSeatProtocol && seatsCurrent) return state;
  const ratings = s.ratings ?? {};
  return {
    ...state,
    focusUserId: s.focusUserId ?? null,
    speakerId: s.speakerId ?? null,
    hotSeats: Object.fromEntries(Object.entries(s.hotSeats ?? {}).map(([id, seat]) => [id, normalizeSeat(seat)])),
    // Meetings from before protocols ran the classic four stages.
    hotSeatProtocol: s.hotSeatProtocol ?? resolveProtocol(null),
    topics: (s.topics ?? []).map((t) => (typeof t.voteCount === 'number' ? t : { ...t, voteCount: t.votes.length })),
    ratings,
    ratingSummary: s.ratingSummary ?? summarizeRatings(Object.values(ratings)),
    // A meeting started before days existed ran as one day from its start.
    dayRuns: s.dayRuns ?? (s.startedAt !== null ? [{ startedAt: s.startedAt, endedAt: s.endedAt ?? null, plannedMs: dayPlannedMs(s.agenda, 0) }] : []),
    rebalanceUndo: s.rebalanceUndo ?? null,
    shownFile: s.shownFile ?? null,
  };
}
