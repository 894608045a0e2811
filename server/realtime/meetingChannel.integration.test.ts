// The live room over real socket.io connections to a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remainingMs } from '../../shared/meeting/timer.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
const sockets: ClientSocket[] = [];

const connect = async (cookie: string) => {
  const s = await connectSocket(srv.url, cookie);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  meetingId = r.body.meeting.id;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

describe('meeting channel', () => {
  it('three clients see every agenda change; a late joiner gets the full state', async () => {
    const coach = await connect(seed.coach.cookie);
    const m1 = await connect(seed.members[0]!.cookie);
    const m2 = await connect(seed.members[1]!.cookie);
    const joinedCoach = await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
    expect(joinedCoach.ok).toBe(true);
    expect(joinedCoach.you).toEqual({ userId: seed.coach.userId, role: 'coach' });
    expect((await emitAck(m1, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
    const presence = nextEvent(coach, 'room:presence', (p) => p.presence.some((e) => e.userId === seed.members[1]!.userId));
    expect((await emitAck(m2, 'room:join', { meetingId, mode: 'remote' })).ok).toBe(true);
    const seen = (await presence).presence.find((e) => e.userId === seed.members[1]!.userId);
    expect(seen?.mode).toBe('remote');

    const all = [coach, m1, m2];
    const expectAll = async (pred: (s: any) => boolean, cmd: any) => {
      const waits = all.map((s) => nextEvent(s, 'meeting:state', (p) => pred(p.state)));
      const ack = await emitAck(coach, 'meeting:command', { meetingId, command: cmd });
      expect(ack).toMatchObject({ ok: true });
      return Promise.all(waits);
    };
    const [started] = await expectAll((s) => s.status === 'live', { type: 'meeting.start' });
    expect(started!.state.currentIndex).toBe(0);
    expect(started!.state.timer?.runningSince).not.toBeNull();
    expect(started!.state.attendance[seed.members[1]!.userId]).toMatchObject({ mode: 'remote', status: 'remote' });
    await expectAll((s) => s.currentIndex === 1, { type: 'agenda.next' });
    await expectAll((s) => s.timer?.runningSince === null, { type: 'timer.pause' });
    const [extended] = await expectAll((s) => s.timer?.durationMs === 65 * 60_000, { type: 'timer.extend', ms: 5 * 60_000 });
    expect(remainingMs(extended!.state.timer!, Date.now())).toBeGreaterThan(60 * 60_000);
    await expectAll((s) => s.agenda.length === 8, { type: 'agenda.add', item: { id: 'hs2', kind: 'hotseat', title: 'Second hot seat', durationMs: 30 * 60_000 }, index: 4 });
    await expectAll((s) => s.agenda[s.currentIndex].id === 'hs2', { type: 'agenda.jump', itemId: 'hs2' });

    const late = await connect(seed.members[2]!.cookie);
    const lateJoin = await emitAck(late, 'room:join', { meetingId, mode: 'room' });
    expect(lateJoin.state.agenda[lateJoin.state.currentIndex].title).toBe('Second hot seat');
    expect(lateJoin.presence.map((p: any) => p.userId)).toEqual(expect.arrayContaining([seed.coach.userId, seed.members[0]!.userId]));
    expect(typeof lateJoin.serverNow).toBe('number');
  });

  it('raise hand reaches the facilitator, who clears it', async () => {
    const coach = sockets[0]!;
    const m1 = sockets[1]!;
    const raised = nextEvent(coach, 'meeting:state', (p) => p.state.hands.some((h) => h.userId === seed.members[0]!.userId));
    expect((await emitAck(m1, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).ok).toBe(true);
    await raised;
    const cleared = nextEvent(m1, 'meeting:state', (p) => p.state.hands.length === 0);
    expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'hand.clear', userId: seed.members[0]!.userId } })).ok).toBe(true);
    await cleared;
  });

  it('a member sending facilitator commands is refused and nothing changes', async () => {
    const m1 = sockets[1]!;
    const before = (await srv.storage.getMeetingState(meetingId))!;
    const r = await emitAck(m1, 'meeting:command', { meetingId, command: { type: 'agenda.next' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_facilitator' } });
    expect((await srv.storage.getMeetingState(meetingId))!.version).toBe(before.version);
  });

  it('hands the facilitator role to a member, who can then drive the room', async () => {
    const coach = sockets[0]!;
    const m1 = sockets[1]!;
    const bad = await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'facilitator.handoff', userId: seed.observer.userId } });
    expect(bad.error.code).toBe('bad_request');
    expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'facilitator.handoff', userId: seed.members[0]!.userId } })).ok).toBe(true);
    expect((await emitAck(m1, 'meeting:command', { meetingId, command: { type: 'agenda.back' } })).ok).toBe(true);
    expect((await emitAck(sockets[2]!, 'meeting:command', { meetingId, command: { type: 'agenda.back' } })).error.code).toBe('not_facilitator');
  });

  it('refuses bad payloads, unknown events and commands for rooms not joined', async () => {
    const m1 = sockets[1]!;
    expect((await emitAck(m1, 'meeting:command', { meetingId, command: { type: 'agenda.explode' } } as any)).error.code).toBe('bad_request');
    expect((await emitAck(m1, 'meeting:command', { meetingId: '../etc', command: { type: 'hand.raise' } } as any)).error.code).toBe('bad_request');
    expect((await emitAck(m1, 'room:join', 'not an object' as any)).error.code).toBe('bad_request');
    const unknownAck = await new Promise<any>((resolve) => (m1 as any).emit('room:destroy', {}, resolve));
    expect(unknownAck.error.code).toBe('unknown_event');
    const pushed = nextEvent(m1, 'peerboard:error');
    (m1 as any).emit('what:ever', 1, 2, 3);
    expect((await pushed).error.code).toBe('unknown_event');
    const other = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    expect((await emitAck(m1, 'meeting:command', { meetingId: other, command: { type: 'hand.raise' } })).error.code).toBe('forbidden');
    expect(m1.connected).toBe(true);
  });

  it('observers follow but cannot act', async () => {
    const obs = await connect(seed.observer.cookie);
    const j = await emitAck(obs, 'room:join', { meetingId, mode: 'remote' });
    expect(j.ok).toBe(true);
    expect(j.you.role).toBe('observer');
    expect((await emitAck(obs, 'meeting:command', { meetingId, command: { type: 'hand.raise' } })).error.code).toBe('forbidden');
  });

  it('refuses a non-member, a missing session and a wrong protocol version', async () => {
    const stranger = await (async () => {
      const { ApiClient } = await import('../testing/harness.ts');
      const c = new ApiClient(srv.url);
      const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma', leadership: 'coach-led', format: 'online' })).body;
      const inv = (await seed.organiser.post(`/api/groups/${other.id}/invites`, { role: 'member' })).body;
      await c.post(`/api/invites/${inv.url.split('/').pop()}/accept`, { name: 'Stan Stranger', email: 'stan@example.com', password: 'correct horse battery', company: 'Stan Co' });
      return c;
    })();
    const s = await connect(stranger.cookie);
    const r = await emitAck(s, 'room:join', { meetingId, mode: 'room' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'agenda.next' } })).error.code).toBe('forbidden');
    await expect(connectSocket(srv.url, '')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    await expect(connectSocket(srv.url, seed.coach.cookie, 99)).rejects.toMatchObject({ data: { code: 'protocol_mismatch' } });
  });

  it('an unexpected failure in a handler: the client gets internal, the log names the socket and its user once', async () => {
    const lines: Record<string, unknown>[] = [];
    const logTo = { write: (line: string) => void lines.push(JSON.parse(line)) };
    const own = await startTestServer(undefined, {}, { logTo });
    try {
      const ownSeed = await seedGroup(own.url);
      const r = await ownSeed.coach.post(`/api/groups/${ownSeed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
      const coach = await connectSocket(own.url, ownSeed.coach.cookie);
      sockets.push(coach);
      expect((await emitAck(coach, 'room:join', { meetingId: r.body.meeting.id, mode: 'room' })).ok).toBe(true);
      const storage = own.storage as unknown as { saveMeetingStates: unknown };
      const real = storage.saveMeetingStates;
      storage.saveMeetingStates = async () => {
        throw new Error('disk on fire');
      };
      const failed = await emitAck(coach, 'meeting:command', { meetingId: r.body.meeting.id, command: { type: 'meeting.start' } });
      storage.saveMeetingStates = real;
      expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side' } });
      // A refusal the domain explains (a bad payload) is no failure: not logged.
      expect((await emitAck(coach, 'meeting:command', { meetingId: r.body.meeting.id, command: { type: 'no.such' } as never })).error.code).toBe('bad_request');
      const failures = lines.filter((l) => l.msg === 'socket handler failed');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ level: 'error', socketId: expect.any(String), userId: ownSeed.coach.userId });
      expect(String(failures[0]!.err)).toContain('disk on fire');
    } finally {
      await own.close();
    }
  });
});
