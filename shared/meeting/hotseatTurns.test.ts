// Table rows for the protocol a group shapes: presets and custom stages, several presenters per
// hot seat, the refusal before a presenter, the advice round-robin; then the template choice's
// validation and old stored seats. Same row shape as hotseat.test.ts (test-rows.ts).
import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import type { Actor } from '../access/index.ts';
import { meetingCommandSchema } from './commands.ts';
import { CLASSIC_PROTOCOL, PRESET_PROTOCOLS, protocolProblem, resolveProtocol, type HotSeatProtocol } from './hotseatProtocol.ts';
import { protocolChoiceSchema } from './protocolChoice.ts';
import { nextStep, roundView } from './hotseatTurns.ts';
import { normalizeState } from './normalize.ts';
import { createMeetingState } from './reducer.ts';
import type { AttendanceEntry, HotSeatState, MeetingState } from './state.ts';
import { runRow, type Row } from './test-rows.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 9, 1, 9, 0);
const NOW = T0 + MIN;
const FAC: Actor = { userId: 'fac', role: 'member' };
const MEMBER: Actor = { userId: 'm2', role: 'member' };
const PRESENTER: Actor = { userId: 'p', role: 'member' };

const agenda: AgendaItem[] = [
  { id: 'open', kind: 'opening', title: 'Opening', durationMs: 20 * MIN, spentMs: 0 },
  { id: 'hs', kind: 'hotseat', title: 'Hot seat', durationMs: 60 * MIN, spentMs: 0 },
  { id: 'close', kind: 'closing', title: 'Closing', durationMs: 15 * MIN, spentMs: 0 },
];
const CUSTOM: HotSeatProtocol = {
  preset: 'custom',
  name: 'Quick round',
  stages: [
    { id: 'pitch', name: 'Pitch', share: 0.25, rule: 'Two sentences', kind: 'talk' },
    { id: 'round', name: 'One idea each', share: 0.75, rule: 'One idea, one minute', kind: 'advice-round' },
  ],
};
const joined = (userId: string, at: number, status: AttendanceEntry['status'] = 'present'): AttendanceEntry => ({ userId, status, mode: 'room', joinedAt: at });
// Arrival order m3, fac, p, m2; m4 is absent.
const attendance = Object.fromEntries([joined('m3', T0 - 5), joined('fac', T0 - 4), joined('p', T0 - 3), joined('m2', T0 - 2), joined('m4', T0 - 1, 'absent')].map((a) => [a.userId, a]));
const seat = (patch: Partial<HotSeatState> = {}): HotSeatState => ({
  presenterId: 'p', topic: 'Pricing', proposalId: null, presenters: [{ userId: 'p', topic: 'Pricing', proposalId: null }], turn: 0, stage: null, stageStartedAt: null, round: null, ...patch,
});
const two = (patch: Partial<HotSeatState> = {}) => seat({ presenters: [{ userId: 'p', topic: 'Pricing', proposalId: null }, { userId: 'm2', topic: 'Hiring', proposalId: null }], ...patch });
const live = (at: number, patch: Partial<MeetingState> = {}, protocol?: HotSeatProtocol): MeetingState => ({
  ...createMeetingState('m1', agenda, FAC.userId, protocol),
  status: 'live',
  version: 3,
  currentIndex: at,
  startedAt: T0,
  itemEnteredAt: T0,
  attendance,
  timer: { itemId: agenda[at]!.id, durationMs: agenda[at]!.durationMs, runningSince: T0, elapsedMs: 0 },
  ...patch,
});
const stageTimer = (ms: number) => ({ itemId: 'hs', durationMs: ms, runningSince: T0, elapsedMs: 0 });
const run = (row: Row) => runRow(row, { actor: FAC, now: () => NOW });

