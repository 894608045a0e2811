// The readiness grid and reminders over real HTTP, without SMTP: reminders are held and the
// organiser's outbox shows them, links included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '../../shared/financials/kpis.ts';
import { ApiClient, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  // Far enough ahead that the scheduled prep reminder has not run: only "remind" sends.
  meetingId = (await createMeeting(seed.coach, seed.group.id, '2027-Q1', new Date(Date.now() + 30 * 86_400_000).toISOString())).id;
  const [m1, m2] = seed.members;
  const g = seed.group.id;
  const enterable = DEFAULT_KPIS.filter((k) => !k.derived);
  expect((await put(m1!, `/api/groups/${g}/figures/2026-Q4`, { figures: enterable.map((k) => ({ kpiKey: k.key, value: 10 })) })).status).toBe(200);
  expect((await put(m2!, `/api/groups/${g}/figures/2026-Q4`, { figures: [{ kpiKey: 'total_revenue', value: 1_000_000 }, { kpiKey: 'headcount', value: 12 }] })).status).toBe(200);
  for (const [c, progress] of [[m1!, 'Signed 4 of 10'], [m2!, '']] as const) {
    const goal = await c.post(`/api/groups/${g}/goals`, { quarter: '2026-Q4', text: 'Grow managed services' });
    expect(goal.status).toBe(201);
    if (progress) expect((await c.patch(`/api/goals/${goal.body.id}`, { progress })).status).toBe(200);
  }
  // Max sends the pre-meeting update too; Moe sends one without figures or goals.
  expect((await put(m1!, `/api/meetings/${meetingId}/updates/mine`, { answers: { best: 'Two new clients' } })).status).toBe(200);
  expect((await put(seed.members[2]!, `/api/meetings/${meetingId}/updates/mine`, { answers: { need: 'A second opinion on pricing' } })).status).toBe(200);
});
afterAll(() => srv?.close());

describe('readiness grid', () => {
  it('shows the coach every member company with figures, goal progress and readiness', async () => {
    const r = await seed.coach.get(`/api/meetings/${meetingId}/readiness`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ figuresQuarter: '2026-Q4', goalsQuarter: '2026-Q4' });
    const rows = r.body.members.map((m: any) => [m.name, m.figures, m.figuresEntered, m.goalsWithProgress, m.goalsTotal, m.updateSent, m.ready]);
    const expected = DEFAULT_KPIS.filter((k) => !k.derived).length;
    expect(rows).toEqual([
      ['Max One', 'complete', expected, 1, 1, true, true],
      ['Mia Two', 'partial', 2, 0, 1, false, false],
      ['Moe Three', 'none', 0, 0, 0, true, false],
    ]);
  });

  it('gives a member of a coach-led group only their own checklist, observers nothing, strangers not even the meeting', async () => {
    const own = await seed.members[1]!.get(`/api/meetings/${meetingId}/readiness`);
    expect(own.body.members.map((m: any) => m.name)).toEqual(['Mia Two']);
    expect((await seed.observer.get(`/api/meetings/${meetingId}/readiness`)).status).toBe(403);
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await stranger.get(`/api/meetings/${meetingId}/readiness`)).status).toBe(404);
    expect((await seed.members[0]!.post(`/api/meetings/${meetingId}/readiness/remind`, {})).status).toBe(403);
    expect((await new ApiClient(srv.url).get(`/api/meetings/${meetingId}/readiness`)).status).toBe(401);
  });

  it('gives each member company exactly their own checklist on "my page" overview, and the coach and observers none', async () => {
    const expected = DEFAULT_KPIS.filter((k) => !k.derived).length;
    const mineOf = async (c: ApiClient) => {
      const r = await c.get('/api/me/overview');
      expect(r.status).toBe(200);
      return r.body.groups.find((x: any) => x.group.id === seed.group.id);
    };
    const rows: unknown[] = [];
    for (const [i, m] of seed.members.entries()) {
      const g = await mineOf(m);
      expect(g.nextMeeting.id).toBe(meetingId);
      expect(g.myReadiness).toMatchObject({ meetingId, figuresQuarter: '2026-Q4', goalsQuarter: '2026-Q4' });
      // Their own row, nobody else's: the answer names no other member.
      expect(g.myReadiness.me.userId).toBe(m.userId);
      for (const other of seed.members.filter((_, j) => j !== i)) expect(JSON.stringify(g.myReadiness)).not.toContain(other.userId);
      const me = g.myReadiness.me;
      rows.push([me.name, me.figures, me.figuresEntered, me.goalsWithProgress, me.goalsTotal, me.updateSent, me.ready]);
    }
    expect(rows).toEqual([
      ['Max One', 'complete', expected, 1, 1, true, true],
      ['Mia Two', 'partial', 2, 0, 1, false, false],
      ['Moe Three', 'none', 0, 0, 0, true, false],
    ]);
    expect((await mineOf(seed.coach)).myReadiness).toBeNull();
    expect((await mineOf(seed.observer)).myReadiness).toBeNull();
  });

  it('reminds those not ready once per hour, and the organiser\'s outbox shows the held mails with their links', async () => {
    const first = await seed.coach.post(`/api/meetings/${meetingId}/readiness/remind`, {});
    expect(first.body).toEqual({ queued: 2 });
    expect((await seed.coach.post(`/api/meetings/${meetingId}/readiness/remind`, {})).body).toEqual({ queued: 0 });
    const outbox = await seed.organiser.get(`/api/networks/${seed.networkId}/outbox`);
    const reminders = outbox.body.filter((m: any) => m.kind === 'prep_reminder');
    expect(reminders.map((m: any) => m.to).sort()).toEqual(['mia.two@example.com', 'moe.three@example.com']);
    expect(reminders.every((m: any) => m.status === 'held')).toBe(true);
    const mia = reminders.find((m: any) => m.to === 'mia.two@example.com');
    expect(mia.text).toContain('2 of');
    expect(mia.text).toContain(`/groups/${seed.group.id}/financials`);
    expect(mia.text).toContain(`/meetings/${meetingId}/update`);
    // Moe sent his update: his reminder does not ask for it again.
    expect(reminders.find((m: any) => m.to === 'moe.three@example.com').text).not.toContain('/update');
    expect(mia.text).toMatch(/\/unsubscribe\/[A-Za-z0-9_-]{20,}/);
    // Coaches and members do not read the network's outbox.
    expect((await seed.coach.get(`/api/networks/${seed.networkId}/outbox`)).status).toBe(404);
  });
});
