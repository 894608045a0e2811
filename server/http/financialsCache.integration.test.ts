// The financial review is built once per group, quarter and audience and reused: these reads
// prove a reused review never hides a change (a figure, a coach-only flag, a KPI, a member
// joining or leaving, a write that bypasses this node's services as another node's would),
// and that two readers with different rights never get each other's review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const Q = '2026-Q3';
const view = async (who: { get: (p: string) => Promise<{ status: number; body: any }> }, audience = '') => {
  const r = await who.get(`/api/groups/${seed.group.id}/financials/${Q}${audience}`);
  expect(r.status).toBe(200);
  return r.body;
};
const valueOf = (v: any, userId: string, kpi: string) => v.members.find((m: any) => m.userId === userId)?.views[kpi]?.value ?? null;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

describe('the reused financial review', () => {
  it('shows every change of figures, flags, KPIs and members on the next read', async () => {
    const [m1, m2] = seed.members;
    const figures = `/api/groups/${seed.group.id}/figures/${Q}`;
    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 4 }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(4);
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(4);

    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 5 }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(5);

    // Hidden from peers at once, still shown to its owner and the coach.
    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 5, coachOnly: true }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBeNull();
    expect(valueOf(await view(m1!), m1!.userId, 'headcount')).toBe(5);
    expect(valueOf(await view(seed.coach), m1!.userId, 'headcount')).toBe(5);
    expect(valueOf(await view(seed.coach, '?audience=room'), m1!.userId, 'headcount')).toBeNull();

    const kpi = await seed.coach.post(`/api/groups/${seed.group.id}/kpis`, { label: 'Tickets closed', unit: 'count', direction: 'higher', decimals: 0 });
    expect(kpi.status).toBe(201);
    expect((await view(m2!)).kpis.map((k: any) => k.label)).toContain('Tickets closed');

    const newcomer = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Nia New', 'member', 'New Co');
    expect((await view(m2!)).members.map((m: any) => m.name)).toContain('Nia New');
    await put(newcomer, figures, { figures: [{ kpiKey: 'headcount', value: 9 }] });
    expect(valueOf(await view(m2!), newcomer.userId, 'headcount')).toBe(9);

    // Written straight to storage, as another node sharing the database would.
    await srv.storage.upsertFigures([{ groupId: seed.group.id, userId: newcomer.userId, quarter: Q, kpiKey: 'headcount', value: 11, coachOnly: false }]);
    expect(valueOf(await view(m2!), newcomer.userId, 'headcount')).toBe(11);
    await srv.storage.removeMembership(seed.group.id, newcomer.userId);
    expect((await view(m2!)).members.map((m: any) => m.name)).not.toContain('Nia New');
  });
});
