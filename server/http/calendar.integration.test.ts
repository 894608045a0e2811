// .ics downloads: a real server, a real parser, and only the caller's groups.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let upcoming: string;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  // A week ahead at 09:00 UTC: a start late in the day would run the agenda past midnight in
  // Berlin, where the meeting's day ends, and the test would depend on when it runs.
  const soon = `${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}T09:00:00.000Z`;
  upcoming = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: soon, timeZone: 'Europe/Berlin', location: 'Koblenz; Room 2' })).body.meeting.id;
  await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2025-Q1', startsAt: '2025-02-01T09:00:00Z', timeZone: 'UTC' });
});
afterAll(() => srv?.close());

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('calendar', () => {
  it("a member's calendar has the upcoming meeting (parsed), not past ones", async () => {
    const r = await seed.members[0]!.get('/api/me/calendar.ics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/calendar/);
    const evs = events(r.body);
    expect(evs.map((e) => e.uid)).toEqual([`${upcoming}@peerboard`]);
    expect(evs[0]!.summary).toBe('Alpha Group: Quarterly meeting 2026-Q4');
    expect(evs[0]!.location).toBe('Koblenz; Room 2');
    // The standard agenda is 4 h 5 min.
    expect(evs[0]!.endDate.toJSDate().getTime() - evs[0]!.startDate.toJSDate().getTime()).toBe(245 * 60_000);
  });

  it('one meeting as .ics for its members only', async () => {
    expect(events((await seed.members[1]!.get(`/api/meetings/${upcoming}/calendar.ics`)).body)).toHaveLength(1);
    const stranger = new ApiClient(srv.url);
    expect((await stranger.get(`/api/meetings/${upcoming}/calendar.ics`)).status).toBe(401);
    const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Other', leadership: 'coach-led', format: 'online' })).body;
    const inv = (await seed.organiser.post(`/api/groups/${other.id}/invites`, { role: 'member' })).body;
    const outsider = new ApiClient(srv.url);
    await outsider.post(`/api/invites/${inv.url.split('/').pop()}/accept`, { name: 'Out Sider', email: 'out@example.com', password: 'correct horse battery', company: 'Out Co' });
    expect((await outsider.get(`/api/meetings/${upcoming}/calendar.ics`)).status).toBe(404);
    expect(events((await outsider.get('/api/me/calendar.ics')).body)).toHaveLength(0);
  });
});

describe('calendar feed', () => {
  it('subscribes without a session, and a revoked or replaced secret is refused', async () => {
    const m = seed.members[2]!;
    const created = await m.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);
    const anonymous = new ApiClient(srv.url);
    const feed = await anonymous.get(url.pathname);
    expect(feed.status).toBe(200);
    expect(events(feed.body).map((e) => e.uid)).toEqual([`${upcoming}@peerboard`]);

    const rotated = new URL((await m.post('/api/me/calendar-feed')).body.url);
    expect((await anonymous.get(url.pathname)).status).toBe(404);
    expect((await anonymous.get(rotated.pathname)).status).toBe(200);
    expect((await m.del('/api/me/calendar-feed')).status).toBe(204);
    const revoked = await anonymous.get(rotated.pathname);
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.code).toBe('not_found');
    expect((await anonymous.get('/api/calendar/nonsense.ics')).status).toBe(404);
  });
});
