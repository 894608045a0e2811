// The command path: rights resolved at join and kept with the connection, the state kept in
// memory (no storage read per command), and a command acknowledged and broadcast only after
// its write committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDelta } from '../../shared/meeting/delta.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import type { MeetingStateSave, Storage } from '../storage/types.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, tempDataDir, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const dataDir = tempDataDir();
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  srv = await startTestServer(dataDir);
  seed = await seedGroup(srv.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

async function liveRoom() {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  const meetingId: string = r.body.meeting.id;
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  const member = await connectSocket(srv.url, seed.members[0]!.cookie);
  sockets.push(coach, member);
  expect((await emitAck(coach, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  expect((await emitAck(member, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
  return { meetingId, coach, member };
}

/** Replaces storage methods on the running server's storage; returns the undo. */
function patch(storage: Storage, methods: Partial<Record<keyof Storage, (...args: any[]) => unknown>>): () => void {
  const target = storage as unknown as Record<string, unknown>;
  const saved = Object.keys(methods).map((k) => [k, target[k]] as const);
  Object.assign(target, methods);
  return () => saved.forEach(([k, v]) => (target[k] = v));
}

describe('command path', () => {
  it('commands read nothing from storage: rights come with the connection, the state from memory', async () => {
    const { meetingId, coach, member } = await liveRoom();
    const reads: string[] = [];
    const count = (name: keyof Storage) => {
      const real = (srv.storage[name] as (...a: unknown[]) => unknown).bind(srv.storage);
      return (...a: unknown[]) => (reads.push(name), real(...a));
    };
    const undo = patch(srv.storage, {
      getMeetingState: count('getMeetingState'),
      getMeeting: count('getMeeting'),
      getGroup: count('getGroup'),
      getMembership: count('getMembership'),
      isOrganiser: count('isOrganiser'),
      listMembers: count('listMembers'),
    });
    try {
      for (const command of [{ type: 'agenda.next' }, { type: 'timer.pause' }, { type: 'timer.resume' }] as const) {
        expect((await emitAck(coach, 'meeting:command', { meetingId, command })).ok).toBe(true);
      }
      expect((await emitAck(member, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).ok).toBe(true);
    } finally {
      undo();
    }
    expect(reads).toEqual([]);
    expect((await srv.storage.getMeetingState(meetingId))!.hands.map((h) => h.userId)).toEqual([seed.members[0]!.userId]);
  });

  it('the usual command is written at once; the end, and any command while storage cannot, through the group commit', async () => {
    const { meetingId, coach } = await liveRoom();
    const writes: string[] = [];
    let declining = false;
    const saveNow = srv.storage.saveMeetingStatesNow!.bind(srv.storage);
    const save = srv.storage.saveMeetingStates.bind(srv.storage);
    const undo = patch(srv.storage, {
      saveMeetingStatesNow: (saves: MeetingStateSave[]) => {
        const result = declining ? null : saveNow(saves);
        if (result !== null) writes.push('at once');
        return result;
      },
      saveMeetingStates: (saves: MeetingStateSave[]) => (writes.push('group commit'), save(saves)),
    });
    const send = (command: MeetingCommand) => emitAck(coach, 'meeting:command', { meetingId, command });
    try {
      expect((await send({ type: 'agenda.next' })).ok).toBe(true);
      // A storage that declines every write at once (as when its connection is taken): acknowledged all the same.
      declining = true;
      const paused = await send({ type: 'timer.pause' });
      expect(paused.ok).toBe(true);
      expect((await send({ type: 'agenda.next' })).version).toBe(paused.version + 1);
      declining = false;
      // The end reads the members first (absentees): never at once.
      expect((await send({ type: 'meeting.end' })).ok).toBe(true);
    } finally {
      undo();
    }
    expect(writes).toEqual(['at once', 'group commit', 'group commit', 'group commit']);
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    expect([stored.status, stored.currentIndex]).toEqual(['ended', 2]);
  });

  it('a state another writer stored meanwhile is picked up: the command applies to it, nothing is lost', async () => {
    const { meetingId, coach } = await liveRoom();
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    // Another node moves the room on (stored directly, this node's copy is now behind).
    const moved = { ...stored, version: stored.version + 1, currentIndex: 3 };
    expect(await srv.storage.saveMeetingState(meetingId, moved, stored.version)).toBe(true);
    const ack = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'agenda.next' } });
    expect(ack).toMatchObject({ ok: true, version: stored.version + 2 });
    expect((await srv.storage.getMeetingState(meetingId))!.currentIndex).toBe(4);
  });

  it('rights kept with the connection follow a rights change: made observer, then removed', async () => {
    const { meetingId } = await liveRoom();
    const changing = seed.members[2]!;
    const socket = await connectSocket(srv.url, changing.cookie);
    sockets.push(socket);
    expect((await emitAck(socket, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).ok).toBe(true);

    // Made an observer: the kept rights are replaced, so the next command is judged as an observer's.
    const demoted = nextEvent(socket, 'access:changed', (c) => c.you?.role === 'observer');
    expect((await seed.organiser.patch(`/api/groups/${seed.group.id}/members/${changing.userId}`, { role: 'observer' })).status).toBeLessThan(300);
    await demoted;
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'hand.lower' } })).error.code).toBe('forbidden');
    expect((await emitAck(socket, 'meeting:sync', { meetingId })).ok).toBe(true); // still follows

    // Removed: the kept rights are dropped with the room.
    const removed = nextEvent(socket, 'access:changed', (c) => c.you === null);
    expect((await seed.organiser.del(`/api/groups/${seed.group.id}/members/${changing.userId}`)).status).toBeLessThan(300);
    await removed;
    expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type: 'attendance.join', mode: 'room' } })).error.code).toBe('forbidden');
    expect((await emitAck(socket, 'meeting:sync', { meetingId })).error.code).toBe('forbidden');
  });

  // Last: it restarts the server (on a new port).
  it('a storage fault after the reducer: an error ack, no broadcast, and the state unchanged, also after a restart', async () => {
    const { meetingId, coach, member } = await liveRoom();
    const before = (await srv.storage.getMeetingState(meetingId))!;
    const heard: MeetingDelta[] = [];
    member.on('meeting:applied', (d) => d.version > before.version && heard.push(d));

    // The write fails within the turn the command arrived in (SQLite's usual path)...
    let undo = patch(srv.storage, { saveMeetingStatesNow: () => { throw new Error('disk on fire'); } });
    const failedNow = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'agenda.next' } });
    undo();
    expect(failedNow).toMatchObject({ ok: false, error: { code: 'internal' } });
    // ...or in the group commit, when storage cannot write at once.
    undo = patch(srv.storage, { saveMeetingStatesNow: () => null, saveMeetingStates: async () => { throw new Error('disk on fire'); } });
    const failed = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'agenda.next' } });
    undo();
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });

    // A marker after it: once the marker's delta arrives, anything sent before it has arrived.
    const marker = nextEvent(member, 'meeting:applied', (d) => d.steps[0]!.command.type === 'timer.pause');
    const paused = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'timer.pause' } });
    expect(paused).toMatchObject({ ok: true, version: before.version + 1 });
    await marker;
    expect(heard.map((d) => d.steps.map((s) => s.command.type))).toEqual([['timer.pause']]);
    expect(heard[0]!.version).toBe(before.version + 1);

    await srv.close();
    srv = await startTestServer(dataDir);
    const after = (await srv.storage.getMeetingState(meetingId))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.currentIndex).toBe(before.currentIndex); // agenda.next never happened
    expect(after.timer?.runningSince).toBeNull(); // the marker did
  });
});
