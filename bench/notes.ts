// `npm run bench:notes`: notes at load. DOCS notes docs with MEMBERS members each (one typing
// KEYS_PER_S keystrokes a second, the others reading), on three servers, each in its own process,
// all running and connected throughout one run and driven in turn: a bare ws relay (bench/bareYjsRelay.mjs: no auth, no storage,
// no Yjs), the stock y-websocket server (bench/stockYjsServer.mjs: a Y.Doc per doc, no auth, no
// storage) and Peerboard's compiled server (auth, store-before-relay in SQLite, server-side
// Y.Doc): keystroke -> each other member (p50, p99), server CPU by thread, RSS. Bounded: WARMUP_SECONDS + ROUNDS x SECONDS per side.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notesDocName } from '../shared/collab/docNames.ts';
import { freePort } from '../server/testing/childServer.ts';
import { ApiClient } from '../server/testing/harness.ts';
import { reader, typist, type Reader, type Typist } from './notesClients.ts';
import { addGc, addSched, gcCountOf, gcLine, type GcCount, mainThreadSched, type MainThreadSched, noGc, noSched, PEERBOARD_NODE_OPTIONS, PIN_CORES, pinDriver, rssMb, schedBetween, spawnServer, stopServer, threadCoresOver } from './proc.ts';
import { summarize } from './stats.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 200);
const MEMBERS = Number(process.env.BENCH_DOC_MEMBERS ?? 5);
const KEYS_PER_S = Number(process.env.BENCH_KEYS_PER_S ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Drives of each side (BENCH_ROUNDS), the order turning each round; samples pooled. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** Each side is first driven this long, unmeasured (BENCH_WARMUP_SECONDS, 0 for none). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);

interface Side {
  name: string;
  pid: number;
  startRss: number;
  /**
   * RSS once the docs can be joined, before any is connected: Peerboard's setup (an account, a
   * group, the meetings whose agenda items are the docs) runs after its start figure, and its
   * warm-up (first requests compiled, heap grown) belongs to no doc. The bare relay needs no setup.
   */
  readyRss: number;
  /** The WebSocket URL and headers of each doc. */
  docs: { url: string; headers: Record<string, string> }[];
  /** Its collections so far (BENCH_TRACE_GC=1), else null. */
  gc(): GcCount | null;
  close(): Promise<void>;
}

