// Meeting days over HTTP: scheduling with days (or a start and the template's days), the
// built-in two-day template, checks, moving days, and the .ics with one event per day (parsed
// by ical.js) across the autumn DST change.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
const iso = (e: ICAL.Event, which: 'startDate' | 'endDate') => e[which].toJSDate().toISOString();
// Berlin leaves summer time on Sunday 25 Oct 2026: day 1 is CEST (+2), day 2 CET (+1).
const TWO_DAYS = [{ date: '2026-10-24', start: '09:00', end: '17:00' }, { date: '2026-10-26', start: '08:30', end: '15:15' }];

describe('meeting days', () => {
  it('schedules a two-day meeting from the built-in template; the .ics has one event per day in UTC', async () => {
    const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, {
      quarter: '2026-Q4', timeZone: 'Europe/Berlin', templateId: 'two-day', days: TWO_DAYS, onlineUrl: 'https://meet.example.com/htg-q4',
    });
    expect(r.status).toBe(201);
    expect(r.body.meeting).toMatchObject({ startsAt: '2026-10-24T07:00:00.000Z', days: TWO_DAYS, onlineUrl: 'https://meet.example.com/htg-q4' });
    expect(r.body.state.agenda.filter((i: { kind: string }) => i.kind === 'day-end')).toHaveLength(1);
    expect(r.body.state.agenda.filter((i: { fixed?: boolean }) => i.fixed).map((i: { kind: string }) => i.kind)).toEqual(['new-goals', 'closing']);

    const ics = await seed.members[0]!.get(`/api/meetings/${r.body.meeting.id}/calendar.ics`);
    const evs = events(ics.body);
    expect(evs.map((e) => [e.uid, e.summary, iso(e, 'startDate'), iso(e, 'endDate')])).toEqual([
      [`${r.body.meeting.id}@peerboard`, 'Alpha Group: Quarterly meeting 2026-Q4 (day 1 of 2)', '2026-10-24T07:00:00.000Z', '2026-10-24T15:00:00.000Z'],
      [`${r.body.meeting.id}-day2@peerboard`, 'Alpha Group: Quarterly meeting 2026-Q4 (day 2 of 2)', '2026-10-26T07:30:00.000Z', '2026-10-26T14:15:00.000Z'],
    ]);
    expect(evs[0]!.description).toContain('times in Europe/Berlin');
    expect(evs[0]!.description).toContain('Call: https://meet.example.com/htg-q4');
  });

  it('given only a start, the days follow from the template: consecutive dates, each its agenda day long', async () => {
    const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, {
      quarter: '2027-Q1', timeZone: 'America/New_York', templateId: 'two-day', startsAt: '2027-03-13T14:00:00Z', // 09:00 EST
    });
    expect(r.status).toBe(201);
    // New York springs forward on 14 Mar 2027: day 2 still starts at 09:00 wall time.
    expect(r.body.meeting.days).toEqual([{ date: '2027-03-13', start: '09:00', end: '17:00' }, { date: '2027-03-14', start: '09:00', end: '15:45' }]);
    const one = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', timeZone: 'Europe/Berlin', startsAt: '2027-01-14T08:00:00Z' });
    expect(one.body.meeting.days).toEqual([{ date: '2027-01-14', start: '09:00', end: '13:05' }]);
  });

  it.each([
    ['days that do not match the agenda', { templateId: 'two-day', days: TWO_DAYS.slice(0, 1) }, /agenda has 2 day/],
    ['an end before the start', { days: [{ date: '2026-10-24', start: '17:00', end: '09:00' }] }, /end must come after/],
    ['days out of order', { templateId: 'two-day', days: [TWO_DAYS[1], TWO_DAYS[0]] }, /later dates/],
    ['an http call link', { startsAt: '2026-10-24T07:00:00Z', onlineUrl: 'http://meet.example.com/x' }, /https/],
    ['a javascript: call link', { startsAt: '2026-10-24T07:00:00Z', onlineUrl: 'javascript:alert(1)' }, /https|URL/i],
    ['neither start nor days', {}, /startsAt or days/],
    ['an unknown template', { startsAt: '2026-10-24T07:00:00Z', templateId: 'three-day' }, /no such template/],
  ])('refuses %s with 400', async (_name, extra, message) => {
    const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', timeZone: 'Europe/Berlin', ...extra });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toMatch(/bad_request|validation/);
    expect(JSON.stringify(r.body.error)).toMatch(message);
  });

  it('PATCH moves the days (startsAt follows) and a new zone keeps the wall times', async () => {
    const created = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', timeZone: 'Europe/Berlin', templateId: 'two-day', days: TWO_DAYS })).body.meeting;
    const moved = await seed.coach.patch(`/api/meetings/${created.id}`, { days: [{ date: '2026-11-05', start: '10:00', end: '18:00' }, { date: '2026-11-06', start: '09:00', end: '16:00' }] });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe('2026-11-05T09:00:00.000Z');
    const rezoned = await seed.coach.patch(`/api/meetings/${created.id}`, { timeZone: 'Europe/London' });
    expect(rezoned.body).toMatchObject({ startsAt: '2026-11-05T10:00:00.000Z', days: [{ date: '2026-11-05', start: '10:00' }, { date: '2026-11-06', start: '09:00' }] });
    const startOnly = await seed.coach.patch(`/api/meetings/${created.id}`, { startsAt: '2026-11-07T09:00:00Z' });
    expect(startOnly.status).toBe(400);
  });
});

describe('templates with days', () => {
  it('a coach creates, edits and deletes a two-day template, schedules from it, and saves a meeting as a template; others cannot', async () => {
    const items = [
      { kind: 'opening', title: 'Check-in', durationMs: 30 * 60_000 },
      { kind: 'break', title: 'Lunch', durationMs: 60 * 60_000 },
      { kind: 'day-end', title: 'End of day 1', durationMs: 60_000 },
      { kind: 'closing', title: 'Closing', durationMs: 20 * 60_000, fixed: true },
    ];
    const created = await seed.coach.post(`/api/groups/${seed.group.id}/templates`, { name: 'Retreat', items });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await seed.members[0]!.put(`/api/groups/${seed.group.id}/templates/${id}`, { name: 'Mine', items })).status).toBe(403);
    const edited = await seed.coach.put(`/api/groups/${seed.group.id}/templates/${id}`, { name: 'Retreat 2', items: items.slice(0, 4) });
    expect(edited.body).toMatchObject({ id, name: 'Retreat 2', items });
    const m = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q2', timeZone: 'Europe/Berlin', templateId: id, startsAt: '2027-04-15T07:00:00Z' });
    expect(m.body.meeting.days).toEqual([{ date: '2027-04-15', start: '09:00', end: '10:30' }, { date: '2027-04-16', start: '09:00', end: '09:20' }]);
    const saved = await seed.coach.post(`/api/meetings/${m.body.meeting.id}/template`, { name: 'From the April meeting' });
    expect(saved.status).toBe(201);
    expect(saved.body.items).toEqual(items);
    expect((await seed.coach.put(`/api/groups/${seed.group.id}/templates/nope`, { name: 'x', items })).status).toBe(404);
    expect((await seed.coach.post(`/api/groups/${seed.group.id}/templates`, { name: 'Bad', items: [items[2]] })).status).toBe(400);
    expect((await seed.coach.del(`/api/groups/${seed.group.id}/templates/${id}`)).status).toBe(204);
    expect((await seed.coach.del(`/api/groups/${seed.group.id}/templates/${id}`)).status).toBe(404);
  });
});
