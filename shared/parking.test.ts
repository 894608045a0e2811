// The parking lot's pure rules: which items become proposals of a scheduled meeting, and which
// proposals a meeting took or left.
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { createMeetingState } from './meeting/reducer.ts';
import type { MeetingState } from './meeting/state.ts';
import { itemIdOfTopic, proposalsAtEnd, topicIdOf, withoutParkedProposal, withParkedProposals, type ParkingItem } from './parking.ts';

const item = (id: string, over: Partial<ParkingItem> = {}): ParkingItem => ({
  id, groupId: 'g', kind: 'parked', title: `Item ${id}`, detail: '', status: 'open', createdBy: 'u1',
  sourceMeetingId: 'm0', sourceItemId: null, scheduledMeetingId: null, history: [], createdAt: '', updatedAt: '', ...over,
});
const scheduled = (): MeetingState => createMeetingState('m1', [{ id: 'hs', kind: 'hotseat', title: 'Hot seat', durationMs: 600_000, spentMs: 0 }], 'f');

describe('withParkedProposals', () => {
  it('adds open proposals and parked items, not needs, leads or closed items, and bumps the version once', () => {
    const s = scheduled();
    const { state, added } = withParkedProposals(s, [
      item('a'), item('b', { kind: 'proposal', createdBy: 'u2' }), item('c', { kind: 'need' }), item('d', { kind: 'lead' }), item('e', { status: 'resolved' }), item('f', { status: 'scheduled' }),
    ]);
    expect(added.map((i) => i.id)).toEqual(['a', 'b']);
    expect(state.topics).toEqual([
      { id: 'park-a', userId: 'u1', title: 'Item a', votes: [], voteCount: 0 },
      { id: 'park-b', userId: 'u2', title: 'Item b', votes: [], voteCount: 0 },
    ]);
    expect(state.version).toBe(s.version + 1);
  });

  it('adds nothing twice, nothing to a live meeting, and stops at the proposal cap', () => {
    const once = withParkedProposals(scheduled(), [item('a')]).state;
    expect(withParkedProposals(once, [item('a')])).toEqual({ state: once, added: [] });
    const live = { ...scheduled(), status: 'live' as const };
    expect(withParkedProposals(live, [item('a')]).added).toEqual([]);
    const many = Array.from({ length: LIMITS.topicsMax + 3 }, (_, i) => item(`i${i}`));
    expect(withParkedProposals(scheduled(), many).state.topics).toHaveLength(LIMITS.topicsMax);
  });

  it('maps item ids to topic ids and back', () => {
    expect(itemIdOfTopic(topicIdOf('x1'))).toBe('x1');
    expect(itemIdOfTopic('t-123')).toBeNull();
  });
});

describe('withoutParkedProposal', () => {
  it('withdraws the item’s proposal and bumps the version; the same state when it is not there or a hot seat took it', () => {
    const two = withParkedProposals(scheduled(), [item('a'), item('b')]).state;
    const without = withoutParkedProposal(two, 'a');
    expect(without.topics.map((t) => t.id)).toEqual(['park-b']);
    expect(without.version).toBe(two.version + 1);
    expect(withoutParkedProposal(without, 'a')).toBe(without);
    const taken = { ...two, hotSeats: { hs: { presenterId: 'u1', topic: 'Item a', proposalId: 'park-a', presenters: [{ userId: 'u1', topic: 'Item a', proposalId: 'park-a' }], turn: 0, stage: null, stageStartedAt: null, round: null } } };
    expect(withoutParkedProposal(taken, 'a')).toBe(taken);
  });
});

describe('proposalsAtEnd', () => {
  it('a proposal is taken only by a hot seat that was set up with a presenter', () => {
    const s: MeetingState = {
      ...scheduled(),
      topics: [
        { id: 't1', userId: 'u1', title: 'Pricing', votes: [], voteCount: 0 },
        { id: 't2', userId: 'u2', title: 'Hiring', votes: [], voteCount: 0 },
        { id: 't3', userId: 'u3', title: 'Exit', votes: [], voteCount: 0 },
      ],
      hotSeats: {
        hs: { presenterId: 'u1', topic: 'Pricing', proposalId: 't1', presenters: [{ userId: 'u1', topic: 'Pricing', proposalId: 't1' }], turn: 0, stage: 'advice', stageStartedAt: 1, round: null },
        hs2: { presenterId: null, topic: '', proposalId: 't2', presenters: [], turn: 0, stage: null, stageStartedAt: null, round: null },
      },
    };
    const { taken, left } = proposalsAtEnd(s);
    expect(taken.map((t) => t.id)).toEqual(['t1']);
    expect(left.map((t) => t.id)).toEqual(['t2', 't3']);
  });
});
