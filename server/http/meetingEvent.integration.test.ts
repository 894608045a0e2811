// Which network event a meeting is part of: the group page's meetings, the meeting answer and the
// socket join name the event (id and name) to whoever may read the meeting, all of whom may open
// the event's page; a meeting of no event names none. Scheduling a group's meeting from the
// event page (POST /api/events/:id/meetings with days) puts it on the event's schedule.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GroupDetail, MeetingDetail } from '../../shared/api.ts';
import type { EventView } from '../../shared/events.ts';
import type { JoinResult } from '../../shared/protocol.ts';
import { ApiClient, connectSocket, emitAck, joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { dateAhead } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let outsider: ApiClient;
let view: EventView;
let ownId: string;
let plainId: string;
let gammaId: string;

const DAYS = [dateAhead(40), dateAhead(41)];
const day = (date: string, start = '09:00', end = '17:00') => ({ date, start, end });

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  gammaId = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body.id as string;
  outsider = await joinGroup(srv.url, seed.organiser, gammaId, 'Gus Gamma', 'member', 'Gus Oy');
  const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
    name: 'Super week',
    timeZone: 'Europe/Berlin',
    days: DAYS,
    groupIds: [seed.group.id],
    sessions: [{ title: 'Keynote day', days: [day(DAYS[1]!, '09:00', '12:00')] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  view = created.body;
  const plain = await seed.organiser.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q3', startsAt: `${dateAhead(90)}T08:00:00Z`, timeZone: 'Europe/Berlin' });
  plainId = plain.body.meeting.id;
});
afterAll(() => srv?.close());

describe("scheduling a group's meeting from the event page", () => {
  it('creates it on the chosen days with the chosen template and puts it on the schedule', async () => {
    const r = await seed.organiser.post(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, templateId: 'two-day', days: [day(DAYS[0]!), day(DAYS[1]!, '08:30', '15:15')] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ownId = r.body.id;
    expect(r.body.title).toBe('Super week: Alpha Group');
    const after = (await seed.organiser.get(`/api/events/${view.event.id}`)).body as EventView;
    expect(after.schedule.map((e) => [e.kind, e.meeting.id === ownId, e.meeting.days.map((d) => d.start)])).toEqual([
      ['group', true, ['09:00', '08:30']],
      ['shared', false, ['09:00']],
    ]);
  });

  it('answers the form with the reason it refuses: a template of other length, the coach', async () => {
    const one = await seed.organiser.post(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, templateId: 'two-day', days: [day(DAYS[0]!)] });
    expect(one.status).toBe(400);
    expect(one.body.error.message).toMatch(/the agenda has 2 day\(s\), 1 given/);
    expect((await seed.coach.post(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, days: [day(DAYS[0]!)] })).status).toBe(403);
  });
});

