// Network events (super week) over real HTTP, sockets and /collab: the shared sessions are open
// to every attendee of every participating group (and to nobody else); each group's own
// meeting of the event stays that group's; each person's .ics holds only their sessions.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import type { EventView } from '../../shared/events.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { ApiClient, connectSocket, emitAck, joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { dateAhead } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: { id: string; coach: ApiClient & { userId: string }; members: (ApiClient & { userId: string })[] };
let gamma: { id: string; member: ApiClient & { userId: string } };
let view: EventView;
let sharedId: string;
let alphaMeetingId: string;
let betaMeetingId: string;

// A month ahead whenever the test runs: each person's calendar feed holds only days still to
// come, so literal dates would drop out of it once they had passed.
const DAYS = [dateAhead(30), dateAhead(31), dateAhead(32)];
const day = (date: string, start = '09:00', end = '17:00') => ({ date, start, end });

async function newGroup(name: string) {
  const r = await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name, leadership: 'coach-led', format: 'hybrid', tags: [] });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/** Opens a raw /collab connection; resolves with 101 when let in, else the refusal's status. */
function collabStatus(cookie: string, docName: string): Promise<number> {
  const ws = new WebSocket(`${srv.url.replace(/^http/, 'ws')}/collab/${encodeURIComponent(docName)}`, { headers: { Cookie: cookie, Origin: srv.url } });
  return new Promise((resolve) => {
    ws.once('open', () => {
      resolve(101);
      ws.close();
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}

async function socketJoin(client: ApiClient, meetingId: string) {
  const socket = await connectSocket(srv.url, client.cookie);
  try {
    return await emitAck(socket, 'room:join', { meetingId, mode: 'remote' });
  } finally {
    socket.close();
  }
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const betaId = await newGroup('Beta Group');
  const join = (g: string, name: string, role: string, company?: string) => joinGroup(srv.url, seed.organiser, g, name, role, company);
  beta = { id: betaId, coach: await join(betaId, 'Bea Coach', 'coach'), members: [await join(betaId, 'Ben Beta', 'member', 'Ben BV'), await join(betaId, 'Bo Beta', 'member', 'Bo SA')] };
  const gammaId = await newGroup('Gamma Group');
  gamma = { id: gammaId, member: await join(gammaId, 'Gus Gamma', 'member', 'Gus Oy') };

  const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
    name: 'Super week 2027',
    timeZone: 'Europe/Berlin',
    days: DAYS,
    groupIds: [seed.group.id, betaId],
    sessions: [{ title: 'Universal content: pricing', days: [day(DAYS[2]!, '09:00', '12:00')] }],
    groupMeetings: [
      { groupId: seed.group.id, days: [day(DAYS[0]!)] },
      { groupId: betaId, templateId: 'two-day', days: [day(DAYS[0]!), day(DAYS[1]!, '08:30', '15:15')] },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  view = created.body;
  const of = (pred: (e: EventView['schedule'][number]) => boolean) => view.schedule.find(pred)!.meeting.id;
  sharedId = of((e) => e.kind === 'shared');
  alphaMeetingId = of((e) => e.meeting.groupId === seed.group.id);
  betaMeetingId = of((e) => e.meeting.groupId === betaId);
});
afterAll(() => srv?.close());

describe('creating a network event', () => {
  it("gives the organiser the whole schedule, with the event's host group kept out of the network's groups", async () => {
    expect(view.canManage).toBe(true);
    expect(view.groups.map((g) => g.name)).toEqual(['Alpha Group', 'Beta Group']);
    expect(view.schedule.map((e) => [e.kind, e.groupName, e.meeting.days.map((d) => d.date)])).toEqual([
      ['group', 'Alpha Group', [DAYS[0]]],
      ['group', 'Beta Group', [DAYS[0], DAYS[1]]],
      ['shared', 'Super week 2027', [DAYS[2]]],
    ]);
    const shared = await seed.organiser.get(`/api/meetings/${sharedId}`);
    expect(shared.body.state.agenda.map((i: { title: string }) => i.title)).toEqual(['Welcome', 'Keynote', 'Discussion', 'Closing']);
    const groups = (await seed.organiser.get(`/api/networks/${seed.networkId}/groups`)).body as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(['Alpha Group', 'Beta Group', 'Gamma Group']);
  });

  it('is for organisers only, and refuses groups, days and meetings that are not the event’s', async () => {
    const body = { name: 'X', timeZone: 'Europe/Berlin', days: DAYS, groupIds: [seed.group.id] };
    expect((await seed.coach.post(`/api/networks/${seed.networkId}/events`, body)).status).toBe(403);
    expect((await seed.members[0]!.post(`/api/events/${view.event.id}/sessions`, { title: 'Mine', days: [day(DAYS[2]!)] })).status).toBe(403);
    const bad = async (p: string, b: unknown) => (await seed.organiser.post(p, b)).body.error?.message as string;
    expect(await bad(`/api/networks/${seed.networkId}/events`, { ...body, groupIds: [view.event.hostGroupId] })).toMatch(/not a group of this network/);
    expect(await bad(`/api/events/${view.event.id}/sessions`, { title: 'Late', days: [day(dateAhead(33))] })).toMatch(/not a day of the event/);
    expect(await bad(`/api/events/${view.event.id}/meetings`, { groupId: gamma.id, days: [day(DAYS[0]!)] })).toMatch(/does not take part/);
    expect(await bad(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, meetingId: betaMeetingId })).toMatch(/not a meeting of that group/);
    expect(await bad(`/api/events/${view.event.id}/meetings`, { groupId: seed.group.id, meetingId: alphaMeetingId })).toMatch(/already belongs to an event/);
    // All or nothing: an event refused for its last session leaves no event, group or meeting behind.
    const refused = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
      ...body,
      groupMeetings: [{ groupId: seed.group.id, days: [day(DAYS[1]!)] }],
      sessions: [{ title: 'Fine', days: [day(DAYS[2]!)] }, { title: 'Late', days: [day(dateAhead(38))] }],
    });
    expect(refused.status).toBe(400);
    expect(((await seed.organiser.get('/api/events')).body as { name: string }[]).map((e) => e.name)).toEqual(['Super week 2027']);
    const names = ((await seed.organiser.get(`/api/networks/${seed.networkId}/groups`)).body as { name: string }[]).map((g) => g.name);
    expect(names).not.toContain('X');
    const alphaMeetings = (await seed.organiser.get(`/api/groups/${seed.group.id}`)).body.meetings as { id: string }[];
    expect(alphaMeetings.map((m) => m.id)).toEqual([alphaMeetingId]);
  });
});

describe('shared sessions', () => {
  it('are in every attendee’s schedule, beside their own group’s meeting only', async () => {
    const alpha = [seed.coach, ...seed.members, seed.observer];
    for (const c of alpha) {
      const mine = (await c.get<EventView>(`/api/events/${view.event.id}`)).body;
      expect(mine.canManage).toBe(false);
      expect(mine.schedule.map((e) => e.meeting.id)).toEqual([alphaMeetingId, sharedId]);
    }
    for (const c of [beta.coach, ...beta.members]) {
      expect((await c.get<EventView>(`/api/events/${view.event.id}`)).body.schedule.map((e) => e.meeting.id)).toEqual([betaMeetingId, sharedId]);
    }
    expect((await beta.members[0]!.get('/api/events')).body).toEqual([expect.objectContaining({ id: view.event.id, name: 'Super week 2027', days: DAYS })]);
  });

  it('open to every attendee of every participating group: HTTP, socket join and /collab', async () => {
    for (const c of [seed.coach, ...seed.members, beta.coach, ...beta.members]) {
      const detail = await c.get(`/api/meetings/${sharedId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.role).toBe('member');
      expect((await socketJoin(c, sharedId)).ok).toBe(true);
      expect(await collabStatus(c.cookie, commitmentsDocName(sharedId))).toBe(101);
    }
    // The room lists everyone in the audience, from both groups.
    const members = (await seed.organiser.get(`/api/meetings/${sharedId}`)).body.members.map((m: { name: string }) => m.name);
    expect(members).toEqual(expect.arrayContaining(['Cora Coach', 'Max One', 'Bea Coach', 'Ben Beta', 'Otto Observer']));
    // An observer of a participating group follows as an observer.
    expect((await seed.observer.get(`/api/meetings/${sharedId}`)).body.role).toBe('observer');
  });

  it('share one set of notes and one library between the groups', async () => {
    const a = collabClient(srv.url, seed.members[0]!.cookie, commitmentsDocName(sharedId));
    const b = collabClient(srv.url, beta.members[0]!.cookie, commitmentsDocName(sharedId));
    try {
      await waitUntil(() => a.provider.synced && b.provider.synced, 'both synced');
      a.doc.getArray<string>('probe').push(['from Alpha']);
      await waitUntil(() => b.doc.getArray<string>('probe').toArray().includes('from Alpha'), 'Beta sees Alpha’s note');
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
    const agenda = (await seed.organiser.get(`/api/meetings/${sharedId}`)).body.state.agenda as { id: string }[];
    const shared = await beta.members[1]!.post(`/api/meetings/${sharedId}/resources`, { itemId: agenda[1]!.id, title: 'Pricing study', url: 'https://example.com/pricing' });
    expect(shared.status).toBe(201);
    const library = (await seed.members[2]!.get(`/api/groups/${view.event.hostGroupId}/resources`)).body as { title: string }[];
    expect(library.map((r) => r.title)).toContain('Pricing study');
  });
});

describe("a group's own meeting of the event", () => {
  it('is open to that group alone: the other group gets 404, a refused join and a refused /collab', async () => {
    const cases: [ApiClient, string, string][] = [
      [beta.members[0]!, alphaMeetingId, betaMeetingId],
      [beta.coach, alphaMeetingId, betaMeetingId],
      [seed.members[0]!, betaMeetingId, alphaMeetingId],
      [seed.coach, betaMeetingId, alphaMeetingId],
    ];
    for (const [client, other, own] of cases) {
      expect((await client.get(`/api/meetings/${own}`)).status).toBe(200);
      const refused = await client.get(`/api/meetings/${other}`);
      expect(refused.status).toBe(404);
      const join = await socketJoin(client, other);
      expect(join.ok).toBe(false);
      expect(join.error.code).toBe('not_found');
      expect(await collabStatus(client.cookie, commitmentsDocName(other))).toBe(403);
      expect((await client.get(`/api/meetings/${other}/calendar.ics`)).status).toBe(404);
    }
  });
});

describe('a member of a group outside the event', () => {
  it('sees nothing of it: the event, its shared session and its .ics are refused', async () => {
    const gus = gamma.member;
    expect((await gus.get(`/api/events/${view.event.id}`)).status).toBe(404);
    expect((await gus.get('/api/events')).body).toEqual([]);
    expect((await gus.get(`/api/meetings/${sharedId}`)).status).toBe(404);
    expect((await gus.get(`/api/groups/${view.event.hostGroupId}/resources`)).status).toBe(404);
    expect((await socketJoin(gus, sharedId)).ok).toBe(false);
    expect(await collabStatus(gus.cookie, commitmentsDocName(sharedId))).toBe(403);
    expect((await gus.get(`/api/events/${view.event.id}/calendar.ics`)).status).toBe(404);
    expect((await gus.get('/api/me/calendar.ics')).body).not.toContain(sharedId);
  });

  it('an attendee removed from their group loses the shared session with it', async () => {
    const late = await joinGroup(srv.url, seed.organiser, beta.id, 'Lea Leaving', 'member', 'Lea AB');
    expect((await late.get(`/api/meetings/${sharedId}`)).status).toBe(200);
    expect((await seed.organiser.del(`/api/groups/${beta.id}/members/${late.userId}`)).status).toBe(204);
    expect((await late.get(`/api/meetings/${sharedId}`)).status).toBe(404);
    expect((await late.get(`/api/events/${view.event.id}`)).status).toBe(404);
  });
});

describe("the event's calendar", () => {
  const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim()).sort();

  it("holds only the person's own sessions, one entry per meeting day", async () => {
    const alpha = await seed.members[0]!.get(`/api/events/${view.event.id}/calendar.ics`);
    expect(alpha.status).toBe(200);
    expect(alpha.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(uids(alpha.body)).toEqual([`${alphaMeetingId}@peerboard`, `${sharedId}@peerboard`].sort());
    const b = (await beta.members[0]!.get(`/api/events/${view.event.id}/calendar.ics`)).body as string;
    expect(uids(b)).toEqual([`${betaMeetingId}@peerboard`, `${betaMeetingId}-day2@peerboard`, `${sharedId}@peerboard`].sort());
    expect(b).not.toContain(alphaMeetingId);
    expect(b).toContain('SUMMARY:Super week 2027: Universal content: pricing');
    // The organiser's holds every session of the event.
    expect(uids((await seed.organiser.get(`/api/events/${view.event.id}/calendar.ics`)).body)).toHaveLength(4);
  });

  it("the person's own calendar feed carries the shared sessions too", async () => {
    const feed = await beta.members[1]!.post('/api/me/calendar-feed');
    const path = new URL(feed.body.url).pathname;
    const ics = (await new ApiClient(srv.url).get(path)).body as string;
    expect(ics).toContain(`UID:${sharedId}@peerboard`);
    expect(ics).toContain(`UID:${betaMeetingId}@peerboard`);
    expect(ics).not.toContain(alphaMeetingId);
  });
});

describe('parking a topic from a shared session', () => {
  const park = (c: ApiClient, body: Record<string, unknown>) => c.post(`/api/meetings/${sharedId}/parking`, body);
  const lot = (groupId: string) => `/api/groups/${groupId}/parking`;
  const titles = async (c: ApiClient, groupId: string) => ((await c.get(lot(groupId))).body as { title: string }[]).map((i) => i.title);

  it("goes to the parker's own group: their group sees it, the other group and the host group do not", async () => {
    const keynote = ((await seed.organiser.get(`/api/meetings/${sharedId}`)).body.state.agenda as { id: string }[])[1]!.id;
    const ben = beta.members[0]!;
    const parked = await park(ben, { title: 'Beta: our own price tiers', itemId: keynote });
    expect(parked.status).toBe(201);
    expect(parked.body).toMatchObject({ groupId: beta.id, kind: 'parked', status: 'open', createdBy: ben.userId, sourceMeetingId: sharedId, sourceItemId: keynote });
    for (const c of [beta.coach, ...beta.members]) expect(await titles(c, beta.id)).toContain('Beta: our own price tiers');
    for (const c of [seed.coach, ...seed.members]) {
      expect(await titles(c, seed.group.id)).not.toContain('Beta: our own price tiers');
      expect((await c.get(lot(beta.id))).status).toBe(404);
    }
    // Not in the host group's lot either, which the whole audience could read.
    expect(await titles(seed.organiser, view.event.hostGroupId)).toEqual([]);
    // An Alpha member's goes to Alpha, out of Beta's sight.
    const alpha = await park(seed.members[0]!, { title: 'Alpha: a price increase letter' });
    expect(alpha.body.groupId).toBe(seed.group.id);
    expect(await titles(seed.coach, seed.group.id)).toContain('Alpha: a price increase letter');
    expect(await titles(ben, beta.id)).not.toContain('Alpha: a price increase letter');
  });

  it('trusts no group id it has not checked; strangers and observers park nothing', async () => {
    for (const groupId of [seed.group.id, view.event.hostGroupId, gamma.id, 'nope']) {
      const r = await park(beta.members[1]!, { title: 'Smuggled into another lot', groupId });
      expect(r.status, groupId).toBe(400);
    }
    for (const g of [seed.group.id, beta.id, view.event.hostGroupId]) expect(await titles(seed.organiser, g)).not.toContain('Smuggled into another lot');
    // A member of neither group: the session does not exist for them, whatever group they name.
    expect((await park(gamma.member, { title: 'Gamma matter' })).status).toBe(404);
    expect((await park(gamma.member, { title: 'Gamma matter', groupId: gamma.id })).status).toBe(404);
    expect(await titles(gamma.member, gamma.id)).toEqual([]);
    // An observer follows the session read-only.
    expect((await park(seed.observer, { title: 'Observed' })).status).toBe(403);
  });

  it('names the groups each attends through in the meeting answers; attending through several, one names the group', async () => {
    const groupsIn = async (c: ApiClient) => (await c.get(`/api/meetings/${sharedId}`)).body.sharedSession;
    const event = { id: view.event.id, name: 'Super week 2027' };
    // The room's groups are the same for everyone: the event's, in its order.
    const eventGroups = [{ id: seed.group.id, name: 'Alpha Group' }, { id: beta.id, name: 'Beta Group' }];
    expect(await groupsIn(beta.members[0]!)).toEqual({ event, groups: [{ id: beta.id, name: 'Beta Group' }], eventGroups });
    expect(await groupsIn(seed.coach)).toEqual({ event, groups: [{ id: seed.group.id, name: 'Alpha Group' }], eventGroups });
    expect(await groupsIn(seed.observer)).toEqual({ event, groups: [], eventGroups });
    expect((await socketJoin(beta.coach, sharedId)).sharedSession).toEqual({ event, groups: [{ id: beta.id, name: 'Beta Group' }], eventGroups });
    expect((await beta.coach.get(`/api/meetings/${betaMeetingId}`)).body.sharedSession).toBeNull();
    expect((await socketJoin(beta.coach, betaMeetingId)).sharedSession).toBeNull();

    // Bo of Beta joins Alpha as well.
    const bo = beta.members[1]!;
    const inv = await seed.organiser.post(`/api/groups/${seed.group.id}/invites`, { role: 'member' });
    expect((await bo.post(`/api/invites/${inv.body.url.split('/').pop()}/accept`, { company: 'Bo SA' })).status).toBe(200);
    expect((await groupsIn(bo)).groups.map((g: { name: string }) => g.name)).toEqual(['Alpha Group', 'Beta Group']);
    const unnamed = await park(bo, { title: 'Which group?' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.message).toMatch(/several groups/);
    expect((await park(bo, { title: 'For Alpha', groupId: seed.group.id })).body.groupId).toBe(seed.group.id);
    expect(await titles(seed.coach, seed.group.id)).toContain('For Alpha');
    expect(await titles(beta.coach, beta.id)).not.toContain('For Alpha');
    // An organiser in none of the groups parks for the group they name.
    expect((await groupsIn(seed.organiser)).groups.map((g: { name: string }) => g.name)).toEqual(['Alpha Group', 'Beta Group']);
    expect((await park(seed.organiser, { title: 'Follow-up for Beta', groupId: beta.id })).body.groupId).toBe(beta.id);
  });
});
