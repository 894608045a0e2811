// `npm run bench:notes`: notes at load. DOCS notes docs with MEMBERS members each (one typing
// KEYS_PER_S keystrokes a second, the others reading), on three servers, each in its own process,
// one after the other in one run: a bare ws relay (bench/bareYjsRelay.mjs: no auth, no storage,
// no Yjs), the stock y-websocket server (bench/stockYjsServer.mjs: a Y.Doc per doc, no auth, no
// storage) and Peerboard's compiled server (auth, store-before-relay in SQLite, server-side
// Y.Doc): keystroke -> each other member (p50, p99), server CPU by thread, RSS. Bounded: SECONDS per side.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notesDocName } from '../shared/collab/docNames.ts';
import { freePort } from '../server/testing/childServer.ts';
import { ApiClient } from '../server/testing/harness.ts';
import { reader, typist, type Reader, type Typist } from './notesClients.ts';
import { PEERBOARD_NODE_OPTIONS, rssMb, spawnServer, stopServer, threadCoresOver } from './proc.ts';
import { summarize } from './stats.ts';

const DOCS = Number(process.env.BENCH_DOCS ?? 200);
const MEMBERS = Number(process.env.BENCH_DOC_MEMBERS ?? 5);
const KEYS_PER_S = Number(process.env.BENCH_KEYS_PER_S ?? 2);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

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
  return { name: 'peerboard', pid: proc.pid!, startRss, readyRss: rssMb(proc.pid!), docs: names.map((n) => ({ url: `${ws}/collab/${encodeURIComponent(n)}`, headers })), close: () => stopServer(proc) };
}

/** A baseline server from bench/ (no auth, no storage): every doc is a path of its own. */
async function baselineSide(name: string, script: string): Promise<Side> {
  const port = await freePort();
  const proc = await spawnServer([script], { PORT: String(port) }, `http://127.0.0.1:${port}`);
  const docs = Array.from({ length: DOCS }, (_, i) => ({ url: `ws://127.0.0.1:${port}/doc-${i}`, headers: {} }));
  const startRss = rssMb(proc.pid!);
  return { name, pid: proc.pid!, startRss, readyRss: startRss, docs, close: () => stopServer(proc) };
}

/** Connects every doc's members, types for SECONDS, returns keystroke -> member latencies, CPU and RSS. */
async function run(side: Side) {
  const rooms: { typist: Typist; readers: Reader[]; sentAt: number[] }[] = [];
  for (const d of side.docs) {
    const t = await typist(d.url, d.headers);
    const readers = await Promise.all(Array.from({ length: MEMBERS - 1 }, () => reader(d.url, d.headers)));
    rooms.push({ typist: t, readers, sentAt: [] });
  }
  const connectedRss = rssMb(side.pid);
  const samples: number[] = [];
  for (const room of rooms) {
    room.readers.forEach((r) => {
      let n = 0;
      // Frames of one doc arrive in order: a reader's n-th update is the n-th keystroke.
      r.onUpdate = (at) => {
        const t0 = room.sentAt[n++];
        if (t0 !== undefined) samples.push(at - t0);
      };
    });
  }
  const cpu = threadCoresOver(side.pid, SECONDS * 1000);
  const end = performance.now() + SECONDS * 1000;
  const every = 1000 / KEYS_PER_S;
  await Promise.all(
    rooms.map(async (room, i) => {
      await new Promise((r) => setTimeout(r, (every * i) / rooms.length)); // spread over one interval
      while (performance.now() < end) {
        room.sentAt.push(room.typist.type());
        await new Promise((r) => setTimeout(r, every));
      }
    }),
  );
  const byThread = await cpu;
  const cores = byThread.reduce((n, [, c]) => n + c, 0);
  await new Promise((r) => setTimeout(r, 1000)); // the last keystrokes land
  const expected = rooms.reduce((n, r) => n + r.sentAt.length, 0) * (MEMBERS - 1);
  rooms.forEach((r) => (r.typist.close(), r.readers.forEach((x) => x.close())));
  return { s: summarize(samples), received: samples.length, expected, cores, byThread, rssPerDocKb: ((connectedRss - side.readyRss) * 1024) / DOCS, startRss: side.startRss, readyRss: side.readyRss };
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
type Result = Awaited<ReturnType<typeof run>>;
async function measure(open: () => Promise<Side>): Promise<Result> {
  const side = await open();
  const result = await run(side);
  await side.close();
  return result;
}
const b = await measure(() => baselineSide('bare', 'bench/bareYjsRelay.mjs'));
const y = await measure(() => baselineSide('y-websocket', 'bench/stockYjsServer.mjs'));
const p = await measure(peerboardSide);
const threads = (t: [string, number][]) => t.map(([name, c]) => `${name} ${fmt(c, 3)}`).join(', ');
const sides: [string, Result][] = [['bare relay', b], ['y-websocket server', y], ['peerboard', p]];
console.log(`Notes: ${DOCS} docs x ${MEMBERS} members (1 typing ${KEYS_PER_S} keys/s, ${MEMBERS - 1} reading), ${SECONDS} s each (loopback; servers in their own processes)`);
console.log('side | keystroke -> member p50 / p99 | received | server CPU while typing (main, other threads) | RSS start / ready | RSS per connected doc');
for (const [name, r] of sides) {
  console.log(`${name} | ${fmt(r.s.p50)} / ${fmt(r.s.p99)} ms | ${r.received}/${r.expected} | ${fmt(r.cores, 3)} cores (${threads(r.byThread)}) | ${fmt(r.startRss, 0)} / ${fmt(r.readyRss, 0)} MB | ${fmt(r.rssPerDocKb, 0)} KB`);
}
for (const [name, base] of sides.slice(0, 2)) {
  console.log(`peerboard / ${name}: p50 ${fmt(p.s.p50 / base.s.p50)}x, p99 ${fmt(p.s.p99 / base.s.p99)}x, CPU ${fmt(p.cores / base.cores)}x, RSS per doc ${fmt(p.rssPerDocKb / base.rssPerDocKb)}x`);
}
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
process.exit(0);
