// Table-driven tests of the peer-group commands: hot seats, speaking queue, focus, topics,
// ratings; then old stored states. Same shape as reducer.test.ts: a given state, one command,
// an actor and a clock; then either the fields that must change or the error.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import { meetingCommandSchema, type MeetingCommand } from './commands.ts';
import { rankedTopics, stageDurationMs, summarizeRatings } from './hotseat.ts';
import { CLASSIC_PROTOCOL } from './hotseatProtocol.ts';
import { normalizeState } from './normalize.ts';
import type { Actor } from '../access/index.ts';
import { apply, createMeetingState } from './reducer.ts';
import type { HotSeatState, MeetingState, TopicProposal } from './state.ts';
import { deepFreeze, runRow, type Row } from './test-rows.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const NOW = T0 + MIN;
const FAC: Actor = { userId: 'fac', role: 'member' }; // a peer facilitating
const PRESENTER: Actor = { userId: 'p', role: 'member' };
const MEMBER: Actor = { userId: 'm2', role: 'member' };
const COACH: Actor = { userId: 'coach', role: 'coach' };
const ORG: Actor = { userId: 'org', role: 'organiser' };
const OBS: Actor = { userId: 'obs', role: 'observer' };

const agenda: AgendaItem[] = [
  { id: 'open', kind: 'opening', title: 'Opening', durationMs: 20 * MIN, spentMs: 0 },
  { id: 'hs', kind: 'hotseat', title: 'Hot seat', durationMs: 40 * MIN, spentMs: 0 },
  { id: 'close', kind: 'closing', title: 'Closing', durationMs: 15 * MIN, spentMs: 0 },
];
const scheduled = (patch: Partial<MeetingState> = {}): MeetingState => ({ ...createMeetingState('m1', agenda, FAC.userId), ...patch });
const live = (at: number, patch: Partial<MeetingState> = {}): MeetingState => ({
  ...scheduled(),
  status: 'live',
  version: 3,
  currentIndex: at,
  startedAt: T0,
  itemEnteredAt: T0,
  timer: { itemId: agenda[at]!.id, durationMs: agenda[at]!.durationMs, runningSince: T0, elapsedMs: 0 },
  ...patch,
});
const ended = (): MeetingState => ({ ...live(2), status: 'ended', timer: null, itemEnteredAt: null, endedAt: T0 + 90 * MIN });
const seat: HotSeatState = { presenterId: 'p', topic: 'Pricing', proposalId: null, presenters: [{ userId: 'p', topic: 'Pricing', proposalId: null }], turn: 0, stage: null, stageStartedAt: null, round: null };
const atStage = (stage: HotSeatState['stage']): Record<string, HotSeatState> => ({ hs: { ...seat, stage, stageStartedAt: T0 } });
const topic = (id: string, userId = 'p', votes: string[] = []): TopicProposal => ({ id, userId, title: `Topic ${id}`, votes, voteCount: votes.length });
const hands = (...userIds: string[]) => userIds.map((userId, i) => ({ userId, raisedAt: T0 + i }));

const run = (row: Row) => runRow(row, { actor: FAC, now: () => NOW });

