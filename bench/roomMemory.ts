// `npm run bench:memory`: what a connected room holds in a server, Peerboard beside the bare
// stack it replaces, each in its own process: a room is MEMBERS meeting sockets (socket.io,
// the meeting started and a few commands run) and one notes doc with DOC_MEMBERS connections
// (y-websocket protocol, one member typed a line). Peerboard's compiled server holds both;
// the baseline is a bare socket.io relay (bench/bareRelay.mjs) plus the stock y-websocket
// server (bench/stockYjsServer.mjs), and its figure per room is the sum of the two.
// Two measures per side, at rest (after connecting, no load), over ROOMS rooms and ROOMS more:
// - live heap per room: full-GC heap snapshots before and after connecting ROOMS rooms (exact:
//   no young generation, garbage or allocator slack; compiled code left out, it grows with the
//   traffic once, not per room);
// - RSS per room: the same rooms in a second process of each server that takes no snapshot
//   (a snapshot leaves the allocator holding memory that would hide the rooms' RSS).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { notesDocName } from '../shared/collab/docNames.ts';
import type { MeetingCommand } from '../shared/meeting/commands.ts';
import { PROTOCOL_VERSION } from '../shared/limits.ts';
import { freePort } from '../server/testing/childServer.ts';
import { ApiClient, emitAck } from '../server/testing/harness.ts';
import { heapSnapshotFlags, heapSnapshotKb } from './heapSnapshot.ts';
import { memberSocket } from './memberSocket.ts';
import { reader, typist } from './notesClients.ts';
import { PEERBOARD_NODE_OPTIONS, rssMb, spawnServer, stopServer } from './proc.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 100);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10);
const DOC_MEMBERS = Number(process.env.BENCH_DOC_MEMBERS ?? 5);
/** Commands run in each room once it is started (the timer extended): its state is live, not fresh. */
const COMMANDS = 6;
/** BENCH_HEAP_BY_KIND=N: also prints the N kinds of object whose live heap grew most per room, per side. */
const BY_KIND = Number(process.env.BENCH_HEAP_BY_KIND ?? 0);
/** Keystrokes the typist sends into each doc, so each server holds a doc with content. */
const KEYS = 40;
/** Connections closed at the end; a run holds ROOMS x (MEMBERS + DOC_MEMBERS) at once. */
const open: { close(): void }[] = [];

interface Server {
  /** This measure now, KB. */
  measure(): Promise<number>;
  /** Live heap by kind of object at the last measure (heap only; empty for RSS), bytes. */
  kinds(): Map<string, number>;
  connectRoom(i: number): Promise<void>;
  stop(): Promise<void>;
}

type Measure = 'heap' | 'rss';

async function typeInto(url: string, headers: Record<string, string>): Promise<void> {
  const t = await typist(url, headers);
  for (let k = 0; k < KEYS; k++) t.type();
  const readers = await Promise.all(Array.from({ length: DOC_MEMBERS - 1 }, () => reader(url, headers)));
  open.push(t, ...readers);
}

async function spawnMeasured(args: string[], env: Record<string, string>, readyUrl: string, m: Measure) {
  let kinds = new Map<string, number>();
  if (m === 'rss') {
    const proc = await spawnServer(args, env, readyUrl);
    return { proc, kinds: () => kinds, read: async () => rssMb(proc.pid!) * 1024 };
  }
  const heap = heapSnapshotFlags();
  const proc = await spawnServer([...heap.flags, ...args], env, readyUrl);
  const read = async () => {
    const summary = await heapSnapshotKb(proc, heap.dir, readyUrl);
    kinds = summary.byKind;
    return summary.objectsKb;
  };
  return { proc, kinds: () => kinds, read };
}

