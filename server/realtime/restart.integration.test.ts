// Kill -9 the server in the middle of a meeting, start it again on the same data:
// the room resumes on the same item, with the timer where it should be.
import { afterAll, describe, expect, it } from 'vitest';
import { remainingMs } from '../../shared/meeting/timer.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { freePort, startChildServer, type ChildServer } from '../testing/childServer.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, tempDataDir, type ClientSocket } from '../testing/harness.ts';

let server: ChildServer | null = null;
const sockets: ClientSocket[] = [];
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop();
});

describe('server restart mid-meeting', () => {
  it('resumes exactly where the room was, timers included', async () => {
    const port = await freePort();
    const dataDir = tempDataDir();
    server = await startChildServer(port, dataDir);
    const seed = await seedGroup(server.url);
    const meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;

    // Clients re-join on every (re)connect, as the real client does, and keep the latest state.
    const latest = new Map<ClientSocket, MeetingState>();
    const client = async (cookie: string, mode: 'room' | 'remote') => {
      const s = await connectSocket(server!.url, cookie);
      sockets.push(s);
      const join = async () => {
        const r = await emitAck(s, 'room:join', { meetingId, mode });
        if (r.ok) latest.set(s, r.state);
      };
      s.on('connect', () => void join());
      s.on('disconnect', () => latest.delete(s)); // only a fresh join after reconnecting counts
      s.on('meeting:state', (p) => latest.set(s, p.state));
      await join();
      return s;
    };
    const coach = await client(seed.coach.cookie, 'room');
    const member = await client(seed.members[0]!.cookie, 'remote');
    const command = (c: any) => emitAck(coach, 'meeting:command', { meetingId, command: c });
    expect((await command({ type: 'meeting.start' })).ok).toBe(true);
    expect((await command({ type: 'agenda.next' })).ok).toBe(true);
    expect((await command({ type: 'agenda.next' })).ok).toBe(true);
    const seen = await nextEvent(member, 'meeting:state', (p) => p.state.currentIndex === 2).catch(() => null);
    const before = seen?.state ?? latest.get(member)!;
    expect(before.currentIndex).toBe(2);
    const remainingBefore = remainingMs(before.timer!, Date.now());

    const code = await server.stop('SIGKILL');
    expect(code).toBeNull(); // killed by the signal, no clean shutdown
    // Both clients saw the server go before the new one starts (so they truly reconnect).
    await Promise.all([coach, member].map((s) => (s.connected ? new Promise((r) => s.once('disconnect', r)) : undefined)));
    server = await startChildServer(port, dataDir);

    // Both clients reconnect by themselves and get the stored state back.
    const resumed = await Promise.all(
      [coach, member].map(async (s) => {
        if (!s.connected) await new Promise<void>((r) => s.once('connect', () => r()));
        for (let i = 0; i < 50 && latest.get(s)?.version !== before.version; i++) await new Promise((r) => setTimeout(r, 100));
        return latest.get(s)!;
      }),
    );
    for (const st of resumed) {
      expect(st.version).toBe(before.version);
      expect(st.currentIndex).toBe(2);
      expect(st.agenda[2]!.kind).toBe('goals');
      expect(st.timer).toEqual(before.timer);
      // The timer kept running through the restart: less time remains now, never a reset.
      const remainingNow = remainingMs(st.timer!, Date.now());
      expect(remainingNow).toBeLessThan(remainingBefore);
      expect(remainingBefore - remainingNow).toBeLessThan(30_000);
    }
    // And the room carries on.
    const moved = nextEvent(member, 'meeting:state', (p) => p.state.currentIndex === 3);
    expect((await command({ type: 'agenda.next' })).ok).toBe(true);
    expect((await moved).state.agenda[3]!.kind).toBe('hotseat');
  });
});
