// Network benchmarks by segment and industry reference sets over real HTTP: every cut holds at
// least 5 companies, no published pair of sets differs by 1..4 companies, never min or max;
// reference sets are shown with their source and year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentBenchmarks } from '../../shared/benchmarks.ts';
import { joinGroup, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const Q = '2026-Q3';

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  const extra: (ApiClient & { userId: string })[] = [];
  for (let i = 0; i < 8; i++) extra.push(await joinGroup(srv.url, seed.organiser, beta.group.id, `Extra ${i}`, 'member', `Extra ${i}`));
  const companies: [ApiClient, string][] = [...seed.members.map((m) => [m, seed.group.id] as [ApiClient, string]), [beta.member, beta.group.id], ...extra.map((m) => [m, beta.group.id] as [ApiClient, string])];
  // 12 companies: healthcare 7 / legal 5; managed services 9 / resellers 3; all of them 10-24 people.
  for (const [i, [c, groupId]] of companies.entries()) {
    const vertical = i < 7 ? 'Healthcare' : 'Legal';
    const businessModel = i < 9 ? 'managed-services' : 'reseller';
    expect((await put(c, `/api/networks/${seed.networkId}/my-company`, { name: `Company ${i}`, sizeBand: '10-24', revenueBand: '1-3M', vertical, businessModel, territory: `Town ${i}` })).status).toBe(200);
    expect((await put(c, `/api/groups/${groupId}/figures/${Q}`, { figures: [{ kpiKey: 'gross_margin_pct', value: 30 + i }] })).status).toBe(200);
  }
});
afterAll(() => srv?.close());

const segments = async (dimension: string, c: ApiClient = seed.coach) => {
  const r = await c.get(`/api/networks/${seed.networkId}/benchmarks/segments?quarter=${Q}&dimension=${dimension}`);
  expect(r.status).toBe(200);
  return (r.body as SegmentBenchmarks).kpis.find((k) => k.kpiKey === 'gross_margin_pct')!;
};

describe('segment benchmarks', () => {
  it('show each cut of at least 5 companies, with quartiles and never min or max', async () => {
    const margin = await segments('vertical');
    expect(margin.network).toMatchObject({ companies: 12, stats: { n: 12, min: null, max: null } });
    expect(margin.cuts).toEqual([
      { value: 'legal', companies: 5, withheld: null, stats: { n: 5, q1: 38, median: 39, q3: 40, min: null, max: null } },
      { value: 'healthcare', companies: 7, withheld: null, stats: { n: 7, q1: 31.5, median: 33, q3: 34.5, min: null, max: null } },
    ]);
  });

  it('refuse a cut under 5 and a cut whose difference with the network isolates fewer than 5', async () => {
    const margin = await segments('businessModel');
    // resellers: 3 companies; managed services: 9, so the network minus them would be those 3.
    expect(margin.cuts).toEqual([
      { value: 'reseller', companies: 3, withheld: 'too_few', stats: null },
      { value: 'managed-services', companies: 9, withheld: 'differencing', stats: null },
    ]);
    // A cut holding the whole network differs from it by nobody: shown.
    expect((await segments('sizeBand')).cuts).toEqual([expect.objectContaining({ value: '10-24', companies: 12, withheld: null })]);
  });

  it('are for the people of the network: an observer learns nothing; bad queries are refused', async () => {
    expect((await seed.observer.get(`/api/networks/${seed.networkId}/benchmarks/segments?quarter=${Q}&dimension=vertical`)).status).toBe(404);
    expect((await seed.coach.get(`/api/networks/${seed.networkId}/benchmarks/segments?quarter=${Q}&dimension=territory`)).status).toBe(400);
    await segments('vertical', seed.members[0]!);
    await segments('vertical', seed.organiser);
  });
});

describe('reference sets', () => {
  const csv = 'kpi,q1,median,q3\ngross_margin_pct,35,42.5,48\nar_days,30,41,55\n';
  it('an organiser loads one from CSV; everyone in the network sees it with source and year', async () => {
    const path = `/api/networks/${seed.networkId}/reference-sets`;
    expect((await seed.coach.post(path, { source: 'Service Leadership Index', year: 2025, csv })).status).toBe(403);
    const bad = await seed.organiser.post(path, { source: 'X', year: 2025, csv: 'kpi,q1,median,q3\nnope,1,2,3\ngross_margin_pct,5,4,3\n' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);

    const loaded = await seed.organiser.post(path, { source: 'Service Leadership Index', year: 2025, csv });
    expect(loaded.status).toBe(201);
    const seen = await seed.members[1]!.get(path);
    expect(seen.body).toEqual([
      expect.objectContaining({ source: 'Service Leadership Index', year: 2025, currency: 'EUR', values: [{ kpiKey: 'gross_margin_pct', q1: 35, median: 42.5, q3: 48 }, { kpiKey: 'ar_days', q1: 30, median: 41, q3: 55 }] }),
    ]);
    expect((await seed.observer.get(path)).status).toBe(404);
  });

  it('an organiser deletes one; it leaves the list for everyone, and nobody else may delete', async () => {
    const path = `/api/networks/${seed.networkId}/reference-sets`;
    const old = await seed.organiser.post(path, { source: 'Old Study', year: 2019, csv });
    expect(old.status).toBe(201);
    for (const c of [seed.coach, seed.members[0]!]) expect((await c.del(`${path}/${old.body.id}`)).status).toBe(403);
    expect((await seed.observer.del(`${path}/${old.body.id}`)).status).toBe(404);
    expect((await seed.members[0]!.get(path)).body.map((s: { source: string }) => s.source)).toContain('Old Study');
    expect((await seed.organiser.del(`${path}/${old.body.id}`)).status).toBe(204);
    const after = (await seed.members[0]!.get(path)).body.map((s: { source: string }) => s.source);
    expect(after).not.toContain('Old Study');
    expect(after).toContain('Service Leadership Index');
    expect((await seed.organiser.del(`${path}/${old.body.id}`)).status).toBe(404);
  });
});

describe("the coach's switch for the meeting's financial review", () => {
  it('is off until the coach turns it on; every reader of the review then sees it on', async () => {
    const view = (c: ApiClient) => c.get(`/api/groups/${seed.group.id}/financials/${Q}`);
    expect((await view(seed.members[0]!)).body.showsBenchmarks).toBe(false);
    expect((await seed.members[0]!.patch(`/api/groups/${seed.group.id}`, { reviewShowsBenchmarks: true })).status).toBe(403);
    const on = await seed.coach.patch(`/api/groups/${seed.group.id}`, { reviewShowsBenchmarks: true });
    expect(on.body.reviewShowsBenchmarks).toBe(true);
    for (const c of [seed.members[0]!, seed.coach, seed.organiser]) expect((await view(c)).body.showsBenchmarks).toBe(true);
    expect((await seed.coach.get(`/api/groups/${seed.group.id}/financials/${Q}?audience=room`)).body.showsBenchmarks).toBe(true);
  });
});

