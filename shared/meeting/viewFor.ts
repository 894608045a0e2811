// The meeting as one viewer may see it: the only form in which a meeting state leaves the
// server (HTTP answers, room:join, meeting:state, recap). Ratings and topic votes are
// anonymous (shared/access seesBallot): the stored state keeps who gave what, so a rater can
// change their score and a voter take their vote back; a viewer's copy holds their own ballot
// and the aggregates. The copy has the stored state's shape, so the reducer still follows it
// for every command except rating.submit and topic.vote, after which the server sends a copy.
import { seesBallot } from '../access/index.ts';
import { summarizeRatings } from './hotseat.ts';
import { normalizeState } from './normalize.ts';
import type { MeetingState } from './state.ts';

/** `viewerId` null: nobody's ballot, aggregates only (e.g. for a projector-only screen). Pure. */
export function viewFor(state: MeetingState, viewerId: string | null): MeetingState {
  const s = normalizeState(state);
  const ratings = Object.fromEntries(Object.entries(s.ratings).filter(([raterId]) => seesBallot(viewerId, raterId)));
  return {
    ...s,
    ratings,
    // From the stored scores, not a summary someone could have stored stale.
    ratingSummary: summarizeRatings(Object.values(s.ratings)),
    topics: s.topics.map((t) => ({ ...t, votes: t.votes.filter((voterId) => seesBallot(viewerId, voterId)), voteCount: t.votes.length })),
  };
}

/** Whether this user's copy differs from the ballot-free one (they rated or voted). */
export function castBallot(state: MeetingState, userId: string): boolean {
  return Object.hasOwn(state.ratings, userId) || state.topics.some((t) => t.votes.includes(userId));
}
