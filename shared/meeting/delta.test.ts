// A client replaying broadcast commands with the shared reducer reaches exactly the server's
// state (property test over random command sequences), and asks for the full state on a gap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/index.ts';
import type { MeetingCommand } from './commands.ts';
import { broadcastAsDelta, followDelta, type AppliedStep, type MeetingDelta } from './delta.ts';
import { apply, createMeetingState } from './reducer.ts';
import type { MeetingState } from './state.ts';
import { agendaFromTemplate, STANDARD_TEMPLATE } from './templates.ts';
import { viewFor } from './viewFor.ts';

const ACTORS: Actor[] = [
  { userId: 'fac', role: 'member' },
  { userId: 'm2', role: 'member' },
  { userId: 'coach', role: 'coach' },
  { userId: 'org', role: 'organiser' },
  { userId: 'obs', role: 'observer' },
];
const MEMBERS = ['fac', 'm2', 'coach'];
const ITEM_IDS = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 'x1', 'x2'];
const TOPIC_IDS = ['p1', 'p2'];
const MIN = 60_000;

const someone = fc.constantFrom(...MEMBERS, 'obs', 'nobody');
const itemId = fc.constantFrom(...ITEM_IDS);
/** Commands over a small world of ids, so most of them are accepted and change something. */
const command: fc.Arbitrary<MeetingCommand> = fc.oneof(
  fc.constant<MeetingCommand>({ type: 'meeting.start' }),
  fc.constant<MeetingCommand>({ type: 'agenda.next' }),
  fc.constant<MeetingCommand>({ type: 'agenda.back' }),
  itemId.map((id): MeetingCommand => ({ type: 'agenda.jump', itemId: id })),
  fc.record({ id: fc.constantFrom('x1', 'x2'), index: fc.option(fc.nat(8), { nil: undefined }) }).map(
    ({ id, index }): MeetingCommand => ({ type: 'agenda.add', item: { id, kind: 'custom', title: `Added ${id}`, durationMs: 10 * MIN }, index }),
  ),
  itemId.map((id): MeetingCommand => ({ type: 'agenda.remove', itemId: id })),
  fc.tuple(itemId, fc.nat(8)).map(([id, toIndex]): MeetingCommand => ({ type: 'agenda.move', itemId: id, toIndex })),
  fc.tuple(itemId, fc.integer({ min: 5, max: 90 })).map(([id, m]): MeetingCommand => ({ type: 'agenda.update', itemId: id, durationMs: m * MIN })),
  fc.constantFrom<MeetingCommand>({ type: 'timer.start' }, { type: 'timer.pause' }, { type: 'timer.resume' }, { type: 'timer.reset' }),
  fc.integer({ min: 1, max: 10 }).map((m): MeetingCommand => ({ type: 'timer.extend', ms: m * MIN })),
  // Computed from the clock (re-balance): the server's time in the delta makes the replay equal.
  fc.constantFrom<MeetingCommand>({ type: 'agenda.rebalance' }, { type: 'agenda.rebalance.undo' }),
  fc.integer({ min: 1, max: 10 }).map((m): MeetingCommand => ({ type: 'agenda.borrow', ms: m * MIN })),
  someone.map((userId): MeetingCommand => ({ type: 'facilitator.handoff', userId })),
  fc.constantFrom<MeetingCommand>({ type: 'hand.raise' }, { type: 'hand.lower' }, { type: 'speaker.clear' }),
  someone.map((userId): MeetingCommand => ({ type: 'hand.clear', userId })),
  someone.map((userId): MeetingCommand => ({ type: 'hand.call', userId })),
  fc.constantFrom<MeetingCommand>({ type: 'attendance.join', mode: 'room' }, { type: 'attendance.join', mode: 'remote' }),
  fc.tuple(someone, fc.constantFrom('present', 'remote', 'late', 'absent') as fc.Arbitrary<'present' | 'remote' | 'late' | 'absent'>).map(
    ([userId, status]): MeetingCommand => ({ type: 'attendance.set', userId, status }),
  ),
  fc.option(someone, { nil: null }).map((userId): MeetingCommand => ({ type: 'focus.set', userId })),
  fc.tuple(itemId, someone).map(([id, presenterId]): MeetingCommand => ({ type: 'hotseat.setup', itemId: id, presenterId, topic: 'Hiring' })),
  fc.tuple(itemId, fc.constantFrom('presentation', 'questions', 'advice', 'commitments') as fc.Arbitrary<'presentation'>).map(
    ([id, stage]): MeetingCommand => ({ type: 'hotseat.stage', itemId: id, stage }),
  ),
  fc.constantFrom(...TOPIC_IDS).map((id): MeetingCommand => ({ type: 'topic.propose', id, title: `Topic ${id}` })),
  fc.constantFrom(...TOPIC_IDS).map((id): MeetingCommand => ({ type: 'topic.vote', id })),
  fc.constantFrom(...TOPIC_IDS).map((id): MeetingCommand => ({ type: 'topic.withdraw', id })),
  fc.integer({ min: 1, max: 10 }).map((score): MeetingCommand => ({ type: 'rating.submit', score })),
  fc.constant<MeetingCommand>({ type: 'meeting.end' }),
);
const sent = fc.record({ command, actor: fc.constantFrom(...ACTORS), afterMs: fc.integer({ min: 0, max: 15 * MIN }) });

