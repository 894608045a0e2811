// Compare-and-set meeting state: two MeetingRooms over one storage stand in for two nodes.
// A command whose base version was overtaken is applied again to what the other stored, so no
// acknowledged command is lost; after COMMAND_SAVE_ATTEMPTS lost rounds the answer is `conflict`.
// The usual command on a quiet meeting is stored and broadcast within the call (SQLite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../storage/types.ts';
import { seedGroup, startTestServer } from '../testing/harness.ts';
import { COMMAND_SAVE_ATTEMPTS, MeetingRooms } from './room.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

async function newMeeting(): Promise<string> {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  return r.body.meeting.id as string;
}

/** A room whose broadcasts are recorded, as a node's socket.io channel would send them. */
function node(storage: Storage, saveDelayMs = 0) {
  const sent: { version: number }[] = [];
  const rooms = new MeetingRooms(storage, { applied: (delta) => sent.push(delta), state: (_id, state) => sent.push(state) }, { saveDelayMs });
  return { rooms, sent };
}

const item = (id: string) => ({ id, kind: 'custom' as const, title: `Added ${id}`, durationMs: 600_000 });

describe('meeting state compare-and-set', () => {
  it('meeting.end racing agenda.add from another node: both acknowledged, both in the stored state', async () => {
    const meetingId = await newMeeting();
    const a = node(srv.storage, 300); // reads, then waits 300 ms before saving
    const b = node(srv.storage);
    await b.rooms.command(seed.coach.userId, meetingId, { type: 'meeting.start' });

    const ending = a.rooms.command(seed.coach.userId, meetingId, { type: 'meeting.end' });
    await new Promise((r) => setTimeout(r, 50)); // A has read; B stores first
    const added = await b.rooms.command(seed.coach.userId, meetingId, { type: 'agenda.add', item: item('late-topic') });
    const ended = await ending;

    expect(ended.version).toBeGreaterThan(added.version);
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    expect(stored.status).toBe('ended');
    expect(stored.version).toBe(ended.version);
    expect(stored.agenda.map((i) => i.id)).toContain('late-topic');
    // The absentees were computed again on the state that holds B's command.
    expect(Object.values(stored.attendance).filter((e) => e.status === 'absent').length).toBeGreaterThan(0);
    // Each node broadcast exactly what it stored.
    expect(b.sent.at(-1)?.version).toBe(added.version);
    expect(a.sent.map((s) => s.version)).toEqual([ended.version]);
  });

  it('many concurrent commands from two nodes: every acknowledged one is in the final state', async () => {
    const meetingId = await newMeeting();
    const a = node(srv.storage, 5);
    const b = node(srv.storage, 5);
    const ids = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const results = await Promise.allSettled(
      ids.map((id, i) => (i % 2 ? a : b).rooms.command(seed.coach.userId, meetingId, { type: 'agenda.add', item: item(id) })),
    );
    const acked = ids.filter((_, i) => results[i]!.status === 'fulfilled');
    expect(acked).toEqual(ids);
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    for (const id of acked) expect(stored.agenda.map((i) => i.id)).toContain(id);
    const versions = results.map((r) => (r as PromiseFulfilledResult<{ version: number }>).value.version);
    expect(new Set(versions).size).toBe(ids.length); // every command got its own version
  });

  it('answers conflict after COMMAND_SAVE_ATTEMPTS lost rounds, and stores nothing', async () => {
    const meetingId = await newMeeting();
    let saves = 0;
    // A storage whose every compare-and-set loses, as if another node always stored first.
    const losing = new Proxy(srv.storage, {
      get: (target, prop, receiver) =>
        prop === 'saveMeetingStates' ? async (batch: unknown[]) => (saves++, batch.map(() => false)) : Reflect.get(target, prop, receiver),
    });
    const before = await srv.storage.getMeetingState(meetingId);
    const { rooms, sent } = node(losing);
    await expect(rooms.command(seed.coach.userId, meetingId, { type: 'meeting.start' })).rejects.toMatchObject({ code: 'conflict' });
    expect(saves).toBe(COMMAND_SAVE_ATTEMPTS);
    expect(sent).toEqual([]);
    expect(await srv.storage.getMeetingState(meetingId)).toEqual(before);
  });
});

describe('the usual command within the turn it arrived in', () => {
  async function started(storage: Storage = srv.storage) {
    const meetingId = await newMeeting();
    const n = node(storage);
    const rights = await n.rooms.resolveRights(seed.coach.userId, meetingId);
    // A status change writes the meetings row too: always through the group commit.
    const { version } = await n.rooms.command(rights, meetingId, { type: 'meeting.start' });
    return { meetingId, rights, version, ...n };
  }

  it('is stored and broadcast before command() returns', async () => {
    const { meetingId, rights, version, rooms, sent } = await started();
    const next = rooms.command(rights, meetingId, { type: 'agenda.next' });
    // Nothing awaited yet: the write committed and the delta went out within the call.
    expect(sent.map((d) => d.version)).toEqual([version, version + 1]);
    expect(await next).toEqual({ version: version + 1 });
    expect((await srv.storage.getMeetingState(meetingId))!.version).toBe(version + 1);
  });

  it('waits its turn while the storage connection is taken, and later commands queue behind it in order', async () => {
    const { meetingId, rights, version, rooms, sent } = await started();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    const other = srv.storage.transaction(async () => {
      opened();
      await held;
    });
    await isOpen;
    const first = rooms.command(rights, meetingId, { type: 'agenda.next' });
    const second = rooms.command(rights, meetingId, { type: 'timer.pause' });
    expect(sent.map((d) => d.version)).toEqual([version]);
    release();
    await other;
    expect(await first).toEqual({ version: version + 1 });
    expect(await second).toEqual({ version: version + 2 });
    expect(sent.map((d) => d.version)).toEqual([version, version + 1, version + 2]);
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    expect(stored.version).toBe(version + 2);
    expect(stored.timer?.runningSince).toBeNull();
  });

  it('a write that fails within the turn: rejected, nothing broadcast, the stored state and the copy unchanged', async () => {
    let failing = false;
    const faulty = new Proxy(srv.storage, {
      get: (target, prop, receiver) =>
        prop === 'saveMeetingStatesNow' && failing
          ? () => {
              throw new Error('disk on fire');
            }
          : Reflect.get(target, prop, receiver),
    });
    const { meetingId, rights, version, rooms, sent } = await started(faulty);
    failing = true;
    await expect(rooms.command(rights, meetingId, { type: 'agenda.next' })).rejects.toThrow('disk on fire');
    failing = false;
    expect(sent.map((d) => d.version)).toEqual([version]);
    expect((await srv.storage.getMeetingState(meetingId))!.version).toBe(version);
    // The next command applies to the stored state, not to the one that failed.
    expect(await rooms.command(rights, meetingId, { type: 'agenda.next' })).toEqual({ version: version + 1 });
    expect((await srv.storage.getMeetingState(meetingId))!.currentIndex).toBe(1);
  });
});
