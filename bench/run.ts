// `npm run bench`: broadcast latency of a facilitator's command to a full room (12 members,
// a coach and a projector) in Peerboard, beside a bare socket.io relay, in the same run.
// Reports both and the ratio. Bounded: fixed command count, loopback only.
import { io as ioClient, type Socket } from 'socket.io-client';
import { LIMITS, PROTOCOL_VERSION } from '../shared/limits.ts';
import { ApiClient, emitAck, startTestServer } from '../server/testing/harness.ts';
import { memberSocket } from './memberSocket.ts';
import { startBareRelay } from './baseline.ts';
import { ms, summarize } from './stats.ts';

const ROOM_SIZE = 14; // 12 members + coach + projector
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 300);
/** Peerboard caps a socket at LIMITS.commandsPerSecond; both sides are paced below it alike. */
const PACE_MS = Math.ceil(1000 / LIMITS.commandsPerSecond) + 10;
const pace = (t0: number) => new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (performance.now() - t0))));

async function benchPeerboard(): Promise<number[]> {
  const srv = await startTestServer();
  try {
    const org = new ApiClient(srv.url);
    const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
    const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
    const meetingId = (await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    const sockets = [];
    for (let i = 0; i < ROOM_SIZE; i++) {
      const s = await memberSocket(srv.url, org.cookie);
      await emitAck(s, 'room:join', { meetingId, mode: 'remote', projector: i > 0 });
      sockets.push(s);
    }
    const driver = sockets[0]!;
    await emitAck(driver, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
    const samples: number[] = [];
    for (let i = 0; i < COMMANDS; i++) {
      const t0 = performance.now();
      const received = Promise.all(sockets.map((s) => new Promise<void>((r) => s.once('meeting:applied', () => r()))));
      const type = i % 2 === 0 ? 'timer.pause' : 'timer.resume';
      const ack = await emitAck(driver, 'meeting:command', { meetingId, command: { type } });
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      await received;
      samples.push(performance.now() - t0);
      await pace(t0);
    }
    sockets.forEach((s) => s.close());
    return samples;
  } finally {
    await srv.close();
  }
}

async function benchBare(): Promise<number[]> {
  const relay = await startBareRelay();
  try {
    const sockets: Socket[] = [];
    for (let i = 0; i < ROOM_SIZE; i++) {
      const s = ioClient(relay.url, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
      await new Promise<void>((r) => s.once('connect', () => r()));
      await new Promise<void>((r) => s.emit('join', 'room', () => r()));
      sockets.push(s);
    }
    const body = { version: 1, payload: 'x'.repeat(1500) }; // about the size of a meeting state
    const samples: number[] = [];
    for (let i = 0; i < COMMANDS; i++) {
      const t0 = performance.now();
      const received = Promise.all(sockets.map((s) => new Promise<void>((r) => s.once('state', () => r()))));
      await new Promise((r) => sockets[0]!.emit('cmd', { room: 'room', body }, r));
      await received;
      samples.push(performance.now() - t0);
      await pace(t0);
    }
    sockets.forEach((s) => s.close());
    return samples;
  } finally {
    await relay.close();
  }
}

const bare = summarize(await benchBare());
const pb = summarize(await benchPeerboard());
const rssMb = process.memoryUsage().rss / 2 ** 20;
console.log(`Command -> state on all ${ROOM_SIZE} clients, ${COMMANDS} commands (loopback, one process)`);
console.log(`  bare socket.io relay : p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}  mean ${ms(bare.mean)}`);
console.log(`  peerboard room       : p50 ${ms(pb.p50)}  p95 ${ms(pb.p95)}  mean ${ms(pb.mean)}`);
console.log(`  ratio peerboard/bare : p50 ${(pb.p50 / bare.p50).toFixed(2)}x  p95 ${(pb.p95 / bare.p95).toFixed(2)}x`);
console.log(`  process RSS after run: ${rssMb.toFixed(0)} MiB`);
process.exit(0);