async function peerboard(m: Measure): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-bench-mem-'));
  const { proc, read, kinds } = await spawnMeasured([...PEERBOARD_NODE_OPTIONS, 'dist/server/main.js'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error' }, `${base}/api/health`, m);
  const org = new ApiClient(base);
  const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
  const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
  const headers = { Cookie: org.cookie, Origin: base };
  return {
    measure: read,
    kinds,
    async connectRoom() {
      const created = (await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body;
      const meetingId: string = created.meeting.id;
      const sockets: Socket[] = [];
      for (let i = 0; i < MEMBERS; i++) {
        const s = (await memberSocket(base, org.cookie)) as unknown as Socket;
        const joined = await emitAck(s as never, 'room:join', { meetingId, mode: 'remote', projector: i > 0 });
        if (!joined.ok) throw new Error(JSON.stringify(joined.error));
        sockets.push(s);
      }
      open.push(...sockets);
      const command = async (command: MeetingCommand) => {
        const ack = await emitAck(sockets[0] as never, 'meeting:command', { meetingId, command });
        if (!ack.ok) throw new Error(JSON.stringify(ack.error));
      };
      await command({ type: 'meeting.start' });
      for (let c = 0; c < COMMANDS; c++) await command({ type: 'timer.extend', ms: 60_000 });
      const doc = notesDocName(meetingId, created.state.agenda[0].id);
      await typeInto(`${base.replace('http', 'ws')}/collab/${encodeURIComponent(doc)}`, headers);
    },
    stop: () => stopServer(proc),
  };
}

/** The bare stack: a socket.io relay and the stock y-websocket server, two processes. */
async function bareStack(m: Measure): Promise<Server> {
  const [relayPort, yPort] = [await freePort(), await freePort()];
  const relayUrl = `http://127.0.0.1:${relayPort}`;
  const relay = await spawnMeasured(['bench/bareRelay.mjs'], { PORT: String(relayPort) }, relayUrl, m);
  const yws = await spawnMeasured(['bench/stockYjsServer.mjs'], { PORT: String(yPort) }, `http://127.0.0.1:${yPort}`, m);
  return {
    measure: async () => (await relay.read()) + (await yws.read()),
    kinds: () => {
      const sum = new Map(relay.kinds());
      for (const [kind, bytes] of yws.kinds()) sum.set(kind, (sum.get(kind) ?? 0) + bytes);
      return sum;
    },
    async connectRoom(i) {
      const room = `room-${i}`;
      for (let k = 0; k < MEMBERS; k++) {
        const s = ioClient(relayUrl, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION }, forceNew: true });
        await new Promise<void>((r) => s.once('connect', () => r()));
        await new Promise<void>((r) => s.emit('join', room, () => r()));
        open.push(s);
        // The relay's room sees the same number of commands' broadcasts as Peerboard's.
        if (k === MEMBERS - 1) for (let c = 0; c <= COMMANDS; c++) await new Promise<void>((r) => s.emit('cmd', { room, body: { version: c } }, () => r()));
      }
      await typeInto(`ws://127.0.0.1:${yPort}/doc-${i}`, {});
    },
    stop: async () => {
      await stopServer(relay.proc);
      await stopServer(yws.proc);
    },
  };
}

/**
 * Per room: over the first ROOMS rooms, and over ROOMS more. The second figure is the marginal
 * cost; the first also holds what a process grows into once (the young generation's pages
 * touched, allocator arenas), spread over the rooms.
 */
async function perRoomKb(start: (m: Measure) => Promise<Server>, m: Measure, side: string): Promise<[number, number]> {
  const server = await start(m);
  try {
    return await measureRooms(server, side);
  } finally {
    open.splice(0).forEach((c) => c.close());
    await server.stop();
  }
}

async function measureRooms(server: Server, side: string): Promise<[number, number]> {
  // One room first, closed again, so first-use work (modules loaded, caches made) is not per room.
  await server.connectRoom(-1);
  open.splice(0).forEach((c) => c.close());
  await new Promise((r) => setTimeout(r, 500));
  const at = [await server.measure()];
  const kindsAtStart = server.kinds();
  for (let step = 0; step < 2; step++) {
    for (let i = step * ROOMS; i < (step + 1) * ROOMS; i++) await server.connectRoom(i);
    await new Promise((r) => setTimeout(r, 1000)); // the last frames land
    at.push(await server.measure());
  }
  if (BY_KIND > 0 && kindsAtStart.size > 0) printKinds(side, kindsAtStart, server.kinds(), 2 * ROOMS);
  return [(at[1]! - at[0]!) / ROOMS, (at[2]! - at[1]!) / ROOMS];
}

/** The kinds of object that grew most between two snapshots, per room. */
function printKinds(side: string, before: Map<string, number>, after: Map<string, number>, rooms: number): void {
  const growth = [...after].map(([kind, bytes]) => [kind, (bytes - (before.get(kind) ?? 0)) / rooms] as const);
  const top = growth.sort((a, b) => b[1] - a[1]).slice(0, BY_KIND);
  console.log(`${side}: live heap growth per room by kind of object (top ${BY_KIND})`);
  for (const [kind, bytes] of top) console.log(`  ${(bytes / 1024).toFixed(2).padStart(7)} KB  ${kind.slice(0, 100)}`);
}

const fmt = (x: number) => x.toFixed(0);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
console.log(`Memory per connected room, each ${MEMBERS} meeting sockets and one notes doc with ${DOC_MEMBERS} connections (${KEYS} keystrokes typed); at rest, loopback`);
console.log(`measure | bare socket.io + y-websocket, rooms 1-${ROOMS} / ${ROOMS + 1}-${2 * ROOMS} | peerboard, the same | ratio`);
for (const m of ['heap', 'rss'] as const) {
  const [bare1, bare2] = await perRoomKb(bareStack, m, 'bare stack');
  const [pb1, pb2] = await perRoomKb(peerboard, m, 'peerboard');
  const what = m === 'heap' ? 'live heap (full-GC snapshots, code left out)' : 'RSS (processes that take no snapshot)';
  console.log(`${what} | ${fmt(bare1)} / ${fmt(bare2)} KB | ${fmt(pb1)} / ${fmt(pb2)} KB | ${ratio(pb1, bare1)} / ${ratio(pb2, bare2)}`);
}
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
process.exit(0);
