// `npm run bench:financials`: the financial review's read — GET /api/groups/:id/financials/:q
// for a full group (12 member companies, 8 quarters of every standard KPI, some coach-only) —
// beside a bare express server answering the same JSON from memory (bench/bareJson.mjs), in the
// same run. The gap is Peerboard's work per request: session, authorization, the review cache's
// checks, logging, metrics and security headers. Each server is its own process (Peerboard's
// compiled server, as `npm start` runs it), so one's garbage collection never lands in the
// other's requests, and each one's CPU is read from /proc. Fair by construction: both get the
// same request headers (the session cookie; `accept-encoding: identity`, so neither
// compresses: the run fails if either answers compressed), both are warmed up first (not
// measured), then requests alternate (AB, BA, ...) so drift of the machine's load hits both
// alike. Then the same for a repeat read with If-None-Match (304 on both). Bounded: fixed
// request count, loopback only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_KPIS } from '../shared/financials/kpis.ts';
import { addQuarters } from '../shared/financials/quarters.ts';
import { freePort } from '../server/testing/childServer.ts';
import { ApiClient, joinGroup } from '../server/testing/harness.ts';
import { cpuSeconds, PEERBOARD_NODE_OPTIONS, spawnServer, stopServer } from './proc.ts';
import { ms, summarize } from './stats.ts';

const COMPANIES = 12;
const QUARTERS = 8;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
/** Requests per side before measuring: JIT, connection pool and caches warm on both sides. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const REVIEWED = '2026-Q3';

interface Target {
  url: string;
  pid: number;
  samples: number[];
  cpu: number;
}

/** One GET, timed from the call to the last byte; refuses anything but the expected status, uncompressed. */
async function timedGet(url: string, headers: Record<string, string>, status = 200): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  const elapsed = performance.now() - t0;
  if (res.status !== status) throw new Error(`GET ${url}: ${res.status}, expected ${status}`);
  const encoding = res.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') throw new Error(`GET ${url}: answered ${encoding}, the comparison expects identity on both sides`);
  return elapsed;
}