const rows: Row[] = [
  // presets and custom stages
  { name: 'a Gestalt meeting enters the hot seat at its first stage with its share', given: live(0, { hotSeats: { hs: seat() } }, PRESET_PROTOCOLS.gestalt), command: { type: 'agenda.next' }, ok: (s) => {
    expect(s.hotSeats.hs).toMatchObject({ stage: 'presentation', stageStartedAt: NOW });
    expect(s.timer?.durationMs).toBe(12 * MIN);
  } },
  { name: 'Gestalt: experience sharing is a stage, with 45 % of the time', given: live(1, { hotSeats: { hs: seat({ stage: 'questions' }) } }, PRESET_PROTOCOLS.gestalt), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'experience' }, ok: (s) => {
    expect(s.hotSeats.hs?.stage).toBe('experience');
    expect(s.timer?.durationMs).toBe(27 * MIN);
  } },
  { name: 'Gestalt has no advice stage', given: live(1, { hotSeats: { hs: seat({ stage: 'questions' }) } }, PRESET_PROTOCOLS.gestalt), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'advice' }, error: 'illegal_command' },
  { name: 'five-step: root cause gets 20 % of the time', given: live(1, { hotSeats: { hs: seat({ stage: 'questions' }) } }, PRESET_PROTOCOLS['five-step']), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'root-cause' }, ok: (s) => {
    expect(s.timer?.durationMs).toBe(12 * MIN);
  } },
  { name: 'custom stages: the second stage gets its share', given: live(1, { hotSeats: { hs: seat({ stage: 'pitch' }) } }, CUSTOM), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'round' }, ok: (s) => {
    expect(s.timer?.durationMs).toBe(45 * MIN);
  } },
  { name: 'custom stages: a classic stage id is not one of them', given: live(1, { hotSeats: { hs: seat({ stage: 'pitch' }) } }, CUSTOM), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'questions' }, error: 'illegal_command' },

  // presenters
  { name: 'presenters: two, in order; the first is in the seat', given: live(0), command: { type: 'hotseat.presenters', itemId: 'hs', presenters: [{ userId: 'p', topic: 'Pricing' }, { userId: 'm2', topic: 'Hiring' }] }, ok: (s, ev) => {
    expect(s.hotSeats.hs).toEqual(two());
    expect(ev).toEqual([{ type: 'hotseat.presenters', itemId: 'hs', presenterIds: ['p', 'm2'] }]);
  } },
  { name: 'presenters: each gets half the item, split by the protocol', given: live(0, { hotSeats: { hs: two() } }), command: { type: 'agenda.next' }, ok: (s) => {
    expect(s.timer?.durationMs).toBe(6 * MIN); // 60 min / 2 presenters * 20 %
  } },
  { name: 'presenters: the next presenter starts at the first stage and is mirrored as the seat', given: live(1, { hotSeats: { hs: two({ stage: 'commitments', stageStartedAt: T0 }) } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'presentation', presenter: 1 }, ok: (s, ev) => {
    expect(s.hotSeats.hs).toMatchObject({ turn: 1, presenterId: 'm2', topic: 'Hiring', stage: 'presentation', stageStartedAt: NOW });
    expect(ev).toEqual([{ type: 'hotseat.stage', itemId: 'hs', stage: 'presentation', presenterId: 'm2' }]);
  } },
  { name: 'presenters: the same stage for another presenter is a move', given: live(1, { hotSeats: { hs: two({ stage: 'presentation' }) } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'presentation', presenter: 1 }, ok: (s) => expect(s.hotSeats.hs?.turn).toBe(1) },
  { name: 'presenters: there is no third presenter', given: live(1, { hotSeats: { hs: two({ stage: 'presentation' }) } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'presentation', presenter: 2 }, error: 'illegal_command' },
  { name: 'presenters: one person twice', given: live(0), command: { type: 'hotseat.presenters', itemId: 'hs', presenters: [{ userId: 'p', topic: 'A' }, { userId: 'p', topic: 'B' }] }, error: 'illegal_command' },
  { name: 'presenters: not on a hot-seat item', given: live(0), command: { type: 'hotseat.presenters', itemId: 'open', presenters: [{ userId: 'p', topic: 'A' }] }, error: 'illegal_command' },
  { name: 'presenters: an unknown proposal', given: live(0), command: { type: 'hotseat.presenters', itemId: 'hs', presenters: [{ userId: 'p', topic: 'A', proposalId: 'nope' }] }, error: 'illegal_command' },
  { name: 'presenters: by a member', given: live(0), command: { type: 'hotseat.presenters', itemId: 'hs', presenters: [{ userId: 'p', topic: 'A' }] }, actor: MEMBER, error: 'not_facilitator' },
  { name: 'presenters: the list shrinks under the turn, the turn follows', given: live(1, { hotSeats: { hs: two({ turn: 1, presenterId: 'm2', topic: 'Hiring', stage: 'advice' }) } }), command: { type: 'hotseat.presenters', itemId: 'hs', presenters: [{ userId: 'm2', topic: 'Hiring' }] }, ok: (s) => {
    expect(s.hotSeats.hs).toMatchObject({ turn: 0, presenterId: 'm2', stage: 'advice' });
  } },
  { name: 'setup: changes the presenter of the current turn only', given: live(1, { hotSeats: { hs: two({ turn: 1, presenterId: 'm2', topic: 'Hiring' }) } }), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'm3', topic: 'Exit' }, ok: (s) => {
    expect(s.hotSeats.hs?.presenters.map((p) => p.userId)).toEqual(['p', 'm3']);
    expect(s.hotSeats.hs).toMatchObject({ presenterId: 'm3', topic: 'Exit' });
  } },
  { name: 'setup: refuses a member who already has a turn', given: live(1, { hotSeats: { hs: two({ turn: 1, presenterId: 'm2', topic: 'Hiring' }) } }), command: { type: 'hotseat.setup', itemId: 'hs', presenterId: 'p', topic: 'Exit' }, error: 'illegal_command' },

  // refusal before a presenter
  { name: 'next stage is refused while nobody presents', given: live(1, { hotSeats: { hs: seat({ presenterId: null, topic: '', presenters: [] }) } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'questions' }, error: 'illegal_command' },
  { name: 'entering a seat with nobody presenting starts no stage', given: live(0), command: { type: 'agenda.next' }, ok: (s) => {
    expect([s.hotSeats.hs, s.timer?.durationMs]).toEqual([undefined, 60 * MIN]);
  } },

  // the advice round
  { name: 'round: everyone present but the presenter, by arrival, shares the stage box', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) }, timer: stageTimer(21 * MIN) }), command: { type: 'hotseat.round.start', itemId: 'hs' }, ok: (s, ev) => {
    expect(s.hotSeats.hs?.round).toEqual({ speakers: ['m3', 'fac', 'm2'], index: 0, turnMs: 7 * MIN, turnStartedAt: NOW });
    expect(s.speakerId).toBe('m3');
    expect(ev).toEqual([{ type: 'hotseat.round.started', itemId: 'hs', speakers: ['m3', 'fac', 'm2'], turnMs: 7 * MIN }]);
  } },
  { name: 'round: an extended stage gives longer turns', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) }, timer: stageTimer(24 * MIN) }), command: { type: 'hotseat.round.start', itemId: 'hs' }, ok: (s) => expect(s.hotSeats.hs?.round?.turnMs).toBe(8 * MIN) },
  { name: 'round: the facilitator sets the order and the turn', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs', speakerIds: ['m2', 'm3'], turnMs: 2 * MIN }, ok: (s) => {
    expect(s.hotSeats.hs?.round).toMatchObject({ speakers: ['m2', 'm3'], turnMs: 2 * MIN });
  } },
  { name: 'round: a short stage still gives each at least the minimum turn', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) }, timer: stageTimer(MIN) }), command: { type: 'hotseat.round.start', itemId: 'hs' }, ok: (s) => expect(s.hotSeats.hs?.round?.turnMs).toBe(LIMITS.adviceTurnMinMs) },
  { name: 'round: in a Gestalt experience round too', given: live(1, { hotSeats: { hs: seat({ stage: 'experience' }) } }, PRESET_PROTOCOLS.gestalt), command: { type: 'hotseat.round.start', itemId: 'hs' }, ok: (s) => expect(s.hotSeats.hs?.round?.speakers).toEqual(['m3', 'fac', 'm2']) },
  { name: 'round: the presenter is not a speaker', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs', speakerIds: ['m2', 'p'] }, error: 'illegal_command' },
  { name: 'round: an absent member is not a speaker', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs', speakerIds: ['m2', 'm4'] }, error: 'illegal_command' },
  { name: 'round: nobody in the room but the presenter', given: live(1, { attendance: { p: joined('p', T0) }, hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs' }, error: 'illegal_command' },
  { name: 'round: not in a questions stage', given: live(1, { hotSeats: { hs: seat({ stage: 'questions' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs' }, error: 'illegal_command' },
  { name: 'round: not twice', given: live(1, { hotSeats: { hs: seat({ stage: 'advice', round: { speakers: ['m2'], index: 0, turnMs: MIN, turnStartedAt: T0 } }) } }), command: { type: 'hotseat.round.start', itemId: 'hs' }, error: 'illegal_command' },
  { name: 'round: by the presenter', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs' }, actor: PRESENTER, error: 'not_facilitator' },
  { name: 'round: next speaker, with a fresh time box', given: live(1, { speakerId: 'm3', hotSeats: { hs: seat({ stage: 'advice', round: { speakers: ['m3', 'fac', 'm2'], index: 0, turnMs: 7 * MIN, turnStartedAt: T0 } }) } }), command: { type: 'hotseat.round.next', itemId: 'hs' }, ok: (s, ev) => {
    expect(s.hotSeats.hs?.round).toEqual({ speakers: ['m3', 'fac', 'm2'], index: 1, turnMs: 7 * MIN, turnStartedAt: NOW });
    expect(s.speakerId).toBe('fac');
    expect(ev).toEqual([{ type: 'hotseat.round.speaker', itemId: 'hs', userId: 'fac' }]);
  } },
  { name: 'round: after the last speaker the round ends', given: live(1, { speakerId: 'm2', hotSeats: { hs: seat({ stage: 'advice', round: { speakers: ['m3', 'm2'], index: 1, turnMs: MIN, turnStartedAt: T0 } }) } }), command: { type: 'hotseat.round.next', itemId: 'hs' }, ok: (s, ev) => {
    expect([s.hotSeats.hs?.round, s.speakerId]).toEqual([null, null]);
    expect(ev).toEqual([{ type: 'hotseat.round.ended', itemId: 'hs' }]);
  } },
  { name: 'round: next speaker with no round going', given: live(1, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.next', itemId: 'hs' }, error: 'illegal_command' },
  { name: 'round: a new stage ends the round', given: live(1, { hotSeats: { hs: seat({ stage: 'advice', round: { speakers: ['m3'], index: 0, turnMs: MIN, turnStartedAt: T0 } }) } }), command: { type: 'hotseat.stage', itemId: 'hs', stage: 'commitments' }, ok: (s) => expect(s.hotSeats.hs?.round).toBeNull() },
  { name: 'round: not on an item the room has left', given: live(2, { hotSeats: { hs: seat({ stage: 'advice' }) } }), command: { type: 'hotseat.round.start', itemId: 'hs' }, error: 'illegal_command' },
];

describe('protocols, presenters and rounds', () => {
  for (const row of rows) it(row.name, () => run(row));

  it('the presets: every protocol shares the whole time and shows a rule in every stage', () => {
    expect(Object.values(PRESET_PROTOCOLS).map((p) => [p.name, p.stages.map((s) => s.kind)])).toEqual([
      ['Classic', ['talk', 'questions', 'advice-round', 'commitments']],
      ['Gestalt (experience sharing)', ['talk', 'questions', 'advice-round', 'talk']],
      ['Five-step issue process', ['talk', 'questions', 'root-cause', 'advice-round', 'commitments']],
    ]);
    for (const p of Object.values(PRESET_PROTOCOLS)) {
      expect(protocolProblem(p.stages)).toBeNull();
      for (const s of p.stages) expect(s.rule.length).toBeGreaterThan(0);
    }
    expect(PRESET_PROTOCOLS.gestalt.stages.map((s) => s.name)).not.toContain('Advice');
  });

  it('a new meeting snapshots the protocol: changing the source later changes nothing', () => {
    const source = structuredClone(CUSTOM);
    const s = createMeetingState('m1', agenda, 'fac', source);
    source.stages[0]!.name = 'Edited';
    expect(s.hotSeatProtocol).toEqual(CUSTOM);
    expect(createMeetingState('m2', agenda, 'fac').hotSeatProtocol).toEqual(CLASSIC_PROTOCOL);
  });

  it.each([
    ['a preset', { preset: 'gestalt' }, true],
    ['custom stages summing to 1', { preset: 'custom', name: 'Ours', stages: CUSTOM.stages }, true],
    ['shares 0.333 x 3 (within the tolerance)', { preset: 'custom', name: 'Thirds', stages: ['a', 'b', 'c'].map((id) => ({ id, name: id, share: 0.333, rule: '', kind: 'talk' })) }, true],
    ['shares summing to 0.9', { preset: 'custom', name: 'Ours', stages: [{ ...CUSTOM.stages[0]!, share: 0.15 }, CUSTOM.stages[1]!] }, false],
    ['no stages', { preset: 'custom', name: 'Ours', stages: [] }, false],
    [`${LIMITS.protocolStagesMax + 1} stages`, { preset: 'custom', name: 'Ours', stages: Array.from({ length: LIMITS.protocolStagesMax + 1 }, (_, i) => ({ id: `s${i}`, name: 'S', share: 1 / (LIMITS.protocolStagesMax + 1), rule: '', kind: 'talk' })) }, false],
    ['two stages with one id', { preset: 'custom', name: 'Ours', stages: [{ ...CUSTOM.stages[0]!, share: 0.5 }, { ...CUSTOM.stages[0]!, share: 0.5 }] }, false],
    ['an unknown kind', { preset: 'custom', name: 'Ours', stages: [{ ...CUSTOM.stages[0]!, share: 1, kind: 'debate' }] }, false],
    ['an unknown preset', { preset: 'fishbowl' }, false],
    ['a stage name too long for the wall', { preset: 'custom', name: 'Ours', stages: [{ ...CUSTOM.stages[0]!, share: 1, name: 'x'.repeat(LIMITS.stageNameMax + 1) }] }, false],
  ])('the template choice: %s -> %s', (_name, choice, valid) => {
    expect(protocolChoiceSchema.safeParse(choice).success).toBe(valid);
  });

  it('resolves a choice to a protocol of its own', () => {
    expect(resolveProtocol({ preset: 'five-step' })).toEqual(PRESET_PROTOCOLS['five-step']);
    expect(resolveProtocol({ preset: 'five-step' })).not.toBe(PRESET_PROTOCOLS['five-step']);
    expect(resolveProtocol(null)).toEqual(CLASSIC_PROTOCOL);
  });

  it('the next step: the next stage, then the next presenter, then nothing', () => {
    expect(nextStep(live(1, { hotSeats: { hs: two({ stage: 'advice' }) } }), 'hs')).toEqual({ stage: 'commitments', presenter: 0 });
    expect(nextStep(live(1, { hotSeats: { hs: two({ stage: 'commitments' }) } }), 'hs')).toEqual({ stage: 'presentation', presenter: 1 });
    expect(nextStep(live(1, { hotSeats: { hs: two({ stage: 'commitments', turn: 1 }) } }), 'hs')).toBeNull();
  });

  it('a turn counts down from its start and stops at zero; the wall knows who is next', () => {
    const round = { speakers: ['a', 'b'], index: 0, turnMs: 2 * MIN, turnStartedAt: T0 };
    expect(roundView(round, T0 + 30_000)).toEqual({ current: 'a', next: 'b', remainingMs: 90_000 });
    expect(roundView({ ...round, index: 1 }, T0 + 5 * MIN)).toEqual({ current: 'b', next: null, remainingMs: 0 });
  });

  it('the schema bounds presenters and turns', () => {
    const p = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, topic: 'T' }));
    expect(meetingCommandSchema.safeParse({ type: 'hotseat.presenters', itemId: 'hs', presenters: p(LIMITS.presentersPerSeatMax) }).success).toBe(true);
    expect(meetingCommandSchema.safeParse({ type: 'hotseat.presenters', itemId: 'hs', presenters: p(LIMITS.presentersPerSeatMax + 1) }).success).toBe(false);
    expect(meetingCommandSchema.safeParse({ type: 'hotseat.presenters', itemId: 'hs', presenters: [] }).success).toBe(false);
    expect(meetingCommandSchema.safeParse({ type: 'hotseat.round.start', itemId: 'hs', turnMs: LIMITS.adviceTurnMinMs - 1 }).success).toBe(false);
    expect(meetingCommandSchema.safeParse({ type: 'hotseat.round.start', itemId: 'hs', speakerIds: [] }).success).toBe(false);
  });

  it('an old stored seat with one presenter gets the list, its turn and no round', () => {
    const old = { ...live(1), hotSeatProtocol: undefined, hotSeats: { hs: { presenterId: 'p', topic: 'Pricing', proposalId: null, stage: 'advice', stageStartedAt: T0 } } } as unknown as MeetingState;
    const s = normalizeState(old);
    expect(s.hotSeats.hs).toEqual(seat({ stage: 'advice', stageStartedAt: T0 }));
    expect(s.hotSeatProtocol).toEqual(CLASSIC_PROTOCOL);
    const empty = normalizeState({ ...old, hotSeats: { hs: { presenterId: null, topic: '', proposalId: null, stage: null, stageStartedAt: null } } } as unknown as MeetingState);
    expect(empty.hotSeats.hs?.presenters).toEqual([]);
  });
});