function initial(): MeetingState {
  let n = 0;
  return createMeetingState('m1', agendaFromTemplate(STANDARD_TEMPLATE, () => `t${++n}`), 'fac');
}

/** What the server broadcasts after a command is stored: a delta, or the state for secret actors. */
type Broadcast = { delta: MeetingDelta } | { state: MeetingState };

/** The server's side, as in server/services/room.ts: apply (absentees before the end), broadcast. */
function serve(commands: { command: MeetingCommand; actor: Actor; afterMs: number }[]) {
  let state = initial();
  let now = Date.UTC(2026, 9, 1, 9, 0);
  const broadcasts: Broadcast[] = [];
  const states: MeetingState[] = [];
  for (const { command, actor, afterMs } of commands) {
    now += afterMs;
    const absentees: MeetingCommand[] =
      command.type === 'meeting.end' ? MEMBERS.filter((u) => !state.attendance[u]).map((userId) => ({ type: 'attendance.set', userId, status: 'absent' })) : [];
    const steps: AppliedStep[] = [...absentees, command].map((c) => ({ command: c, actor }));
    let next = state;
    let refused = false;
    for (const s of steps) {
      const r = apply(next, s.command, s.actor, now);
      if (!r.ok) {
        refused = true;
        break;
      }
      next = r.state;
    }
    if (refused) continue; // refused commands are acked with an error and never broadcast
    state = next;
    // Over the wire: JSON, as socket.io sends it.
    broadcasts.push(JSON.parse(JSON.stringify(broadcastAsDelta(steps) ? { delta: { meetingId: 'm1', version: state.version, serverNow: now, steps } } : { state })));
    states.push(state);
  }
  return { broadcasts, states, final: state };
}

/** The client's side: follows deltas, takes states, asks for the server's state on a resync. */
function follow(start: MeetingState, broadcasts: Broadcast[], serverStateAt: (i: number) => MeetingState) {
  let held: MeetingState = start;
  let resyncs = 0;
  broadcasts.forEach((b, i) => {
    if ('state' in b) {
      if (b.state.version > held.version) held = b.state;
      return;
    }
    const r = followDelta(held, b.delta);
    if (r.kind === 'applied') held = r.state;
    else if (r.kind === 'resync') {
      resyncs++;
      held = serverStateAt(i);
    }
  });
  return { held, resyncs };
}

