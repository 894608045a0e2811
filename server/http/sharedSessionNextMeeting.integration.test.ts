// A shared session of a network event has no next meeting: each participating group schedules its
// own, and the event's organisers add the event's sessions on its page. Over real HTTP and sockets:
// GET /api/meetings/:id/next says there is none, PUT is refused with the reason to whoever sends it
// (its facilitator, an organiser, included), whatever the session's status, nothing is reserved or
// created and the session hears nothing of it; a group's own meeting schedules its next as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDetail, MeetingDetail } from '../../shared/api.ts';
import { addDays } from '../../shared/calendar/meetingDays.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import { emitAck, seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';
import { dateAhead } from '../testing/records.ts';
import { joinSession, MARKER_NOTICE, seedSharedSession, sessionMarker, type SharedSessionSeed } from '../testing/sharedSession.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: SharedSessionSeed['beta'];
let hostId: string;
let sharedId: string;
const sockets: ClientSocket[] = [];

const DAY = dateAhead(35);
const NO_NEXT = {
  code: 'forbidden',
  message: "A shared session of a network event has no next meeting: each group schedules its own, and the event's organisers schedule its sessions on the event page",
};
const BODY = { date: dateAhead(126), time: '09:00', location: 'Koblenz' };

const command = (socket: ClientSocket, meetingId: string, c: MeetingCommand) => emitAck(socket, 'meeting:command', { meetingId, command: c });
const putNext = (c: ApiClient, meetingId: string) => c.request('PUT', `/api/meetings/${meetingId}/next`, BODY);
const hostMeetingIds = async () => (await seed.organiser.get<GroupDetail>(`/api/groups/${hostId}`)).body.meetings.map((m) => m.id).sort();

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ beta, hostId, sharedId } = await seedSharedSession(srv, seed, DAY));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

describe("a shared session's next meeting", () => {
  it('GET /api/meetings/:id/next: there is none, for every attendee and the organiser; no one is allowed to schedule one', async () => {
    for (const c of [seed.organiser, seed.coach, seed.members[0]!, beta.coach, beta.member]) {
      const r = await c.get(`/api/meetings/${sharedId}/next`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body).toEqual({ proposal: null, next: null });
      expect((await c.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body.allowed).not.toContain('meeting.scheduleNext');
    }
  });

  it('PUT: refused with the reason to its facilitator (an organiser) and to every attendee, scheduled, live or ended; nothing is created and the session hears nothing', async () => {
    const before = await hostMeetingIds();
    const attendees = [seed.organiser, seed.coach, seed.members[0]!, beta.coach, beta.member];
    // Scheduled: the reason, not "not live yet".
    for (const c of attendees) expect(await putNext(c, sharedId)).toMatchObject({ status: 403, body: { error: NO_NEXT } });

    const olga = await joinSession(srv.url, seed.organiser, sharedId, sockets);
    const ben = await joinSession(srv.url, beta.member, sharedId, sockets);
    expect(olga.result.state.facilitatorId).toBe(olga.result.you.userId);
    expect((await command(olga.socket, sharedId, { type: 'meeting.start' })).ok).toBe(true);
    const heard: unknown[] = [];
    ben.socket.on('records:changed', (p) => heard.push(p));
    for (const c of attendees) expect(await putNext(c, sharedId)).toMatchObject({ status: 403, body: { error: NO_NEXT } });
    // Ben hears the marker sent after the refusals, and nothing before it.
    const topics = olga.result.state.agenda.find((i) => i.kind === 'topics')!;
    await sessionMarker(seed.organiser, sharedId, topics.id, [ben.socket]);
    expect(heard).toEqual([MARKER_NOTICE(sharedId)]);

    expect((await command(olga.socket, sharedId, { type: 'meeting.end' })).ok).toBe(true);
    expect(await putNext(seed.organiser, sharedId)).toMatchObject({ status: 403, body: { error: NO_NEXT } });
    // No meeting in the host group, and no next meeting reserved for the session.
    expect(await hostMeetingIds()).toEqual(before);
    expect(await srv.storage.getNextMeetingId(sharedId)).toBeNull();
    expect((await seed.organiser.get(`/api/meetings/${sharedId}/next`)).body).toEqual({ proposal: null, next: null });
  });

  it("a group's own meeting still proposes and schedules its next", async () => {
    const date = dateAhead(7);
    const own = await seed.coach.post<MeetingDetail>(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', days: [{ date, start: '09:00', end: '13:05' }], timeZone: 'Europe/Berlin', location: 'Koblenz' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const id = own.body.meeting.id;
    // Thirteen weeks on, same weekday and time; the quarter after the meeting's.
    const proposed = addDays(date, 91);
    expect((await seed.coach.get(`/api/meetings/${id}/next`)).body).toEqual({
      proposal: { date: proposed, time: '09:00', timeZone: 'Europe/Berlin', quarter: '2027-Q1', location: 'Koblenz', onlineUrl: null },
      next: null,
    });
    const cora = await joinSession(srv.url, seed.coach, id, sockets);
    expect((await command(cora.socket, id, { type: 'meeting.start' })).ok).toBe(true);
    const created = await seed.coach.request('PUT', `/api/meetings/${id}/next`, { date: proposed, time: '09:00' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.groupId).toBe(seed.group.id);
    expect((await seed.members[0]!.get(`/api/meetings/${id}/next`)).body.next).toEqual(created.body);
  });
});
