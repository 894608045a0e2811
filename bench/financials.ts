// `npm run bench:financials`: the financial review's read — GET /api/groups/:id/financials/:q
// for a full group (12 member companies, 8 quarters of every standard KPI, some coach-only) —
// beside a bare express server answering the same JSON from memory, in the same run. The gap
// is Peerboard's work per request: session, authorization, the storage read, visibility,
// derived KPIs, stats, ranks and history. Bounded: fixed request count, loopback only.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { DEFAULT_KPIS } from '../shared/financials/kpis.ts';
import { addQuarters } from '../shared/financials/quarters.ts';
import { ApiClient, joinGroup, startTestServer } from '../server/testing/harness.ts';
import { ms, summarize } from './stats.ts';

const COMPANIES = 12;
const QUARTERS = 8;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const REVIEWED = '2026-Q3';

async function timeGets(url: string, cookie: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie, accept: 'application/json' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function benchPeerboard(): Promise<{ samples: number[]; body: string }> {
  const srv = await startTestServer();
  try {
    const org = new ApiClient(srv.url);
    const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
    const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
    const enterable = DEFAULT_KPIS.filter((k) => !k.derived);
    let first: ApiClient | null = null;
    for (let i = 0; i < COMPANIES; i++) {
      const m = await joinGroup(srv.url, org, group.id, `Member ${i}`, 'member', `Company ${i}`);
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
    const url = `${srv.url}/api/groups/${group.id}/financials/${REVIEWED}`;
    const body = await (await fetch(url, { headers: { cookie: first!.cookie } })).text();
    return { samples: await timeGets(url, first!.cookie), body };
  } finally {
    await srv.close();
  }
}

async function benchBare(body: string): Promise<number[]> {
  const app = express();
  app.get('/financials', (_req, res) => {
    res.type('application/json').send(body);
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  try {
    return await timeGets(`http://127.0.0.1:${(server.address() as AddressInfo).port}/financials`, 'x=1');
  } finally {
    await new Promise((r) => server.close(r));
  }
}

const pb = await benchPeerboard();
const bare = summarize(await benchBare(pb.body));
const peer = summarize(pb.samples);
console.log(`GET the financial review of ${COMPANIES} companies x ${QUARTERS} quarters (${(pb.body.length / 1024).toFixed(0)} KiB JSON), ${REQUESTS} requests (loopback, one process)`);
console.log(`  bare express, same JSON : p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}  mean ${ms(bare.mean)}`);
console.log(`  peerboard               : p50 ${ms(peer.p50)}  p95 ${ms(peer.p95)}  mean ${ms(peer.mean)}`);
console.log(`  ratio peerboard/bare    : p50 ${(peer.p50 / bare.p50).toFixed(2)}x  p95 ${(peer.p95 / bare.p95).toFixed(2)}x`);
console.log(`  process RSS after run   : ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
process.exit(0);
