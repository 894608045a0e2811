// Financial review over real HTTP against a real server and SQLite file: who sees which
// figures, coach-only figures, CSV import, custom KPIs, k-anonymous network benchmarks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, joinGroup, nextEvent, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, postCsv, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;

const Q = '2026-Q3';
const figuresPath = (quarter = Q) => `/api/groups/${seed.group.id}/figures/${quarter}`;
const viewPath = (quarter = Q) => `/api/groups/${seed.group.id}/financials/${quarter}`;
const memberOf = (view: any, userId: string) => view.members.find((m: any) => m.userId === userId);

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  const [m1, m2, m3] = seed.members;
  // m1 keeps revenue for the coach only; recurring revenue is open, so the derived share must stay hidden too.
  expect((await put(m1!, figuresPath(), { figures: [{ kpiKey: 'total_revenue', value: 100, coachOnly: true }, { kpiKey: 'recurring_revenue', value: 50 }, { kpiKey: 'headcount', value: 4 }] })).status).toBe(200);
  await put(m2!, figuresPath(), { figures: [{ kpiKey: 'total_revenue', value: 200 }, { kpiKey: 'recurring_revenue', value: 100 }, { kpiKey: 'headcount', value: 5 }] });
  await put(m3!, figuresPath(), { figures: [{ kpiKey: 'total_revenue', value: 300 }, { kpiKey: 'headcount', value: 6 }] });
  await put(m2!, figuresPath('2026-Q2'), { figures: [{ kpiKey: 'total_revenue', value: 160 }] });
  await put(m2!, figuresPath('2025-Q3'), { figures: [{ kpiKey: 'total_revenue', value: 100 }] });
});
afterAll(() => srv?.close());

describe('who may reach the financial review', () => {
  it("another group's member gets 404 on every financials endpoint", async () => {
    const stranger = beta.member;
    const g = seed.group.id;
    const tries = [
      await stranger.get(`/api/groups/${g}/kpis`),
      await stranger.post(`/api/groups/${g}/kpis`, { label: 'Tickets', unit: 'count', direction: 'lower', decimals: 0 }),
      await put(stranger, figuresPath(), { figures: [{ kpiKey: 'headcount', value: 1 }] }),
      await stranger.del(`${figuresPath()}/headcount`),
      await postCsv(stranger, `${figuresPath()}/import`, 'quarter,kpi,value\n2026-Q3,headcount,1\n'),
      await stranger.get(viewPath()),
    ];
    for (const r of tries) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });

  it('network benchmarks are for coaches, members and organisers: an observer gets 404', async () => {
    const path = `/api/networks/${seed.networkId}/benchmarks?quarter=${Q}`;
    expect((await seed.observer.get(path)).status).toBe(404);
    expect((await seed.coach.get(path)).status).toBe(200);
    expect((await beta.member.get(path)).status).toBe(200);
    expect((await seed.organiser.get(path)).status).toBe(200);
    expect((await seed.coach.get(`/api/networks/${seed.networkId}/benchmarks?quarter=Q3`)).status).toBe(400);
  });
});

describe('observers', () => {
  it('see no figures until the group allows it, then the figures members see', async () => {
    const hidden = await seed.observer.get(viewPath());
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ canSeeFigures: false, stats: {}, history: {} });
    expect(hidden.body.members).toHaveLength(3);
    expect(hidden.body.members.every((m: any) => Object.keys(m.views).length === 0)).toBe(true);

    expect((await seed.members[0]!.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: true })).status).toBe(403);
    const opened = await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: true });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ observersSeeFinancials: true, name: 'Alpha Group' });
    try {
      const shown = (await seed.observer.get(viewPath())).body;
      expect(shown.canSeeFigures).toBe(true);
      expect(memberOf(shown, seed.members[1]!.userId).views.total_revenue.value).toBe(200);
      // Still not the coach-only one.
      expect(memberOf(shown, seed.members[0]!.userId).views.total_revenue.value).toBeNull();
      expect(shown.stats.total_revenue.n).toBe(2);
    } finally {
      await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: false });
    }
  });
});

