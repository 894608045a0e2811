// The wire contract of small messages (docs/API.md "Server events"): a stored command goes out
// as `meeting:applied` {meetingId, version, serverNow, steps}; who rated or voted goes out as
// state only; `meeting:sync` answers the full state to a joined socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followDelta, type MeetingDelta } from '../../shared/meeting/delta.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

async function room() {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  const meetingId: string = r.body.meeting.id;
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  const member = await connectSocket(srv.url, seed.members[0]!.cookie);
  sockets.push(coach, member);
  expect((await emitAck(coach, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  const joined = await emitAck(member, 'room:join', { meetingId, mode: 'room' });
  expect(joined.ok).toBe(true);
  return { meetingId, coach, member, joinedState: joined.state as MeetingState };
}

/** Every meeting event a socket receives, in arrival order. */
function record(socket: ClientSocket) {
  const events: { event: string; payload: any; bytes: number }[] = [];
  socket.on('meeting:applied', (payload) => events.push({ event: 'meeting:applied', payload, bytes: JSON.stringify(payload).length }));
  socket.on('meeting:state', (payload) => events.push({ event: 'meeting:state', payload, bytes: JSON.stringify(payload).length }));
  return events;
}

describe('small messages', () => {
  it('a command reaches the others as the command, the version and the server time; replaying it gives the stored state', async () => {
    const { meetingId, coach, member, joinedState } = await room();
    let held = joinedState;
    const deltas: MeetingDelta[] = [];
    member.on('meeting:applied', (d) => deltas.push(d));
    for (const command of [{ type: 'meeting.start' }, { type: 'agenda.next' }, { type: 'timer.pause' }] as const) {
      const arrived = nextEvent(member, 'meeting:applied', (d) => d.steps.at(-1)!.command.type === command.type);
      const ack = await emitAck(coach, 'meeting:command', { meetingId, command });
      expect(ack.ok).toBe(true);
      const delta = await arrived;
      expect(delta).toMatchObject({ meetingId, version: ack.version, steps: [{ command, actor: { userId: seed.coach.userId, role: 'coach' } }] });
      expect(typeof delta.serverNow).toBe('number');
      expect(JSON.stringify(delta).length).toBeLessThan(200);
      const followed = followDelta(held, delta);
      if (followed.kind !== 'applied') throw new Error(`could not follow: ${followed.kind}`);
      held = followed.state;
    }
    expect(held).toEqual(await srv.storage.getMeetingState(meetingId));
    // The full state is several times larger than any delta: that is the point.
    expect(JSON.stringify(held).length).toBeGreaterThan(4 * Math.max(...deltas.map((d) => JSON.stringify(d).length)));
  });

  it('meeting.end goes out as one delta: the absentees it records, then the end', async () => {
    const { meetingId, coach, member, joinedState } = await room();
    const started = nextEvent(member, 'meeting:applied', (d) => d.steps[0]!.command.type === 'meeting.start');
    await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
    const afterStart = followDelta(joinedState, await started);
    if (afterStart.kind !== 'applied') throw new Error('start not followed');
    const ended = nextEvent(member, 'meeting:applied', (d) => d.steps.at(-1)!.command.type === 'meeting.end');
    const ack = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
    const delta = await ended;
    expect(delta.steps.slice(0, -1).every((s) => s.command.type === 'attendance.set')).toBe(true);
    expect(delta.steps.length).toBeGreaterThan(1); // two members and the observer never joined
    expect(delta.version).toBe(ack.version);
    const followed = followDelta(afterStart.state, delta);
    expect(followed).toEqual({ kind: 'applied', state: await srv.storage.getMeetingState(meetingId) });
  });

  it('a rating and a topic vote never go out as a delta naming who sent them: the others get the state', async () => {
    const { meetingId, coach, member } = await room();
    await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
    await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'topic.propose', id: 'tp1', title: 'Pricing' } });
    const seen = record(coach);
    expect((await emitAck(member, 'meeting:command', { meetingId, command: { type: 'rating.submit', score: 8 } })).ok).toBe(true);
    expect((await emitAck(member, 'meeting:command', { meetingId, command: { type: 'topic.vote', id: 'tp1' } })).ok).toBe(true);
    // A marker after them: once it arrives, everything before it has arrived too.
    const marker = nextEvent(coach, 'meeting:applied', (d) => d.steps[0]!.command.type === 'agenda.next');
    await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'agenda.next' } });
    await marker;
    const deltaTypes = seen.filter((e) => e.event === 'meeting:applied').flatMap((e) => (e.payload as MeetingDelta).steps.map((s) => s.command.type));
    expect(deltaTypes).toEqual(['agenda.next']);
    // The vote reached the coach as state (before the marker): the count, not the voter (viewFor.ts).
    expect(seen.some((e) => e.event === 'meeting:state' && e.payload.state.topics[0]?.voteCount === 1 && e.payload.state.topics[0]?.votes.length === 0)).toBe(true);
  });

  it('meeting:sync answers the full state to a joined socket, and forbidden to one that has not joined', async () => {
    const { meetingId, member } = await room();
    const synced = await emitAck(member, 'meeting:sync', { meetingId });
    expect(synced).toMatchObject({ ok: true, state: await srv.storage.getMeetingState(meetingId) });
    expect(typeof synced.serverNow).toBe('number');
    const outsider = await connectSocket(srv.url, seed.members[1]!.cookie);
    sockets.push(outsider);
    expect((await emitAck(outsider, 'meeting:sync', { meetingId })).error.code).toBe('forbidden');
    expect((await emitAck(outsider, 'meeting:sync', { meetingId: '../x' })).error.code).toBe('bad_request');
  });
});
