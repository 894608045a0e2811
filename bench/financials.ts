// `npm run bench:financials`: the financial review's read — GET /api/groups/:id/financials/:q
// for a full group (12 member companies, 8 quarters of every standard KPI, some coach-only) —
// beside a bare express server answering the same JSON from memory, in the same run. The gap
// is Peerboard's work per request: session, authorization, the review cache's checks, logging,
// metrics and security headers. Fair by construction: both sides get the same request headers
// (session cookie included; `accept-encoding: identity`, so neither compresses: the bench
// fails if either answers compressed), both are warmed up first (not measured), then requests
// alternate between the two (AB, BA, ...) so drift of the machine's load hits both alike.
// Bounded: fixed request count, loopback only, one process (the client's cost is in both).
import express from 'express';
import type { AddressInfo } from 'node:net';
import { DEFAULT_KPIS } from '../shared/financials/kpis.ts';
import { addQuarters } from '../shared/financials/quarters.ts';
import { ApiClient, joinGroup, startTestServer } from '../server/testing/harness.ts';
import { ms, summarize } from './stats.ts';

const COMPANIES = 12;
const QUARTERS = 8;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
/** Requests per side before measuring: JIT, connection pool and caches warm on both sides. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const REVIEWED = '2026-Q3';

interface Target {
  url: string;
  headers: Record<string, string>;
  samples: number[];
}

/** One GET, timed from the call to the last byte; refuses anything but an uncompressed 200. */
async function timedGet(t: Target): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(t.url, { headers: t.headers });
  await res.arrayBuffer();
  const elapsed = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${t.url}: ${res.status}`);
  const encoding = res.headers.get('content-encoding');
  if (encoding && encoding !== 'identity') throw new Error(`GET ${t.url}: answered ${encoding}, the comparison expects identity on both sides`);
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

function startBare(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.get('/financials', (_req, res) => {
    res.type('application/json').send(body);
  });
  const server = app.listen(0, '127.0.0.1');
  return new Promise((resolve) =>
    server.once('listening', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/financials`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const srv = await startTestServer();
try {
  const seeded = await seedPeerboard(srv.url);
  const headers = { cookie: seeded.cookie, accept: 'application/json', 'accept-encoding': 'identity' };
  const body = await (await fetch(seeded.url, { headers })).text();
  const bareServer = await startBare(body);
  try {
    const peer: Target = { url: seeded.url, headers, samples: [] };
    const bare: Target = { url: bareServer.url, headers, samples: [] };
    for (let i = 0; i < WARMUP; i++) {
      await timedGet(peer);
      await timedGet(bare);
    }
    for (let i = 0; i < REQUESTS; i++) {
      const [a, b] = i % 2 === 0 ? [peer, bare] : [bare, peer];
      a.samples.push(await timedGet(a));
      b.samples.push(await timedGet(b));
    }
    const p = summarize(peer.samples);
    const b = summarize(bare.samples);
    console.log(`GET the financial review of ${COMPANIES} companies x ${QUARTERS} quarters (${(body.length / 1024).toFixed(0)} KiB JSON)`);
    console.log(`  ${REQUESTS} requests per side after ${WARMUP} warm-up each, alternating; loopback, one process; accept-encoding: identity, uncompressed on both sides`);
    console.log(`  bare express, same JSON : p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  mean ${ms(b.mean)}`);
    console.log(`  peerboard               : p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  mean ${ms(p.mean)}`);
    console.log(`  ratio peerboard/bare    : p50 ${(p.p50 / b.p50).toFixed(2)}x  p95 ${(p.p95 / b.p95).toFixed(2)}x`);
    console.log(`  process RSS after run   : ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await bareServer.close();
  }
} finally {
  await srv.close();
}
process.exit(0);