describe('coach-only figures', () => {
  it('are hidden from other members, left out of their stats, ranks and derived figures', async () => {
    const [m1, m2] = seed.members;
    const view = (await m2!.get(viewPath())).body;
    const ann = memberOf(view, m1!.userId);
    expect(ann.views.total_revenue.value).toBeNull();
    expect(ann.views.recurring_revenue.value).toBe(50);
    expect(ann.views.recurring_share.value).toBeNull();
    expect(ann.views.revenue_per_employee.value).toBeNull();
    expect(ann.coachOnlyKeys).toEqual([]);
    expect(view.history[m1!.userId].total_revenue).toBeUndefined();
    expect(view.stats.total_revenue).toMatchObject({ n: 2, median: 250, min: 200, max: 300 });
    expect(memberOf(view, m2!.userId).views.total_revenue).toMatchObject({ value: 200, rank: 2, of: 2 });
    // The chart's median line, quarter by quarter, leaves the hidden figure out too.
    expect(view.medians.total_revenue.at(-1)).toEqual({ quarter: view.quarter, median: 250 });
  });

  it('are visible to the coach, the organiser and their owner, and counted in their stats', async () => {
    const [m1] = seed.members;
    for (const viewer of [seed.coach, seed.organiser, m1!]) {
      const view = (await viewer.get(viewPath())).body;
      const ann = memberOf(view, m1!.userId);
      expect(ann.views.total_revenue).toMatchObject({ value: 100, rank: 3, of: 3 });
      expect(ann.views.recurring_share.value).toBe(50);
      expect(ann.coachOnlyKeys).toEqual(['recurring_share', 'revenue_per_employee', 'total_revenue']);
      expect(view.stats.total_revenue).toMatchObject({ n: 3, median: 200 });
      expect(view.medians.total_revenue.at(-1)).toEqual({ quarter: view.quarter, median: 200 });
    }
  });

  it('stay off the wall (audience=room) whoever asks, the coach and their owner too', async () => {
    const [m1] = seed.members;
    for (const viewer of [seed.coach, seed.organiser, m1!]) {
      const view = (await viewer.get(`${viewPath()}?audience=room`)).body;
      const ann = memberOf(view, m1!.userId);
      expect(ann.views.total_revenue.value).toBeNull();
      expect(ann.views.recurring_share.value).toBeNull();
      expect(ann.coachOnlyKeys).toEqual([]);
      expect(view.history[m1!.userId].total_revenue).toBeUndefined();
      expect(view.stats.total_revenue).toMatchObject({ n: 2, median: 250 });
    }
    expect((await seed.coach.get(`${viewPath()}?audience=everyone`)).status).toBe(400);
  });

  it('hide a derived figure only when one of its own inputs is hidden', async () => {
    const [m1, m2] = seed.members;
    await put(m2!, figuresPath(), { figures: [{ kpiKey: 'cash_on_hand', value: 9, coachOnly: true }] });
    const mia = memberOf((await m1!.get(viewPath())).body, m2!.userId);
    expect(mia.views.cash_on_hand.value).toBeNull();
    expect(mia.views.recurring_share.value).toBe(50);
    expect(mia.views.revenue_per_employee.value).toBe(40);
    await put(m2!, figuresPath(), { figures: [{ kpiKey: 'cash_on_hand', value: null }] });
  });

  it('stay coach-only when re-entered without the flag', async () => {
    const [m1, m2] = seed.members;
    const r = await put(m1!, figuresPath(), { figures: [{ kpiKey: 'total_revenue', value: 110 }] });
    expect(r.body.figures.find((f: any) => f.kpiKey === 'total_revenue')).toMatchObject({ value: 110, coachOnly: true });
    expect(memberOf((await m2!.get(viewPath())).body, m1!.userId).views.total_revenue.value).toBeNull();
    await put(m1!, figuresPath(), { figures: [{ kpiKey: 'total_revenue', value: 100 }] });
  });
});

describe('the group view', () => {
  it('gives each member QoQ, YoY and eight quarters of history', async () => {
    const view = (await seed.members[0]!.get(viewPath())).body;
    const mia = memberOf(view, seed.members[1]!.userId);
    expect(mia.views.total_revenue).toMatchObject({ value: 200, qoq: 0.25, yoy: 1 });
    expect(view.history[seed.members[1]!.userId].total_revenue).toEqual([
      { quarter: '2025-Q3', value: 100 },
      { quarter: '2026-Q2', value: 160 },
      { quarter: '2026-Q3', value: 200 },
    ]);
    expect(view.kpis.map((k: any) => k.key)).toContain('revenue_per_employee');
    expect(mia.views.revenue_per_employee.value).toBe(40);
  });
});

