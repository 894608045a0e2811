// Currency per network with a per-group override, over real HTTP: who may set it, what the
// financial review, the group page and the network benchmark say the money is in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
const Q = '2026-Q3';

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
});
afterAll(() => srv?.close());

const financials = (c = seed.coach, groupId = seed.group.id) => c.get(`/api/groups/${groupId}/financials/${Q}`);

describe('currency per network, per group override', () => {
  it('is EUR until an organiser sets the network; coaches and members may not', async () => {
    expect((await financials()).body.currency).toBe('EUR');
    const byCoach = await seed.coach.patch(`/api/networks/${seed.networkId}`, { currency: 'CHF' });
    expect(byCoach.status).toBe(403);
    expect(byCoach.body.error.code).toBe('forbidden');
    expect((await seed.members[0]!.patch(`/api/networks/${seed.networkId}`, { currency: 'CHF' })).status).toBe(403);
    const bad = await seed.organiser.patch(`/api/networks/${seed.networkId}`, { currency: 'EURO' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect((await seed.organiser.patch('/api/networks/nope', { currency: 'CHF' })).status).toBe(404);

    const ok = await seed.organiser.patch(`/api/networks/${seed.networkId}`, { currency: 'chf' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: seed.networkId, currency: 'CHF' });
    expect((await financials()).body.currency).toBe('CHF');
    expect((await seed.organiser.get('/api/me')).body.networks[0].currency).toBe('CHF');
  });

  it('a group may keep its books in its own currency, and go back to the network', async () => {
    const set = await seed.coach.patch(`/api/groups/${seed.group.id}`, { currency: 'USD' });
    expect(set.status).toBe(200);
    expect(set.body.currency).toBe('USD');
    expect((await seed.members[0]!.patch(`/api/groups/${seed.group.id}`, { currency: 'GBP' })).status).toBe(403);
    expect((await financials()).body.currency).toBe('USD');
    expect((await financials(seed.members[1])).body.currency).toBe('USD');
    const detail = (await seed.members[1]!.get(`/api/groups/${seed.group.id}`)).body;
    expect(detail).toMatchObject({ currency: 'USD', networkCurrency: 'CHF', group: { currency: 'USD' } });
    // Another group of the network still reads the network's.
    expect((await financials(beta.member, beta.group.id)).body.currency).toBe('CHF');

    expect((await seed.coach.patch(`/api/groups/${seed.group.id}`, { currency: null })).body.currency).toBeNull();
    expect((await financials()).body.currency).toBe('CHF');
  });

  it('the network benchmark compares money only in the network currency', async () => {
    // Five companies in two groups; one group (two companies) then switches to USD.
    const [m1, m2, m3] = seed.members;
    const b2 = await joinGroup(srv.url, seed.organiser, beta.group.id, 'Bea Two', 'member', 'Bee Two');
    for (const [i, c] of [m1!, m2!, m3!, beta.member, b2].entries()) {
      const groupId = i < 3 ? seed.group.id : beta.group.id;
      expect((await put(c, `/api/groups/${groupId}/figures/${Q}`, { figures: [{ kpiKey: 'total_revenue', value: 100 * (i + 1) }, { kpiKey: 'headcount', value: i + 1 }] })).status).toBe(200);
    }
    const path = `/api/networks/${seed.networkId}/benchmarks?quarter=${Q}`;
    const before = (await seed.coach.get(path)).body as { kpiKey: string; companies: number; currency: string | null }[];
    expect(before.find((b) => b.kpiKey === 'total_revenue')).toMatchObject({ companies: 5, currency: 'CHF' });
    expect(before.find((b) => b.kpiKey === 'headcount')).toMatchObject({ companies: 5, currency: null });

    expect((await seed.organiser.patch(`/api/groups/${beta.group.id}`, { currency: 'USD' })).status).toBe(200);
    const after = (await seed.coach.get(path)).body as typeof before;
    // Revenue from the USD group leaves the CHF benchmark (and with 3 companies it is withheld); headcount stays.
    expect(after.find((b) => b.kpiKey === 'total_revenue')).toMatchObject({ companies: 3, stats: null, currency: 'CHF' });
    expect(after.find((b) => b.kpiKey === 'revenue_per_employee')).toMatchObject({ companies: 3, stats: null });
    expect(after.find((b) => b.kpiKey === 'headcount')?.companies).toBe(5);
  });
});
