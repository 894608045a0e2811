// States are stored as JSON; one stored before a field existed gets that field's default here,
// so the reducer and views can rely on every field being present.
import { dayPlannedMs } from './days.ts';
import { summarizeRatings } from './hotseat.ts';
import type { MeetingState } from './state.ts';

export function normalizeState(state: MeetingState): MeetingState {
  const s = state as Partial<MeetingState> & MeetingState;
  const topicsCounted = (s.topics ?? []).every((t) => typeof t.voteCount === 'number');
  if (s.focusUserId !== undefined && s.speakerId !== undefined && s.hotSeats && s.topics && s.ratings && s.ratingSummary && topicsCounted && s.dayRuns && s.rebalanceUndo !== undefined && s.shownFile !== undefined) return state;
  const ratings = s.ratings ?? {};
  return {
    ...state,
    focusUserId: s.focusUserId ?? null,
    speakerId: s.speakerId ?? null,
    hotSeats: s.hotSeats ?? {},
    topics: (s.topics ?? []).map((t) => (typeof t.voteCount === 'number' ? t : { ...t, voteCount: t.votes.length })),
    ratings,
    ratingSummary: s.ratingSummary ?? summarizeRatings(Object.values(ratings)),
    // A meeting started before days existed ran as one day from its start.
    dayRuns: s.dayRuns ?? (s.startedAt !== null ? [{ startedAt: s.startedAt, endedAt: s.endedAt ?? null, plannedMs: dayPlannedMs(s.agenda, 0) }] : []),
    rebalanceUndo: s.rebalanceUndo ?? null,
    shownFile: s.shownFile ?? null,
  };
}