describe('writing figures', () => {
  it("nobody writes another member's figures: coach and observer are refused, a member writes only their own", async () => {
    const body = { figures: [{ kpiKey: 'headcount', value: 99 }] };
    for (const c of [seed.coach, seed.observer, seed.organiser]) {
      const r = await put(c, figuresPath(), body);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    const [m1, m2] = seed.members;
    const r = await put(m2!, figuresPath(), { ...body, userId: m1!.userId });
    expect(r.status).toBe(200);
    expect(r.body.figures.every((f: any) => f.userId === m2!.userId)).toBe(true);
    expect(memberOf((await seed.coach.get(viewPath())).body, m1!.userId).views.headcount.value).toBe(4);
    await put(m2!, figuresPath(), { figures: [{ kpiKey: 'headcount', value: 5 }] });
  });

  it('refuses derived and unknown KPIs and out-of-range values; null removes a figure', async () => {
    const m3 = seed.members[2]!;
    const derived = await put(m3, figuresPath(), { figures: [{ kpiKey: 'recurring_share', value: 40 }] });
    expect(derived.status).toBe(400);
    expect(derived.body.error.message).toMatch(/^figures\.0\.kpiKey: .*computed/);
    expect((await put(m3, figuresPath(), { figures: [{ kpiKey: 'nope', value: 1 }] })).status).toBe(400);
    const range = await put(m3, figuresPath(), { figures: [{ kpiKey: 'gross_margin_pct', value: 5000 }] });
    expect(range.body.error.message).toMatch(/^figures\.0\.value: Gross margin must be between/);
    await put(m3, figuresPath(), { figures: [{ kpiKey: 'new_clients', value: 2 }] });
    const removed = await put(m3, figuresPath(), { figures: [{ kpiKey: 'new_clients', value: null }] });
    expect(removed.body.figures.map((f: any) => f.kpiKey)).not.toContain('new_clients');
  });

  it('DELETE removes one of the caller’s own figures only', async () => {
    const [m1, , m3] = seed.members;
    await put(m3!, figuresPath(), { figures: [{ kpiKey: 'lost_clients', value: 3 }] });
    for (const c of [seed.coach, seed.observer]) expect((await c.del(`${figuresPath()}/lost_clients`)).status).toBe(403);
    // m1 has no such figure: deleting "theirs" can't reach m3's.
    expect((await m1!.del(`${figuresPath()}/lost_clients`)).status).toBe(404);
    expect(memberOf((await seed.coach.get(viewPath())).body, m3!.userId).views.lost_clients.value).toBe(3);
    expect((await m3!.del(`${figuresPath()}/lost_clients`)).status).toBe(204);
    expect((await m3!.del(`${figuresPath()}/lost_clients`)).status).toBe(404);
    expect(memberOf((await seed.coach.get(viewPath())).body, m3!.userId).views.lost_clients.value).toBeNull();
  });

  it('tells the open meetings of the group that figures changed', async () => {
    const meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-01T07:00:00Z');
    const socket = await connectSocket(srv.url, seed.members[2]!.cookie);
    try {
      expect((await emitAck(socket, 'room:join', { meetingId: meeting.id, mode: 'room' })).ok).toBe(true);
      const heard = nextEvent(socket, 'records:changed');
      await put(seed.members[2]!, figuresPath(), { figures: [{ kpiKey: 'lost_clients', value: 1 }] });
      expect(await heard).toEqual({ meetingId: meeting.id, kind: 'figures' });
    } finally {
      socket.close();
    }
  });

  it('tells an observer in an open meeting when the group opens its figures to observers', async () => {
    const meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-02T07:00:00Z');
    const socket = await connectSocket(srv.url, seed.observer.cookie);
    try {
      expect((await emitAck(socket, 'room:join', { meetingId: meeting.id, mode: 'remote' })).ok).toBe(true);
      const heard = nextEvent(socket, 'records:changed');
      expect((await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: true })).status).toBe(200);
      expect(await heard).toEqual({ meetingId: meeting.id, kind: 'figures' });
      expect((await seed.observer.get(viewPath())).body.canSeeFigures).toBe(true);
    } finally {
      await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: false });
      socket.close();
    }
  });
});

