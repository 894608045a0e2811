// Scheduling the next meeting at the closing, over HTTP with the live notice on the socket: only
// the facilitator or the group's leads, only once the meeting runs, another group's people get
// 404; scheduling again edits the same meeting, racing requests create one; the group's open
// meetings hear records:changed 'next'; the summary and the Markdown recap name it in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanDateTime } from '../../shared/calendar/humanDate.ts';
import { zonedToInstant } from '../../shared/calendar/zoned.ts';
import { connectSocket, emitAck, joinGroup, nextEvent, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
let strangerCoach: Awaited<ReturnType<typeof joinGroup>>;
const sockets: ClientSocket[] = [];
const ZONE = 'Europe/Berlin';

async function scheduleMeeting(facilitatorId: string): Promise<string> {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', days: [{ date: '2026-12-10', start: '09:00', end: '13:05' }], timeZone: ZONE, location: 'Koblenz', facilitatorId });
  expect(r.status).toBe(201);
  return r.body.meeting.id;
}

async function start(id: string, cookie: string): Promise<ClientSocket> {
  const s = await connectSocket(srv.url, cookie);
  sockets.push(s);
  await emitAck(s, 'room:join', { meetingId: id, mode: 'room' });
  expect((await emitAck(s, 'meeting:command', { meetingId: id, command: { type: 'meeting.start' } })).ok).toBe(true);
  return s;
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  // Max (a member) facilitates; in this coach-led group he may not schedule meetings otherwise.
  meetingId = await scheduleMeeting(seed.members[0]!.userId);
  const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
  strangerCoach = await joinGroup(srv.url, seed.organiser, other.id, 'Sam Stranger', 'coach');
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

describe('the next meeting', () => {
  it('is proposed 13 weeks on, same weekday and time, next quarter, same place', async () => {
    const view = (await seed.members[1]!.get(`/api/meetings/${meetingId}/next`)).body;
    expect(view).toEqual({ proposal: { date: '2027-03-11', time: '09:00', timeZone: ZONE, quarter: '2027-Q1', location: 'Koblenz', onlineUrl: null }, next: null });
    expect((await strangerCoach.get(`/api/meetings/${meetingId}/next`)).status).toBe(404);
  });

  it('cannot be scheduled before the meeting runs', async () => {
    const r = await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/next`, { date: '2027-03-11', time: '09:00' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('meeting_not_live');
  });

  it('only the facilitator or a lead schedules it; the room hears it live; again edits the same one', async () => {
    await start(meetingId, seed.members[0]!.cookie);
    const mia = await connectSocket(srv.url, seed.members[1]!.cookie);
    sockets.push(mia);
    await emitAck(mia, 'room:join', { meetingId, mode: 'remote' });

    const body = { date: '2027-03-11', time: '09:00' };
    for (const refused of [seed.members[1]!, seed.observer]) expect((await refused.request('PUT', `/api/meetings/${meetingId}/next`, body)).status).toBe(403);
    expect((await strangerCoach.request('PUT', `/api/meetings/${meetingId}/next`, body)).status).toBe(404);
    expect((await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/next`, { date: '2027-02-30', time: '09:00' })).status).toBe(400);
    expect((await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/next`, { date: '2027-03-11', time: '9am' })).status).toBe(400);
    expect((await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/next`, { ...body, onlineUrl: 'http://insecure.example.com' })).status).toBe(400);
    // Nothing was created by the refusals.
    expect((await seed.coach.get(`/api/meetings/${meetingId}/next`)).body.next).toBeNull();

    const heard = nextEvent(mia, 'records:changed', (p) => p.meetingId === meetingId && p.kind === 'next');
    const created = await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/next`, body);
    expect(created.status).toBe(201);
    await heard;
    const next = created.body;
    expect(next).toMatchObject({ groupId: seed.group.id, quarter: '2027-Q1', timeZone: ZONE, location: 'Koblenz', status: 'scheduled', startsAt: new Date(zonedToInstant('2027-03-11', '09:00', ZONE)!).toISOString() });
    const detail = (await seed.members[2]!.get(`/api/meetings/${next.id}`)).body;
    expect(detail.state.facilitatorId).toBe(seed.members[0]!.userId);
    expect((await seed.members[1]!.get(`/api/meetings/${meetingId}/next`)).body.next).toEqual(next);

    // The coach moves it and sets the call: the same meeting, edited; the room hears it again.
    const heardAgain = nextEvent(mia, 'records:changed', (p) => p.meetingId === meetingId && p.kind === 'next');
    const edited = await seed.coach.request('PUT', `/api/meetings/${meetingId}/next`, { date: '2027-03-18', time: '14:00', location: 'Bonn', onlineUrl: 'https://meet.example.com/q1' });
    expect(edited.status).toBe(200);
    await heardAgain;
    expect(edited.body).toMatchObject({ id: next.id, location: 'Bonn', onlineUrl: 'https://meet.example.com/q1', startsAt: new Date(zonedToInstant('2027-03-18', '14:00', ZONE)!).toISOString() });
    // The group page lists it once: this meeting and its next, nothing more.
    const { meetings } = (await seed.members[2]!.get(`/api/groups/${seed.group.id}`)).body as { meetings: { id: string }[] };
    expect(meetings.map((m) => m.id).sort()).toEqual([meetingId, next.id].sort());
  });

  it('racing requests create one meeting', async () => {
    const id = await scheduleMeeting(seed.coach.userId);
    await start(id, seed.coach.cookie);
    const answers = await Promise.all([0, 1, 2, 3].map(() => seed.coach.request('PUT', `/api/meetings/${id}/next`, { date: '2027-03-11', time: '10:00' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  });

  it('the summary and the Markdown recap say when it is, in words', async () => {
    const s = (await seed.members[1]!.get(`/api/meetings/${meetingId}/summary`)).body;
    expect(s.next.location).toBe('Bonn');
    const md: string = (await seed.members[1]!.get(`/api/meetings/${meetingId}/recap.md`)).body;
    const when = humanDateTime(zonedToInstant('2027-03-18', '14:00', ZONE)!, ZONE);
    expect(when).toBe('Thursday 18 March 2027, 14:00');
    expect(md).toContain(`## Next meeting\n\n${when} (${ZONE}) · Bonn · https://meet.example.com/q1`);
  });
});