async function seedPeerboard(srvUrl: string): Promise<{ url: string; cookie: string }> {
  const org = new ApiClient(srvUrl);
  const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
  const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
  const enterable = DEFAULT_KPIS.filter((k) => !k.derived);
  let first: ApiClient | null = null;
  for (let i = 0; i < COMPANIES; i++) {
    const m = await joinGroup(srvUrl, org, group.id, `Member ${i}`, 'member', `Company ${i}`);
    first ??= m;
    for (let q = 0; q < QUARTERS; q++) {
      const quarter = addQuarters(REVIEWED, -q);
      // Values inside every unit's bounds: percents and days small, money and counts larger.
      const value = (unit: string, j: number) => (unit === 'currency' ? 100_000 * (i + 1) + 3_700 * j + q : 10 + ((i + j + q) % 40));
      const figures = enterable.map((k, j) => ({ kpiKey: k.key, value: value(k.unit, j), coachOnly: (i + j) % 7 === 0 }));
      const r = await m.request('PUT', `/api/groups/${group.id}/figures/${quarter}`, { figures });
      if (r.status !== 200) throw new Error(JSON.stringify(r.body));
    }
  }
  return { url: `${srvUrl}/api/groups/${group.id}/financials/${REVIEWED}`, cookie: first!.cookie };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-bench-fin-'));
const pbPort = await freePort();
const pbUrl = `http://127.0.0.1:${pbPort}`;
const pbEnv = { PORT: String(pbPort), HOST: '127.0.0.1', DATA_DIR: dir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error' };
const pbProc = await spawnServer([...PEERBOARD_NODE_OPTIONS, 'dist/server/main.js'], pbEnv, `${pbUrl}/api/health`);
const procs = [pbProc];
try {
  const seeded = await seedPeerboard(pbUrl);
  const headers = { cookie: seeded.cookie, accept: 'application/json', 'accept-encoding': 'identity' };
  const body = await (await fetch(seeded.url, { headers })).text();
  const bodyFile = path.join(dir, 'financials.json');
  writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bareProc = await spawnServer(['bench/bareJson.mjs'], { PORT: String(barePort), BODY_FILE: bodyFile }, `http://127.0.0.1:${barePort}/health`);
  procs.push(bareProc);

  const peer: Target = { url: seeded.url, pid: pbProc.pid!, samples: [], cpu: 0 };
  const bare: Target = { url: `http://127.0.0.1:${barePort}/financials`, pid: bareProc.pid!, samples: [], cpu: 0 };
  for (let i = 0; i < WARMUP; i++) {
    await timedGet(peer.url, headers);
    await timedGet(bare.url, headers);
  }
  const cpu0 = [cpuSeconds(peer.pid), cpuSeconds(bare.pid)];
  for (let i = 0; i < REQUESTS; i++) {
    for (const t of i % 2 === 0 ? [peer, bare] : [bare, peer]) t.samples.push(await timedGet(t.url, headers));
  }
  peer.cpu = cpuSeconds(peer.pid) - cpu0[0]!;
  bare.cpu = cpuSeconds(bare.pid) - cpu0[1]!;

  // A repeat read as a browser's cache makes it: If-None-Match with the ETag it holds, answered
  // 304 by both (bare express hashes the body for its weak ETag on every request). The explicit
  // Cache-Control keeps fetch from adding `no-cache`, which would force a full answer.
  const revalidate = async (url: string) => ({ ...headers, 'if-none-match': (await fetch(url, { headers })).headers.get('etag')!, 'cache-control': 'max-age=0' });
  const conditional = new Map([[peer, await revalidate(peer.url)], [bare, await revalidate(bare.url)]]);
  const notModified = new Map<Target, number[]>([[peer, []], [bare, []]]);
  for (let i = 0; i < REQUESTS; i++) {
    for (const t of i % 2 === 0 ? [peer, bare] : [bare, peer]) notModified.get(t)!.push(await timedGet(t.url, conditional.get(t)!, 304));
  }

  const p = summarize(peer.samples);
  const b = summarize(bare.samples);
  const perRequest = (t: Target) => `${((t.cpu / REQUESTS) * 1000).toFixed(2)} ms`;
  console.log(`GET the financial review of ${COMPANIES} companies x ${QUARTERS} quarters (${(body.length / 1024).toFixed(0)} KiB JSON)`);
  console.log(`  ${REQUESTS} requests per side after ${WARMUP} warm-up each, alternating; loopback; each server its own process; accept-encoding: identity, uncompressed on both sides`);
  console.log(`  bare express, same JSON : p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  mean ${ms(b.mean)}  server CPU/request ${perRequest(bare)}`);
  console.log(`  peerboard (compiled)    : p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  mean ${ms(p.mean)}  server CPU/request ${perRequest(peer)}`);
  console.log(`  ratio peerboard/bare    : p50 ${(p.p50 / b.p50).toFixed(2)}x  p95 ${(p.p95 / b.p95).toFixed(2)}x  server CPU ${(peer.cpu / bare.cpu).toFixed(2)}x`);
  const p304 = summarize(notModified.get(peer)!);
  const b304 = summarize(notModified.get(bare)!);
  console.log(`  repeat read with If-None-Match, 304, ${REQUESTS} per side alternating:`);
  console.log(`  bare express            : p50 ${ms(b304.p50)}  p95 ${ms(b304.p95)}`);
  console.log(`  peerboard               : p50 ${ms(p304.p50)}  p95 ${ms(p304.p95)}  (ratio p50 ${(p304.p50 / b304.p50).toFixed(2)}x, p95 ${(p304.p95 / b304.p95).toFixed(2)}x; vs its own 200: p50 ${(p304.p50 / p.p50).toFixed(2)}x)`);
} finally {
  for (const proc of procs) await stopServer(proc);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