describe('CSV import', () => {
  const importPath = () => `${figuresPath('2026-Q1')}/import`;

  it('refuses a file with a bad row, naming the line and the reason, and writes nothing', async () => {
    const m3 = seed.members[2]!;
    const csv = 'quarter,kpi,value\r\n2026-Q1,total_revenue,1000\r\n2026-Q1,headcount,"1,5"\r\n2026-Q1,made_up,3\r\n';
    const r = await postCsv(m3, importPath(), csv);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('bad_request');
    expect(r.body.error.details.errors).toEqual([
      { line: 3, message: expect.stringMatching(/not a plain number/) },
      { line: 4, message: 'unknown KPI "made_up"' },
    ]);
    expect(r.body.error.message).toMatch(/^Nothing was imported \(2 problems; line 3: /);
    const view = (await m3.get(viewPath('2026-Q1'))).body;
    expect(memberOf(view, m3.userId).views.total_revenue.value).toBeNull();
  });

  it('refuses rows of another quarter than the one imported into', async () => {
    const r = await postCsv(seed.members[2]!, importPath(), 'quarter,kpi,value\n2026-Q1,headcount,3\n2025-Q4,headcount,2\n');
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors).toEqual([{ line: 3, message: 'this row is for 2025-Q4, but the import is into 2026-Q1' }]);
  });

  it('imports a good file, coach-only flags included, and refuses JSON', async () => {
    const m3 = seed.members[2]!;
    const ok = await postCsv(m3, importPath(), 'quarter,kpi,value,coach_only\n2026-Q1,total_revenue,1000.5,no\n2026-Q1,cash_on_hand,-20,yes\n');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ imported: 2 });
    const own = memberOf((await m3.get(viewPath('2026-Q1'))).body, m3.userId);
    expect(own.views.total_revenue.value).toBe(1000.5);
    expect(own.coachOnlyKeys).toEqual(['cash_on_hand']);
    expect(memberOf((await seed.members[0]!.get(viewPath('2026-Q1'))).body, m3.userId).views.cash_on_hand.value).toBeNull();
    expect((await m3.post(importPath(), { csv: 'x' })).status).toBe(400);
  });
});

describe('custom KPIs', () => {
  it('the coach adds one, members of a coach-led group may not, and members then enter it', async () => {
    const g = seed.group.id;
    const body = { label: 'Tickets per technician', unit: 'count', direction: 'lower', decimals: 0 };
    expect((await seed.members[0]!.post(`/api/groups/${g}/kpis`, body)).status).toBe(403);
    const created = await seed.coach.post(`/api/groups/${g}/kpis`, body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ ...body, key: 'custom_tickets_per_technician', derived: false, groupId: g });
    expect((await seed.coach.post(`/api/groups/${g}/kpis`, { ...body, label: 'tickets per TECHNICIAN' })).status).toBe(409);
    const kpis = (await seed.observer.get(`/api/groups/${g}/kpis`)).body;
    expect(kpis.at(-1).key).toBe('custom_tickets_per_technician');
    expect(kpis[0].key).toBe('total_revenue');
    const r = await put(seed.members[0]!, figuresPath(), { figures: [{ kpiKey: 'custom_tickets_per_technician', value: 30 }] });
    expect(r.status).toBe(200);
    // Other groups don't have it, so it is not theirs to enter.
    const other = await put(beta.member, `/api/groups/${beta.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'custom_tickets_per_technician', value: 3 }] });
    expect(other.status).toBe(400);
  });
});

describe('network benchmarks', () => {
  const QB = '2025-Q2';
  const bench = async () => {
    const r = await seed.coach.get(`/api/networks/${seed.networkId}/benchmarks?quarter=${QB}`);
    expect(r.status).toBe(200);
    return r.body.find((b: any) => b.kpiKey === 'headcount');
  };

  it('show nothing from 4 companies and quartiles (no extremes) from 5, coach-only figures never counted', async () => {
    const headcount = (v: number, coachOnly = false) => ({ figures: [{ kpiKey: 'headcount', value: v, coachOnly }] });
    for (const [i, m] of seed.members.entries()) await put(m, figuresPath(QB), headcount(10 + i));
    await put(beta.member, `/api/groups/${beta.group.id}/figures/${QB}`, headcount(20));
    expect(await bench()).toEqual({ kpiKey: 'headcount', quarter: QB, companies: 4, stats: null, currency: null });

    const fifth = await joinGroup(srv.url, seed.organiser, beta.group.id, 'Fifth Founder', 'member', 'Fifth Company');
    await put(fifth, `/api/groups/${beta.group.id}/figures/${QB}`, headcount(30, true));
    expect(await bench()).toMatchObject({ companies: 4, stats: null });

    await put(fifth, `/api/groups/${beta.group.id}/figures/${QB}`, headcount(30, false));
    expect(await bench()).toEqual({
      kpiKey: 'headcount',
      quarter: QB,
      companies: 5,
      stats: { n: 5, q1: 11, median: 12, q3: 20, min: null, max: null },
      currency: null,
    });
  });
});