const rows: Row[] = [
  // hotseat.setup
  { name: 'setup: before the meeting', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'Pricing' }, ok: (s, ev) => {
    expect(s.hotSeats.hs).toEqual(seat);
    expect(ev).toEqual([{ type: 'hotseat.setup', itemId: 'hs', presenterId: 'p' }]);
  } },
  { name: 'setup: during the meeting, from a proposal', given: live(0, { topics: [topic('t1')] }), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'Topic t1', proposalId: 't1' }, ok: (s) => {
    expect(s.hotSeats.hs).toEqual({ ...seat, topic: 'Topic t1', proposalId: 't1', presenters: [{ userId: 'p', topic: 'Topic t1', proposalId: 't1' }] });
  } },
  { name: 'setup: a coach may set it up', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X' }, actor: COACH, ok: (s) => expect(s.hotSeats.hs?.topic).toBe('X') },
  { name: 'setup: changing the presenter mid-seat keeps the stage', given: live(1, { hotSeats: atStage('advice') }), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'q', topic: 'Hiring' }, ok: (s) => {
    expect(s.hotSeats.hs).toEqual({ presenterId: 'q', topic: 'Hiring', proposalId: null, presenters: [{ userId: 'q', topic: 'Hiring', proposalId: null }], turn: 0, stage: 'advice', stageStartedAt: T0, round: null });
  } },
  { name: 'setup: a non-hotseat item', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'open', presenterId: 'p', topic: 'X' }, error: 'illegal_command' },
  { name: 'setup: an unknown item', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'nope', presenterId: 'p', topic: 'X' }, error: 'illegal_command' },
  { name: 'setup: an unknown proposal', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X', proposalId: 'nope' }, error: 'illegal_command' },
  { name: 'setup: by a member', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'setup: after the end', given: ended(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X' }, error: 'meeting_ended' },

  // entering a hot seat
  { name: 'enter: a set-up hot seat starts the presentation with its time box', given: live(0, { hotSeats: { hs: seat } }), command: { type: 'agenda.next' }, ok: (s) => {
    expect(s.hotSeats.hs).toMatchObject({ stage: 'presentation', stageStartedAt: NOW });
    expect(s.timer).toEqual({ itemId: 'hs', durationMs: 8 * MIN, runningSince: NOW, elapsedMs: 0 });
  } },
  { name: 'enter: a hot seat nobody set up keeps the whole item box and no stage', given: live(0), command: { type: 'agenda.next' }, ok: (s) => {
    expect(s.hotSeats).toEqual({});
    expect(s.timer).toMatchObject({ itemId: 'hs', durationMs: 40 * MIN });
  } },
  { name: 'enter: going back to a seat at a stage restarts that stage box', given: live(2, { hotSeats: atStage('advice') }), command: { type: 'agenda.back' }, ok: (s) => {
    expect(s.hotSeats.hs).toMatchObject({ stage: 'advice', stageStartedAt: NOW });
    expect(s.timer).toEqual({ itemId: 'hs', durationMs: 14 * MIN, runningSince: NOW, elapsedMs: 0 });
  } },
  { name: 'enter: a meeting that opens on a set-up hot seat starts its presentation', given: scheduled({ agenda: [agenda[1]!, agenda[2]!], hotSeats: { hs: seat } }), command: { type: 'meeting.start' }, ok: (s) => {
    expect(s.hotSeats.hs?.stage).toBe('presentation');
    expect(s.timer?.durationMs).toBe(8 * MIN);
  } },

  // hotseat.stage
  { name: 'stage: a new stage gets its own time box and a fresh speaking queue', given: live(1, { hotSeats: atStage('presentation'), hands: hands('m2'), speakerId: 'm3', timer: { itemId: 'hs', durationMs: 8 * MIN, runningSince: null, elapsedMs: 7 * MIN } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'questions' }, ok: (s, ev) => {
    expect(s.hotSeats.hs).toEqual({ ...seat, stage: 'questions', stageStartedAt: NOW });
    expect(s.timer).toEqual({ itemId: 'hs', durationMs: 10 * MIN, runningSince: NOW, elapsedMs: 0 });
    expect([s.hands, s.speakerId]).toEqual([[], null]);
    expect(ev).toEqual([{ type: 'hotseat.stage', itemId: 'hs', stage: 'questions', presenterId: 'p' }]);
  } },
  { name: 'stage: back to an earlier stage is allowed', given: live(1, { hotSeats: atStage('advice') }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'questions' }, ok: (s) => expect(s.hotSeats.hs?.stage).toBe('questions') },
  { name: 'stage: refused before a presenter is chosen', given: live(1), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'presentation' }, error: 'illegal_command' },
  { name: 'stage: a coach may move the stage', given: live(1, { hotSeats: atStage('questions') }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, actor: COACH, ok: (s) => expect(s.timer?.durationMs).toBe(14 * MIN) },
  { name: 'stage: an item the room is not on', given: live(0, { hotSeats: { hs: seat } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'illegal_command' },
  { name: 'stage: the current item is not a hot seat', given: live(0), command: { type: 'hotseat.stage', itemId: 'open', stage: 'advice' }, error: 'illegal_command' },
  { name: 'stage: the same stage again', given: live(1, { hotSeats: atStage('advice') }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'illegal_command' },
  { name: 'stage: by a member', given: live(1, { hotSeats: atStage('advice') }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'commitments' }, actor: PRESENTER, error: 'not_facilitator' },
  { name: 'stage: before the start', given: scheduled(), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'meeting_not_live' },

  // the existing timer machinery respects the stage box
  { name: 'timer.reset during a stage resets to the stage box', given: live(1, { hotSeats: atStage('questions'), timer: { itemId: 'hs', durationMs: 15 * MIN, runningSince: null, elapsedMs: 12 * MIN } }), command: { type: 'timer.reset' }, ok: (s) => {
    expect(s.timer).toEqual({ itemId: 'hs', durationMs: 10 * MIN, runningSince: null, elapsedMs: 0 });
  } },
  { name: 'timer.extend during a stage extends the stage box', given: live(1, { hotSeats: atStage('questions'), timer: { itemId: 'hs', durationMs: 10 * MIN, runningSince: T0, elapsedMs: 0 } }), command: { type: 'timer.extend', ms: 2 * MIN }, ok: (s) => expect(s.timer?.durationMs).toBe(12 * MIN) },
  { name: 're-timing the current hot seat re-sizes the stage box', given: live(1, { hotSeats: atStage('advice'), timer: { itemId: 'hs', durationMs: 14 * MIN, runningSince: T0, elapsedMs: 0 } }), command: { type: 'agenda.update', itemId: 'hs', durationMs: 60 * MIN }, ok: (s) => {
    expect(s.agenda[1]?.durationMs).toBe(60 * MIN);
    expect(s.timer).toMatchObject({ durationMs: 21 * MIN, runningSince: T0 });
  } },
  { name: 'removing a hot-seat item removes its seat', given: scheduled({ hotSeats: { hs: seat } }), command: { type: 'agenda.remove', itemId: 'hs' }, ok: (s) => expect(s.hotSeats).toEqual({}) },

  // hand.call / speaker.clear
  { name: 'call: a raised hand gets the floor and leaves the queue', given: live(1, { hands: hands('m2', 'm3') }), command: { type: 'hand.call', userId: 'm2' }, ok: (s, ev) => {
    expect(s.speakerId).toBe('m2');
    expect(s.hands.map((h) => h.userId)).toEqual(['m3']);
    expect(ev).toEqual([{ type: 'speaker.called', userId: 'm2' }]);
  } },
  { name: 'call: the next hand replaces the current speaker', given: live(1, { hands: hands('m3'), speakerId: 'm2' }), command: { type: 'hand.call', userId: 'm3' }, actor: COACH, ok: (s) => {
    expect([s.speakerId, s.hands]).toEqual(['m3', []]);
  } },
  { name: 'call: someone without a raised hand', given: live(1, { hands: hands('m3') }), command: { type: 'hand.call', userId: 'm2' }, error: 'illegal_command' },
  { name: 'call: by a member', given: live(1, { hands: hands('m2') }), command: { type: 'hand.call', userId: 'm2' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'call: before the start', given: scheduled({ hands: hands('m2') }), command: { type: 'hand.call', userId: 'm2' }, error: 'meeting_not_live' },
  { name: 'speaker.clear: the speaker ends their own turn', given: live(1, { speakerId: 'm2' }), command: { type: 'speaker.clear' }, actor: MEMBER, ok: (s, ev) => {
    expect(s.speakerId).toBeNull();
    expect(ev).toEqual([{ type: 'speaker.cleared', userId: 'm2' }]);
  } },
  { name: 'speaker.clear: the facilitator ends someone’s turn', given: live(1, { speakerId: 'm2' }), command: { type: 'speaker.clear' }, ok: (s) => expect(s.speakerId).toBeNull() },
  { name: 'speaker.clear: a coach ends someone’s turn', given: live(1, { speakerId: 'm2' }), command: { type: 'speaker.clear' }, actor: COACH, ok: (s) => expect(s.speakerId).toBeNull() },
  { name: 'speaker.clear: another member cannot end the turn', given: live(1, { speakerId: 'm3' }), command: { type: 'speaker.clear' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'speaker.clear: nobody has the floor', given: live(1), command: { type: 'speaker.clear' }, error: 'illegal_command' },
  { name: 'speaker.clear: an observer', given: live(1, { speakerId: 'obs' }), command: { type: 'speaker.clear' }, actor: OBS, error: 'forbidden' },
  { name: 'navigation clears focus and speaker, keeps the queue', given: live(0, { focusUserId: 'm2', speakerId: 'm3', hands: hands('m4') }), command: { type: 'agenda.next' }, ok: (s) => {
    expect([s.focusUserId, s.speakerId, s.hands.length]).toEqual([null, null, 1]);
  } },
  { name: 'the end of the meeting clears the speaker', given: live(2, { speakerId: 'm3' }), command: { type: 'meeting.end' }, ok: (s) => expect(s.speakerId).toBeNull() },

  // focus.set
  { name: 'focus: on a member', given: live(0), command: { type: 'focus.set', userId: 'm2' }, ok: (s, ev) => {
    expect(s.focusUserId).toBe('m2');
    expect(ev).toEqual([{ type: 'focus.changed', userId: 'm2' }]);
  } },
  { name: 'focus: back to the whole group', given: live(0, { focusUserId: 'm2' }), command: { type: 'focus.set', userId: null }, ok: (s) => expect(s.focusUserId).toBeNull() },
  { name: 'focus: a coach moves it', given: live(0, { focusUserId: 'm2' }), command: { type: 'focus.set', userId: 'm3' }, actor: COACH, ok: (s) => expect(s.focusUserId).toBe('m3') },
  { name: 'focus: on the member already in focus', given: live(0, { focusUserId: 'm2' }), command: { type: 'focus.set', userId: 'm2' }, error: 'illegal_command' },
  { name: 'focus: by a member', given: live(0), command: { type: 'focus.set', userId: 'm2' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'focus: before the start', given: scheduled(), command: { type: 'focus.set', userId: 'm2' }, error: 'meeting_not_live' },

  // topic.propose
  { name: 'propose: a member before the meeting, under their own id', given: scheduled(), command: { type: 'topic.propose', id: 't1', title: 'Hiring' }, actor: MEMBER, ok: (s, ev) => {
    expect(s.topics).toEqual([{ id: 't1', userId: 'm2', title: 'Hiring', votes: [], voteCount: 0 }]);
    expect(ev).toEqual([{ type: 'topic.proposed', id: 't1' }]);
  } },
  { name: 'propose: a coach during the meeting, after the others', given: live(1, { topics: [topic('t1')] }), command: { type: 'topic.propose', id: 't2', title: 'Churn' }, actor: COACH, ok: (s) => {
    expect(s.topics.map((t) => [t.id, t.userId])).toEqual([['t1', 'p'], ['t2', 'coach']]);
  } },
  { name: 'propose: an organiser', given: scheduled(), command: { type: 'topic.propose', id: 't1', title: 'X' }, actor: ORG, ok: (s) => expect(s.topics[0]?.userId).toBe('org') },
  { name: 'propose: a duplicate id', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.propose', id: 't1', title: 'B' }, actor: MEMBER, error: 'illegal_command' },
  { name: `propose: past ${LIMITS.topicsMax} proposals`, given: scheduled({ topics: Array.from({ length: LIMITS.topicsMax }, (_, i) => topic(`t${i}`)) }), command: { type: 'topic.propose', id: 'x', title: 'X' }, actor: MEMBER, error: 'illegal_command' },
  { name: 'propose: an observer', given: scheduled(), command: { type: 'topic.propose', id: 't1', title: 'X' }, actor: OBS, error: 'forbidden' },
  { name: 'propose: after the end', given: ended(), command: { type: 'topic.propose', id: 't1', title: 'X' }, actor: MEMBER, error: 'meeting_ended' },

  // topic.vote
  { name: 'vote: toggles on, under the caller', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.vote', id: 't1' }, actor: MEMBER, ok: (s) => expect(s.topics[0]).toMatchObject({ votes: ['m2'], voteCount: 1 }) },
  { name: 'vote: a second vote takes it back, never counts twice', given: scheduled({ topics: [topic('t1', 'p', ['m2', 'm3'])] }), command: { type: 'topic.vote', id: 't1' }, actor: MEMBER, ok: (s) => expect(s.topics[0]).toMatchObject({ votes: ['m3'], voteCount: 1 }) },
  { name: 'vote: the proposer votes for their own topic during the meeting', given: live(0, { topics: [topic('t1')] }), command: { type: 'topic.vote', id: 't1' }, actor: PRESENTER, ok: (s) => expect(s.topics[0]).toMatchObject({ votes: ['p'], voteCount: 1 }) },
  { name: 'vote: an unknown proposal', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.vote', id: 'nope' }, actor: MEMBER, error: 'illegal_command' },
  { name: 'vote: an observer', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.vote', id: 't1' }, actor: OBS, error: 'forbidden' },

  // topic.withdraw
  { name: 'withdraw: the proposer', given: scheduled({ topics: [topic('t1'), topic('t2')] }), command: { type: 'topic.withdraw', id: 't1' }, actor: PRESENTER, ok: (s) => expect(s.topics.map((t) => t.id)).toEqual(['t2']) },
  { name: 'withdraw: the facilitator, someone else’s', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.withdraw', id: 't1' }, ok: (s) => expect(s.topics).toEqual([]) },
  { name: 'withdraw: a hot seat chosen from it keeps its topic text', given: live(0, { topics: [topic('t1')], hotSeats: { hs: { ...seat, proposalId: 't1' } } }), command: { type: 'topic.withdraw', id: 't1' }, actor: PRESENTER, ok: (s) => {
    expect(s.hotSeats.hs).toEqual(seat);
  } },
  { name: 'withdraw: another member', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.withdraw', id: 't1' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'withdraw: an unknown proposal', given: scheduled({ topics: [topic('t1')] }), command: { type: 'topic.withdraw', id: 'nope' }, actor: PRESENTER, error: 'illegal_command' },

  // rating.submit
  { name: 'rate: stored under the caller', given: live(2), command: { type: 'rating.submit', score: 9 }, actor: MEMBER, ok: (s, ev) => {
    expect(s.ratings).toEqual({ m2: 9 });
    expect(s.ratingSummary).toEqual({ count: 1, average: 9, distribution: null });
    // The event does not name the rater either.
    expect(ev).toEqual([{ type: 'rating.submitted' }]);
  } },
  { name: 'rate: re-submitting replaces the earlier score', given: live(2, { ratings: { m2: 5, coach: 7 } }), command: { type: 'rating.submit', score: 10 }, actor: MEMBER, ok: (s) => {
    expect(s.ratings).toEqual({ m2: 10, coach: 7 });
    expect(s.ratingSummary).toEqual({ count: 2, average: 8.5, distribution: null });
  } },
  { name: 'rate: the third rater opens the spread', given: live(2, { ratings: { m3: 5, coach: 7 } }), command: { type: 'rating.submit', score: 7 }, actor: MEMBER, ok: (s) => {
    expect(s.ratingSummary).toEqual({ count: 3, average: 6.3, distribution: [0, 0, 0, 0, 1, 0, 2, 0, 0, 0] });
  } },
  { name: 'rate: a coach rates too', given: live(2), command: { type: 'rating.submit', score: 1 }, actor: COACH, ok: (s) => expect(s.ratings).toEqual({ coach: 1 }) },
  { name: 'rate: an observer', given: live(2), command: { type: 'rating.submit', score: 9 }, actor: OBS, error: 'forbidden' },
  { name: 'rate: before the start', given: scheduled(), command: { type: 'rating.submit', score: 9 }, actor: MEMBER, error: 'meeting_not_live' },
  { name: 'rate: after the end', given: ended(), command: { type: 'rating.submit', score: 9 }, actor: MEMBER, error: 'meeting_ended' },
];

describe('peer-group commands', () => {
  for (const row of rows) it(row.name, () => run(row));

  it.each([
    ['a topic of 201 characters', { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'x'.repeat(201) }],
    ['an empty topic', { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: '   ' }],
    ['an empty stage id', { type: 'hotseat.stage', itemId: 'hs', stage: '' }],
    ['a negative presenter index', { type: 'hotseat.stage', itemId: 'hs', stage: 'advice', presenter: -1 }],
    ['a proposal title of 201 characters', { type: 'topic.propose', id: 't', title: 'x'.repeat(201) }],
    ['an empty proposal title', { type: 'topic.propose', id: 't', title: '' }],
    ['a score of 0', { type: 'rating.submit', score: 0 }],
    ['a score of 11', { type: 'rating.submit', score: 11 }],
    ['a score of 7.5', { type: 'rating.submit', score: 7.5 }],
    ['a focus without userId', { type: 'focus.set' }],
    ['a call without userId', { type: 'hand.call' }],
  ])('the schema refuses %s', (_name, payload) => {
    expect(meetingCommandSchema.safeParse(payload).success).toBe(false);
  });

  it('the schema accepts the longest topic and the edge scores', () => {
    for (const payload of [
      { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'x'.repeat(200) },
      { type: 'topic.propose', id: 't', title: 'x'.repeat(200) },
      { type: 'rating.submit', score: 1 },
      { type: 'rating.submit', score: 10 },
      { type: 'focus.set', userId: null },
    ]) {
      expect(meetingCommandSchema.safeParse(payload).success).toBe(true);
    }
  });

  it('per-user commands use the caller, never a userId smuggled into the payload', () => {
    const parse = (payload: unknown) => meetingCommandSchema.parse(payload);
    let s = apply(live(2, { topics: [topic('t1')] }), parse({ type: 'rating.submit', score: 8, userId: 'victim' }), MEMBER, NOW);
    expect(s.ok && s.state.ratings).toEqual({ m2: 8 });
    s = apply(live(2, { topics: [topic('t1')] }), parse({ type: 'topic.vote', id: 't1', userId: 'victim' }), MEMBER, NOW);
    expect(s.ok && s.state.topics[0]?.votes).toEqual(['m2']);
    s = apply(scheduled(), parse({ type: 'topic.propose', id: 't9', title: 'T', userId: 'victim' }), MEMBER, NOW);
    expect(s.ok && s.state.topics[0]?.userId).toBe('m2');
    s = apply(live(1, { speakerId: 'victim' }), parse({ type: 'speaker.clear', userId: 'victim' }), MEMBER, NOW);
    expect(s.ok ? 'accepted' : s.error.code).toBe('not_facilitator');
  });

  it('a whole hot seat: four stages, each time-boxed, each with a fresh queue', () => {
    const item = { id: 'hs', kind: 'hotseat' as const, title: 'Hot seat', durationMs: 45 * MIN, spentMs: 0 };
    let s = createMeetingState('m1', [agenda[0]!, item, agenda[2]!], FAC.userId);
    let clock = T0 - 10 * MIN;
    const step = (command: MeetingCommand, actor: Actor = FAC) => {
      clock += MIN;
      const r = apply(s, command, actor, clock);
      if (!r.ok) throw new Error(`${command.type}: ${r.error.message}`);
      s = r.state;
    };
    step({ type: 'topic.propose', id: 't1', title: 'Pricing' }, PRESENTER);
    step({ type: 'topic.propose', id: 't2', title: 'Hiring' }, MEMBER);
    step({ type: 'topic.vote', id: 't2' }, COACH);
    step({ type: 'topic.vote', id: 't2' }, PRESENTER);
    expect(rankedTopics(s).map((t) => t.id)).toEqual(['t2', 't1']);
    step({ type: 'hotseat.setup', itemId: 'hs', presenterId: 'm2', topic: 'Hiring', proposalId: 't2' });
    step({ type: 'meeting.start' });
    step({ type: 'agenda.next' });
    expect([s.hotSeats.hs?.stage, s.timer?.durationMs]).toEqual(['presentation', 9 * MIN]);
    const boxes: number[] = [];
    for (const stage of ['questions', 'advice', 'commitments'] as const) {
      step({ type: 'hand.raise' }, COACH);
      step({ type: 'hand.call', userId: 'coach' });
      expect(s.speakerId).toBe('coach');
      step({ type: 'hotseat.stage', itemId: 'hs', stage });
      expect([s.speakerId, s.hands]).toEqual([null, []]);
      boxes.push(s.timer?.durationMs ?? 0);
    }
    expect(boxes).toEqual([11.25 * MIN, 15.75 * MIN, 9 * MIN]);
    step({ type: 'agenda.next' });
    step({ type: 'rating.submit', score: 9 }, MEMBER);
    step({ type: 'rating.submit', score: 6 }, COACH);
    expect(s.ratingSummary).toEqual({ average: 7.5, count: 2, distribution: null });
    step({ type: 'meeting.end' });
    expect(s.hotSeats.hs).toMatchObject({ presenterId: 'm2', topic: 'Hiring', proposalId: 't2', stage: 'commitments' });
  });

  it('classic stages, in order, share the whole item; each box is round(item * share)', () => {
    const st = live(1, { hotSeats: { hs: seat } });
    const box = (ms: number, id: string) => stageDurationMs(st, { id: 'hs', durationMs: ms }, id);
    expect(CLASSIC_PROTOCOL.stages.map((s) => [s.id, s.share])).toEqual([['presentation', 0.2], ['questions', 0.25], ['advice', 0.35], ['commitments', 0.2]]);
    expect(CLASSIC_PROTOCOL.stages.find((s) => s.id === 'questions')?.rule).toBe('Clarifying questions only: no advice yet');
    expect(CLASSIC_PROTOCOL.stages.map((s) => box(40 * MIN, s.id))).toEqual([8, 10, 14, 8].map((m) => m * MIN));
    expect(box(45 * MIN, 'advice')).toBe(945_000);
    expect(box(LIMITS.agendaItemMinMs, 'presentation')).toBe(12_000);
    expect(box(100_001, 'questions')).toBe(25_000);
  });

  it('ranks topics by votes, ties by proposal order', () => {
    const s = scheduled({ topics: [topic('a', 'p', ['x']), topic('b', 'p', ['x', 'y']), topic('c', 'p', ['z']), topic('d')] });
    expect(rankedTopics(s).map((t) => t.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(s.topics.map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']); // not sorted in place
    expect(rankedTopics(scheduled())).toEqual([]);
  });

  it('summarizes ratings: average to one decimal, the spread only from three raters', () => {
    expect(summarizeRatings([8, 9, 6])).toEqual({ average: 7.7, count: 3, distribution: [0, 0, 0, 0, 0, 1, 0, 1, 1, 0] });
    expect(summarizeRatings([10, 1])).toEqual({ average: 5.5, count: 2, distribution: null });
    expect(summarizeRatings([])).toEqual({ average: null, count: 0, distribution: null });
  });
});

describe('states stored before these fields existed', () => {
  /** A live meeting as the database held it before this change: JSON, none of the new fields. */
  const OLD_JSON = JSON.stringify({
    meetingId: 'm1',
    status: 'live',
    version: 12,
    agenda,
    currentIndex: 0,
    itemEnteredAt: T0,
    timer: { itemId: 'open', durationMs: 20 * MIN, runningSince: T0, elapsedMs: 0 },
    facilitatorId: 'fac',
    attendance: { m2: { userId: 'm2', status: 'present', mode: 'room', joinedAt: T0 } },
    hands: [{ userId: 'm2', raisedAt: T0 }],
    startedAt: T0,
    endedAt: null,
  });
  const old = () => JSON.parse(OLD_JSON) as MeetingState;

  it('normalizeState fills every new field with its default and keeps the rest', () => {
    const stored = deepFreeze(old());
    const s = normalizeState(stored);
    const prior = JSON.parse(OLD_JSON);
    expect(s).toEqual({
      ...prior, focusUserId: null, speakerId: null, hotSeats: {}, topics: [], ratings: {}, rebalanceUndo: null, shownFile: null, hotSeatProtocol: CLASSIC_PROTOCOL,
      ratingSummary: { count: 0, average: null, distribution: null },
      // a live meeting from before days ran as one day from its start
      dayRuns: [{ startedAt: prior.startedAt, endedAt: null, plannedMs: prior.agenda.reduce((sum: number, i: { durationMs: number }) => sum + i.durationMs, 0) }],
    });
    expect(stored).toEqual(JSON.parse(OLD_JSON)); // input untouched
  });

  it('normalizeState returns a complete state as it is', () => {
    const s = createMeetingState('m1', agenda, 'fac');
    expect(normalizeState(s)).toBe(s);
    const partial = { ...old(), topics: [topic('t1')], speakerId: 'm2' };
    expect(normalizeState(partial)).toMatchObject({ topics: [topic('t1')], speakerId: 'm2', hotSeats: {}, ratings: {}, focusUserId: null });
    // Topics and ratings stored before the counts existed get them from the ballots.
    const { voteCount: _c, ...uncounted } = topic('t2', 'p', ['a', 'b']);
    const counted = normalizeState({ ...old(), topics: [uncounted as TopicProposal], ratings: { a: 4, b: 6 } });
    expect([counted.topics[0]?.voteCount, counted.ratingSummary]).toEqual([2, { count: 2, average: 5, distribution: null }]);
  });

  it.each<[string, MeetingCommand, Actor, (s: MeetingState) => void]>([
    ['hand.call', { type: 'hand.call', userId: 'm2' }, FAC, (s) => expect([s.speakerId, s.hands]).toEqual(['m2', []])],
    ['focus.set', { type: 'focus.set', userId: 'm2' }, FAC, (s) => expect(s.focusUserId).toBe('m2')],
    ['hotseat.setup', { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'Pricing' }, FAC, (s) => expect(s.hotSeats.hs).toEqual(seat)],
    ['topic.propose', { type: 'topic.propose', id: 't1', title: 'T' }, MEMBER, (s) => expect(s.topics).toHaveLength(1)],
    ['rating.submit', { type: 'rating.submit', score: 7 }, MEMBER, (s) => expect(s.ratings).toEqual({ m2: 7 })],
    ['agenda.next (an old command)', { type: 'agenda.next' }, FAC, (s) => expect([s.currentIndex, s.hotSeats, s.speakerId]).toEqual([1, {}, null])],
    ['hand.raise (an old command)', { type: 'hand.raise' }, COACH, (s) => expect(s.hands.map((h) => h.userId)).toEqual(['m2', 'coach'])],
  ])('accepts %s on an old state, and the result has every field', (_name, command, actor, check) => {
    const result = apply(deepFreeze(old()), command, actor, NOW);
    if (!result.ok) throw new Error(`refused: ${result.error.message}`);
    expect(result.state.version).toBe(13);
    for (const key of ['focusUserId', 'speakerId', 'hotSeats', 'topics', 'ratings', 'ratingSummary'] as const) expect(result.state).toHaveProperty(key);
    check(result.state);
  });

  it('refuses on an old state what it refuses on a new one', () => {
    const result = apply(old(), { type: 'speaker.clear' }, FAC, NOW);
    expect(result.ok ? 'accepted' : result.error.code).toBe('illegal_command');
  });
});