async function peerboardSide(): Promise<Side> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-bench-notes-'));
  const proc = await spawnServer([...PEERBOARD_NODE_OPTIONS, 'dist/server/main.js'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error' }, `${base}/api/health`);
  const startRss = rssMb(proc.pid!);
  const org = new ApiClient(base);
  const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
  const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
  const names: string[] = [];
  while (names.length < DOCS) {
    const m = (await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body;
    for (const item of m.state.agenda) if (names.length < DOCS) names.push(notesDocName(m.meeting.id, item.id));
  }
  const headers = { Cookie: org.cookie, Origin: base };
  const ws = base.replace('http', 'ws');
  return { name: 'peerboard', pid: proc.pid!, startRss, readyRss: rssMb(proc.pid!), docs: names.map((n) => ({ url: `${ws}/collab/${encodeURIComponent(n)}`, headers })), gc: () => gcCountOf(proc), close: () => stopServer(proc) };
}

/** A baseline server from bench/ (no auth, no storage): every doc is a path of its own. */
async function baselineSide(name: string, script: string): Promise<Side> {
  const port = await freePort();
  const proc = await spawnServer([script], { PORT: String(port) }, `http://127.0.0.1:${port}`);
  const docs = Array.from({ length: DOCS }, (_, i) => ({ url: `ws://127.0.0.1:${port}/doc-${i}`, headers: {} }));
  const startRss = rssMb(proc.pid!);
  return { name, pid: proc.pid!, startRss, readyRss: startRss, docs, gc: () => gcCountOf(proc), close: () => stopServer(proc) };
}

interface Room {
  typist: Typist;
  readers: Reader[];
  sentAt: number[];
}
/** One side with every doc's members connected; `samples` is where arrivals are noted now. */
interface Connected {
  side: Side;
  rooms: Room[];
  samples: number[];
  rssPerDocKb: number;
}

/** Connects every doc's members (a typist and MEMBERS - 1 readers) and notes the RSS they added. */
async function connect(side: Side): Promise<Connected> {
  const c: Connected = { side, rooms: [], samples: [], rssPerDocKb: 0 };
  for (const d of side.docs) {
    const t = await typist(d.url, d.headers);
    const readers = await Promise.all(Array.from({ length: MEMBERS - 1 }, () => reader(d.url, d.headers)));
    const room: Room = { typist: t, readers, sentAt: [] };
    readers.forEach((r) => {
      let n = 0;
      // Frames of one doc arrive in order: a reader's n-th update is the n-th keystroke.
      r.onUpdate = (at) => {
        const t0 = room.sentAt[n++];
        if (t0 !== undefined) c.samples.push(at - t0);
      };
    });
    c.rooms.push(room);
  }
  c.rssPerDocKb = ((rssMb(side.pid) - side.readyRss) * 1024) / DOCS;
  return c;
}

/** Every typist types for `seconds`; returns this drive's keystroke -> member latencies and CPU. */
async function drive(c: Connected, seconds: number) {
  c.samples = [];
  const sent0 = c.rooms.reduce((n, r) => n + r.sentAt.length, 0);
  const cpu = threadCoresOver(c.side.pid, seconds * 1000);
  const sched0 = mainThreadSched(c.side.pid);
  const gc0 = c.side.gc();
  const end = performance.now() + seconds * 1000;
  const every = 1000 / KEYS_PER_S;
  await Promise.all(
    c.rooms.map(async (room, i) => {
      await new Promise((r) => setTimeout(r, (every * i) / c.rooms.length)); // spread over one interval
      while (performance.now() < end) {
        room.sentAt.push(room.typist.type());
        await new Promise((r) => setTimeout(r, every));
      }
    }),
  );
  const byThread = await cpu;
  const sched = schedBetween(sched0, mainThreadSched(c.side.pid));
  const gc = noGc();
  addGc(gc, gc0, c.side.gc());
  await new Promise((r) => setTimeout(r, 1000)); // the last keystrokes land
  const expected = (c.rooms.reduce((n, r) => n + r.sentAt.length, 0) - sent0) * (MEMBERS - 1);
  return { samples: c.samples, expected, byThread, gc, sched, keystrokes: expected / (MEMBERS - 1) };
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const threads = (t: [string, number][]) => t.map(([name, c]) => `${name} ${fmt(c, 3)}`).join(', ');
const sum = (t: [string, number][]) => t.reduce((n, [, c]) => n + c, 0);

// All three servers run and stay connected for the whole run. Each is first driven WARMUP_SECONDS
// unmeasured (a cold process spends its first seconds compiling: that is no keystroke's wait in
// service), then ROUNDS drives of SECONDS each, the order turning each round (bare, y-websocket,
// Peerboard; y-websocket, Peerboard, bare; ...) so a drift of the machine falls on all alike.
// Samples are pooled per side; each round's own ratios are printed too.
pinDriver();
const names = ['bare relay', 'y-websocket server', 'peerboard'] as const;
type Name = (typeof names)[number];
const opened: Side[] = [await baselineSide('bare', 'bench/bareYjsRelay.mjs'), await baselineSide('y-websocket', 'bench/stockYjsServer.mjs'), await peerboardSide()];
const conns = new Map<Name, Connected>();
for (const [i, name] of names.entries()) conns.set(name, await connect(opened[i]!));
if (WARMUP_SECONDS > 0) for (const name of names) await drive(conns.get(name)!, WARMUP_SECONDS);
const pooled = new Map<Name, { samples: number[]; received: number; expected: number; cpu: Map<string, number>; gc: GcCount; sched: MainThreadSched; keystrokes: number }>(
  names.map((n) => [n, { samples: [], received: 0, expected: 0, cpu: new Map(), gc: noGc(), sched: noSched(), keystrokes: 0 }]),
);
const perRound: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = names.map((_, i) => names[(i + round) % names.length]!);
  const p99 = new Map<Name, number>();
  for (const name of order) {
    const r = await drive(conns.get(name)!, SECONDS);
    const acc = pooled.get(name)!;
    acc.samples.push(...r.samples);
    acc.received += r.samples.length;
    acc.expected += r.expected;
    addGc(acc.gc, noGc(), r.gc);
    addSched(acc.sched, r.sched);
    acc.keystrokes += r.keystrokes;
    for (const [thread, cores] of r.byThread) acc.cpu.set(thread, (acc.cpu.get(thread) ?? 0) + cores / ROUNDS);
    p99.set(name, summarize(r.samples).p99);
  }
  const pb = p99.get('peerboard')!;
  perRound.push(`round ${round + 1} (${order.join(', ')}): p99 ${names.map((n) => fmt(p99.get(n)!)).join(' / ')} ms; peerboard / y-websocket ${fmt(pb / p99.get('y-websocket server')!)}x, / bare ${fmt(pb / p99.get('bare relay')!)}x`);
}
for (const name of names) conns.get(name)!.rooms.forEach((r) => (r.typist.close(), r.readers.forEach((x) => x.close())));
await Promise.all(opened.map((side) => side.close()));

console.log(`Notes: ${DOCS} docs x ${MEMBERS} members (1 typing ${KEYS_PER_S} keys/s, ${MEMBERS - 1} reading); each side warmed up ${WARMUP_SECONDS} s, then ${ROUNDS} x ${SECONDS} s, the order turning each round, samples pooled (loopback; servers in their own processes, all running throughout${PIN_CORES ? ', on core 0; the driver on the others' : ''})`);
console.log('side | keystroke -> member p50 / p99 | received | server CPU while typing (main, other threads) | RSS start / ready | RSS per connected doc');
const rows = new Map(names.map((name, i) => {
  const acc = pooled.get(name)!;
  const byThread = [...acc.cpu].sort((a, b) => b[1] - a[1]);
  return [name, { s: summarize(acc.samples), cores: sum(byThread), byThread, received: acc.received, expected: acc.expected, side: opened[i]!, rssPerDocKb: conns.get(name)!.rssPerDocKb }];
}));
for (const [name, r] of rows) {
  console.log(`${name} | ${fmt(r.s.p50)} / ${fmt(r.s.p99)} ms | ${r.received}/${r.expected} | ${fmt(r.cores, 3)} cores (${threads(r.byThread)}) | ${fmt(r.side.startRss, 0)} / ${fmt(r.side.readyRss, 0)} MB | ${fmt(r.rssPerDocKb, 0)} KB`);
}
const p = rows.get('peerboard')!;
for (const name of names.slice(0, 2)) {
  const base = rows.get(name)!;
  console.log(`peerboard / ${name}: p50 ${fmt(p.s.p50 / base.s.p50)}x, p99 ${fmt(p.s.p99 / base.s.p99)}x, CPU ${fmt(p.cores / base.cores)}x, RSS per doc ${fmt(p.rssPerDocKb / base.rssPerDocKb)}x`);
}
for (const line of perRound) console.log(line);
// On a machine that also runs the clients, a server is preempted by the client it has just woken (bench/proc.ts mainThreadSched).
const perKey = (name: Name, v: number) => v / Math.max(1, pooled.get(name)!.keystrokes);
console.log(
  `main thread per keystroke: on a CPU ${names.map((n) => fmt(perKey(n, pooled.get(n)!.sched.onCpu) * 1e6, 0)).join(' / ')} µs; ` +
    `runnable but waiting for a CPU ${names.map((n) => fmt(perKey(n, pooled.get(n)!.sched.waiting) * 1e6, 0)).join(' / ')} µs; ` +
    `preempted ${names.map((n) => fmt(perKey(n, pooled.get(n)!.sched.preempted))).join(' / ')} times (${names.join(' / ')})`,
);
if (opened.some((side) => side.gc())) console.log(`GC while typing: ${names.map((n) => `${n} ${gcLine(pooled.get(n)!.gc)}`).join('; ')}`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
process.exit(0);