describe('following broadcast commands', () => {
  it('a client replaying every broadcast reaches exactly the server state, never needing a resync', () => {
    fc.assert(
      fc.property(fc.array(sent, { maxLength: 80 }), (commands) => {
        const { broadcasts, states, final } = serve(commands);
        const { held, resyncs } = follow(initial(), broadcasts, (i) => states[i]!);
        expect(resyncs).toBe(0);
        expect(held).toEqual(final);
      }),
      { numRuns: 300 },
    );
  });

  it("each viewer following the broadcasts from its own copy reaches exactly its copy of the server state (anonymous ballots)", () => {
    fc.assert(
      fc.property(fc.array(sent, { maxLength: 80 }), fc.constantFrom(...ACTORS.map((a) => a.userId), null), (commands, viewer) => {
        const { broadcasts, states, final } = serve(commands);
        // The wire as this viewer gets it: deltas as they are, states as the viewer's copy.
        const wire = broadcasts.map((b) => ('state' in b ? { state: viewFor(b.state, viewer) } : b));
        const { held, resyncs } = follow(viewFor(initial(), viewer), wire, (i) => viewFor(states[i]!, viewer));
        expect(resyncs).toBe(0);
        expect(held).toEqual(viewFor(final, viewer));
      }),
      { numRuns: 300 },
    );
  });

  it('a missed broadcast is noticed at the next delta, which asks for the full state, and the client ends equal', () => {
    fc.assert(
      fc.property(fc.array(sent, { minLength: 5, maxLength: 80 }), fc.nat(), (commands, pick) => {
        const { broadcasts, states, final } = serve(commands);
        const deltaAt = broadcasts.map((b, i) => ('delta' in b ? i : -1)).filter((i) => i >= 0);
        // A gap only shows when a later delta arrives; look for a delta that has one after it.
        const droppable = deltaAt.filter((i) => deltaAt.some((j) => j > i) && !broadcasts.slice(i + 1).some((b, k) => 'state' in b && i + 1 + k < Math.min(...deltaAt.filter((j) => j > i))));
        fc.pre(droppable.length > 0);
        const dropped = droppable[pick % droppable.length]!;
        const { held, resyncs } = follow(initial(), broadcasts.filter((_, i) => i !== dropped), (i) => states[i >= dropped ? i + 1 : i]!);
        expect(resyncs).toBeGreaterThan(0);
        expect(held).toEqual(final);
      }),
      { numRuns: 300 },
    );
  });

  it('holding nothing (before the join answer), or a version behind the delta base, means resync; an old delta is stale', () => {
    const s0 = initial();
    const start = apply(s0, { type: 'meeting.start' }, ACTORS[0]!, 1000);
    if (!start.ok) throw new Error('start refused');
    const delta: MeetingDelta = { meetingId: 'm1', version: 2, serverNow: 2000, steps: [{ command: { type: 'agenda.next' }, actor: ACTORS[0]! }] };
    expect(followDelta(null, delta).kind).toBe('resync');
    expect(followDelta(s0, delta).kind).toBe('resync'); // holds 0, delta starts at 1
    expect(followDelta({ ...start.state, meetingId: 'other' }, delta).kind).toBe('resync');
    expect(followDelta(start.state, delta).kind).toBe('applied');
    expect(followDelta({ ...start.state, version: 2 }, delta).kind).toBe('stale');
  });

  it('a replay the reducer refuses (state and delta disagree) asks for the full state instead of guessing', () => {
    const s0 = initial(); // scheduled: agenda.next is refused
    const delta: MeetingDelta = { meetingId: 'm1', version: 1, serverNow: 1000, steps: [{ command: { type: 'agenda.next' }, actor: ACTORS[0]! }] };
    expect(followDelta(s0, delta).kind).toBe('resync');
  });

  it('who rated and who voted is never in a delta: those commands go out as state', () => {
    const actor = ACTORS[1]!;
    expect(broadcastAsDelta([{ command: { type: 'rating.submit', score: 7 }, actor }])).toBe(false);
    expect(broadcastAsDelta([{ command: { type: 'topic.vote', id: 'p1' }, actor }])).toBe(false);
    expect(broadcastAsDelta([{ command: { type: 'hand.raise' }, actor }])).toBe(true);
  });
});
