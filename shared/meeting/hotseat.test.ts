// Table-driven tests of the peer-group commands: hot seats, speaking queue, focus, topics, ratings.
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import type { ErrorCode } from '../errors.ts';
import type { MeetingCommand } from './commands.ts';
import { averageRating, HOT_SEAT_STAGES, rankedTopics, stageDurationMs } from './hotseat.ts';
import { normalizeState } from './normalize.ts';
import type { Actor } from './permissions.ts';
import { apply, createMeetingState } from './reducer.ts';
import type { MeetingState } from './state.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const FAC: Actor = { userId: 'fac', role: 'member' };
const PRESENTER: Actor = { userId: 'p', role: 'member' };
const MEMBER: Actor = { userId: 'm2', role: 'member' };
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
const seat = { presenterId: 'p', topic: 'Pricing', proposalId: null, stage: null, stageStartedAt: null };

type Row = { name: string; given: MeetingState; command: MeetingCommand; actor?: Actor } & ({ ok: (s: MeetingState) => void } | { error: ErrorCode });

const rows: Row[] = [
  { name: 'setup a hot seat before the meeting', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'Pricing' }, ok: (s) => expect(s.hotSeats.hs).toEqual(seat) },
  { name: 'setup on a non-hotseat item is illegal', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'open', presenterId: 'p', topic: 'X' }, error: 'illegal_command' },
  { name: 'setup from an unknown proposal is illegal', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X', proposalId: 'nope' }, error: 'illegal_command' },
  { name: 'setup by a member is refused', given: scheduled(), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'X' }, actor: MEMBER, error: 'not_facilitator' },
  {
    name: 'entering a set-up hot seat starts the presentation with its time box',
    given: live(0, { hotSeats: { hs: seat } }),
    command: { type: 'agenda.next' },
    ok: (s) => {
      expect(s.hotSeats.hs).toMatchObject({ stage: 'presentation', stageStartedAt: T0 + MIN });
      expect(s.timer).toMatchObject({ itemId: 'hs', durationMs: 8 * MIN, runningSince: T0 + MIN });
    },
  },
  {
    name: 'a new stage gets its own time box and a fresh speaking queue',
    given: live(1, { hotSeats: { hs: { ...seat, stage: 'presentation', stageStartedAt: T0 } }, hands: [{ userId: 'm2', raisedAt: T0 }], speakerId: 'm3' }),
    command: { type: 'hotseat.stage', itemId: 'hs', stage: 'questions' },
    ok: (s) => {
      expect(s.hotSeats.hs?.stage).toBe('questions');
      expect(s.timer?.durationMs).toBe(10 * MIN);
      expect(s.hands).toEqual([]);
      expect(s.speakerId).toBeNull();
    },
  },
  { name: 'stage of an item the room is not on is illegal', given: live(0), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'illegal_command' },
  { name: 'the same stage again is illegal', given: live(1, { hotSeats: { hs: { ...seat, stage: 'advice', stageStartedAt: T0 } } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'illegal_command' },
  { name: 'stage before the start', given: scheduled(), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'meeting_not_live' },
  { name: 'calling on a raised hand gives the floor', given: live(1, { hands: [{ userId: 'm2', raisedAt: T0 }, { userId: 'm3', raisedAt: T0 + 1 }] }), command: { type: 'hand.call', userId: 'm2' }, ok: (s) => {
    expect(s.speakerId).toBe('m2');
    expect(s.hands.map((h) => h.userId)).toEqual(['m3']);
  } },
  { name: 'calling on someone without a hand is illegal', given: live(1), command: { type: 'hand.call', userId: 'm2' }, error: 'illegal_command' },
  { name: 'the speaker ends their own turn', given: live(1, { speakerId: 'm2' }), command: { type: 'speaker.clear' }, actor: MEMBER, ok: (s) => expect(s.speakerId).toBeNull() },
  { name: 'another member cannot end the speaker’s turn', given: live(1, { speakerId: 'm3' }), command: { type: 'speaker.clear' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'nobody has the floor', given: live(1), command: { type: 'speaker.clear' }, error: 'illegal_command' },
  { name: 'focus on a member', given: live(0), command: { type: 'focus.set', userId: 'm2' }, ok: (s) => expect(s.focusUserId).toBe('m2') },
  { name: 'focus on the same member again is illegal', given: live(0, { focusUserId: 'm2' }), command: { type: 'focus.set', userId: 'm2' }, error: 'illegal_command' },
  { name: 'navigation clears focus and speaker', given: live(0, { focusUserId: 'm2', speakerId: 'm3' }), command: { type: 'agenda.next' }, ok: (s) => {
    expect(s.focusUserId).toBeNull();
    expect(s.speakerId).toBeNull();
  } },
  { name: 'members propose topics before the meeting', given: scheduled(), command: { type: 'topic.propose', id: 't1', title: 'Hiring' }, actor: MEMBER, ok: (s) => expect(s.topics).toEqual([{ id: 't1', userId: 'm2', title: 'Hiring', votes: [] }]) },
  { name: 'observers cannot propose', given: scheduled(), command: { type: 'topic.propose', id: 't1', title: 'X' }, actor: OBS, error: 'forbidden' },
  { name: 'a duplicate proposal id is illegal', given: scheduled({ topics: [{ id: 't1', userId: 'p', title: 'A', votes: [] }] }), command: { type: 'topic.propose', id: 't1', title: 'B' }, actor: MEMBER, error: 'illegal_command' },
  { name: 'a vote toggles on', given: scheduled({ topics: [{ id: 't1', userId: 'p', title: 'A', votes: [] }] }), command: { type: 'topic.vote', id: 't1' }, actor: MEMBER, ok: (s) => expect(s.topics[0]?.votes).toEqual(['m2']) },
  { name: 'a second vote takes it back', given: scheduled({ topics: [{ id: 't1', userId: 'p', title: 'A', votes: ['m2'] }] }), command: { type: 'topic.vote', id: 't1' }, actor: MEMBER, ok: (s) => expect(s.topics[0]?.votes).toEqual([]) },
  { name: 'only the proposer or facilitator withdraws', given: scheduled({ topics: [{ id: 't1', userId: 'p', title: 'A', votes: [] }] }), command: { type: 'topic.withdraw', id: 't1' }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'the proposer withdraws', given: scheduled({ topics: [{ id: 't1', userId: 'p', title: 'A', votes: [] }] }), command: { type: 'topic.withdraw', id: 't1' }, actor: PRESENTER, ok: (s) => expect(s.topics).toEqual([]) },
  { name: 'a rating is stored under the caller, replacing an earlier one', given: live(2, { ratings: { m2: 5 } }), command: { type: 'rating.submit', score: 9 }, actor: MEMBER, ok: (s) => expect(s.ratings).toEqual({ m2: 9 }) },
  { name: 'observers do not rate', given: live(2), command: { type: 'rating.submit', score: 9 }, actor: OBS, error: 'forbidden' },
  { name: 'no rating before the meeting', given: scheduled(), command: { type: 'rating.submit', score: 9 }, actor: MEMBER, error: 'meeting_not_live' },
];

describe('peer-group commands', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = apply(Object.freeze(row.given), row.command, row.actor ?? FAC, T0 + MIN);
      if ('error' in row) {
        expect(result.ok ? 'accepted' : result.error.code).toBe(row.error);
      } else {
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        expect(result.state.version).toBe(row.given.version + 1);
        row.ok(result.state);
      }
    });
  }

  it('stage time boxes add up to the item and never drop below a minute', () => {
    expect(HOT_SEAT_STAGES.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1);
    expect(HOT_SEAT_STAGES.map((s) => stageDurationMs(40 * MIN, s.stage))).toEqual([8, 10, 14, 8].map((m) => m * MIN));
    expect(stageDurationMs(2 * MIN, 'presentation')).toBe(MIN);
  });

  it('ranks topics by votes, ties by proposal order, and averages ratings', () => {
    const s = scheduled({ topics: [{ id: 'a', userId: 'p', title: 'A', votes: ['x'] }, { id: 'b', userId: 'p', title: 'B', votes: ['x', 'y'] }, { id: 'c', userId: 'p', title: 'C', votes: ['z'] }], ratings: { a: 8, b: 9, c: 6 } });
    expect(rankedTopics(s).map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(averageRating(s)).toEqual({ average: 7.7, count: 3 });
    expect(averageRating(scheduled())).toBeNull();
  });

  it('accepts a state stored before these fields existed', () => {
    const old = scheduled() as Partial<MeetingState>;
    delete old.hotSeats;
    delete old.topics;
    delete old.ratings;
    delete old.focusUserId;
    delete old.speakerId;
    const result = apply(old as MeetingState, { type: 'topic.propose', id: 't', title: 'T' }, MEMBER, T0);
    expect(result.ok && result.state.topics.length).toBe(1);
    expect(normalizeState(old as MeetingState)).toMatchObject({ hotSeats: {}, topics: [], ratings: {}, focusUserId: null, speakerId: null });
  });
});
