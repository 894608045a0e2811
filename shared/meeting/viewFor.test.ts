// A viewer's copy of the meeting: their own ballot and the aggregates, nobody else's ballot,
// for every kind of viewer (member, coach, organiser, facilitator, observer, a projector).
import { describe, expect, it } from 'vitest';
import { apply, createMeetingState } from './reducer.ts';
import type { MeetingState } from './state.ts';
import { castBallot, viewFor } from './viewFor.ts';

const NOW = 1_700_000_000_000;
const agenda = [{ id: 'close', kind: 'closing' as const, title: 'Closing', durationMs: 600_000, spentMs: 0 }];

/** A live meeting: coach 'c' facilitates; m1..m3 rated 4, 9, 9; m1 and m2 voted for topic t1, m3 for t2. */
function rated(): MeetingState {
  let s = createMeetingState('mt', agenda, 'c');
  const run = (cmd: Parameters<typeof apply>[1], userId: string, role: 'coach' | 'member' = 'member') => {
    const r = apply(s, cmd, { userId, role }, NOW);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  };
  run({ type: 'topic.propose', id: 't1', title: 'Pricing' }, 'm1');
  run({ type: 'topic.propose', id: 't2', title: 'Hiring' }, 'm3');
  run({ type: 'topic.vote', id: 't1' }, 'm1');
  run({ type: 'topic.vote', id: 't1' }, 'm2');
  run({ type: 'topic.vote', id: 't2' }, 'm3');
  run({ type: 'meeting.start' }, 'c', 'coach');
  run({ type: 'rating.submit', score: 4 }, 'm1');
  run({ type: 'rating.submit', score: 9 }, 'm2');
  run({ type: 'rating.submit', score: 9 }, 'm3');
  return s;
}

describe('viewFor: anonymous ratings and topic votes', () => {
  const stored = rated();
  const aggregate = { count: 3, average: 7.3, distribution: [0, 0, 0, 1, 0, 0, 0, 0, 2, 0] };

  it.each([
    // viewer, own ratings, own votes per topic
    ['m1', { m1: 4 }, [['m1'], []]],
    ['m3', { m3: 9 }, [[], ['m3']]],
    // The coach facilitates and did not rate: aggregates only.
    ['c', {}, [[], []]],
    ['organiser', {}, [[], []]],
    ['observer', {}, [[], []]],
    [null, {}, [[], []]],
  ] as const)('%s sees their own ballot and the aggregate only', (viewer, ratings, votes) => {
    const view = viewFor(stored, viewer);
    expect(view.ratings).toEqual(ratings);
    expect(view.ratingSummary).toEqual(aggregate);
    expect(view.topics.map((t) => t.votes)).toEqual(votes);
    expect(view.topics.map((t) => t.voteCount)).toEqual([2, 1]);
    // Nobody else's id is anywhere in the ballots of the copy.
    const ballots = JSON.stringify([view.ratings, view.ratingSummary, view.topics.map((t) => t.votes)]);
    for (const other of ['m1', 'm2', 'm3'].filter((u) => u !== viewer)) expect(ballots).not.toContain(other);
  });

  it('hides the spread below three raters, and counts from the stored ballots', () => {
    const two = { ...stored, ratings: { m1: 4, m2: 9 } };
    expect(viewFor(two, 'm1').ratingSummary).toEqual({ count: 2, average: 6.5, distribution: null });
  });

  it('leaves the stored state untouched and keeps everything else', () => {
    const before = JSON.stringify(stored);
    const view = viewFor(stored, 'm2');
    expect(JSON.stringify(stored)).toBe(before);
    expect({ ...view, ratings: stored.ratings, topics: stored.topics }).toEqual(stored);
  });

  it('the reducer follows a copy for the commands that are not ballots', () => {
    const r = apply(viewFor(stored, 'm2'), { type: 'topic.propose', id: 't3', title: 'Churn' }, { userId: 'm2', role: 'member' }, NOW);
    expect(r.ok && r.state.topics.map((t) => [t.id, t.voteCount])).toEqual([['t1', 2], ['t2', 1], ['t3', 0]]);
    expect(r.ok && r.state.ratingSummary).toEqual(aggregate);
  });

  it('castBallot: whose copy differs from the ballot-free one', () => {
    expect(['m1', 'm2', 'm3', 'c', 'x'].map((u) => castBallot(stored, u))).toEqual([true, true, true, false, false]);
  });
});