describe('the event a meeting is part of', () => {
  it("is on the group page's meetings for every reader of the group, and null for a meeting of no event", async () => {
    for (const c of [seed.organiser, seed.coach, seed.members[0]!, seed.observer]) {
      const g = (await c.get(`/api/groups/${seed.group.id}`)).body as GroupDetail;
      expect(Object.fromEntries(g.meetings.map((m) => [m.id, m.event]))).toEqual({ [ownId]: { id: view.event.id, name: 'Super week' }, [plainId]: null });
      // Each of them may open the event's page the answer points to.
      expect((await c.get(`/api/events/${view.event.id}`)).status).toBe(200);
    }
  });

  it('is in the meeting answer and the socket join, for a group meeting and a shared session alike', async () => {
    const ref = { id: view.event.id, name: 'Super week' };
    const sharedId = view.schedule.find((e) => e.kind === 'shared')!.meeting.id;
    for (const [id, expected] of [[ownId, ref], [sharedId, ref], [plainId, null]] as const) {
      expect(((await seed.members[0]!.get(`/api/meetings/${id}`)).body as MeetingDetail).event).toEqual(expected);
      const socket = await connectSocket(srv.url, seed.members[0]!.cookie);
      try {
        const joined = (await emitAck(socket, 'room:join', { meetingId: id, mode: 'remote' })) as { ok: true } & JoinResult;
        expect(joined.event).toEqual(expected);
      } finally {
        socket.close();
      }
    }
  });

  it("looks for a shared session only in a host group's meetings: a group's own meeting answers and joins without that read", async () => {
    const ref = { id: view.event.id, name: 'Super week' };
    const sharedId = view.schedule.find((e) => e.kind === 'shared')!.meeting.id;
    const sessionReads = vi.spyOn(srv.storage, 'eventOfMeeting');
    const socket = await connectSocket(srv.url, seed.members[0]!.cookie);
    try {
      const detail = (await seed.members[0]!.get(`/api/meetings/${ownId}`)).body as MeetingDetail;
      const joined = (await emitAck(socket, 'room:join', { meetingId: ownId, mode: 'remote' })) as { ok: true } & JoinResult;
      expect([detail.event, detail.sharedSession, joined.event, joined.sharedSession]).toEqual([ref, null, ref, null]);
      expect(sessionReads).not.toHaveBeenCalled();
      // The shared session still names itself, through that read.
      const session = (await seed.members[0]!.get(`/api/meetings/${sharedId}`)).body as MeetingDetail;
      expect(session.sharedSession?.event).toEqual(ref);
      expect(sessionReads).toHaveBeenCalledWith(sharedId);
    } finally {
      sessionReads.mockRestore();
      socket.close();
    }
  });

  it('tells nobody outside the group anything: the meeting and the event stay 404', async () => {
    expect((await outsider.get(`/api/meetings/${ownId}`)).status).toBe(404);
    expect((await outsider.get(`/api/events/${view.event.id}`)).status).toBe(404);
  });
});

describe("the group page's meetings of several events", () => {
  it('names each event only to whoever may open it, reading the links once and checking each event once', async () => {
    const autumn = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, { name: 'Autumn week', timeZone: 'Europe/Berlin', days: [dateAhead(120)], groupIds: [gammaId] });
    expect(autumn.status, JSON.stringify(autumn.body)).toBe(201);
    const autumnId = (autumn.body as EventView).event.id;
    const second = await seed.organiser.post(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, days: [day(DAYS[1]!, '13:00', '17:00')] });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const secondId = second.body.id as string;
    // Alpha takes no part in Autumn week, so the API makes no such link: its members may not open that event.
    const strayId = (await seed.organiser.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2028-Q1', startsAt: `${dateAhead(100)}T08:00:00Z`, timeZone: 'Europe/Berlin' })).body.meeting.id as string;
    expect(await srv.storage.linkEventMeeting(autumnId, strayId)).toBe(true);

    const superWeek = { id: view.event.id, name: 'Super week' };
    const reads = { many: vi.spyOn(srv.storage, 'eventsOfMeetings'), one: vi.spyOn(srv.storage, 'eventOfMeeting'), rights: vi.spyOn(srv.storage, 'eventAudienceRoles') };
    try {
      const g = (await seed.members[0]!.get(`/api/groups/${seed.group.id}`)).body as GroupDetail;
      expect(Object.fromEntries(g.meetings.map((m) => [m.id, m.event]))).toEqual({ [ownId]: superWeek, [secondId]: superWeek, [strayId]: null, [plainId]: null });
      expect(reads.many).toHaveBeenCalledTimes(1);
      expect(reads.one).not.toHaveBeenCalled();
      // Two events among four meetings: two checks.
      expect(reads.rights).toHaveBeenCalledTimes(2);
    } finally {
      for (const spy of Object.values(reads)) spy.mockRestore();
    }
    // The network's organiser may open both.
    const o = (await seed.organiser.get(`/api/groups/${seed.group.id}`)).body as GroupDetail;
    expect(o.meetings.find((m) => m.id === strayId)?.event).toEqual({ id: autumnId, name: 'Autumn week' });
    expect(o.meetings.find((m) => m.id === secondId)?.event).toEqual(superWeek);
    expect((await seed.members[0]!.get(`/api/events/${autumnId}`)).status).toBe(404);
  });
});
