// Companion and special-interest groups over real HTTP, sockets and the collab endpoint: an
// organiser creates a companion group of a core group; its invites name one of the parent's
// companies; a companion member sees only their own groups' data and the owner only the listing
// of their people (never the companion group's content); joining a special-interest group checks
// the company's segment and waits for its coach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { notesDocName } from '../../shared/collab/docNames.ts';
import { ApiClient, connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';
import { meetingWithNotes } from '../testing/notesMeeting.ts';
import { daysAheadAt, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let oneId: string;
let companion: { id: string };
let manager: ApiClient & { userId: string };

const profile = (name: string, businessModel: string) => ({ name, sizeBand: '10-24', revenueBand: '1-3M', vertical: 'Healthcare', businessModel, territory: 'Zurich', tools: [] });
const groupBody = (name: string, kind: Record<string, unknown>) => ({ name, leadership: 'coach-led', format: 'online', tags: [], ...kind });

/** The status of a /collab upgrade for this cookie: 101 when let in. */
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
    ws.on('error', () => {});
  });
}

/** Accepts an invite link as a new account and accepts the group's norms. */
async function accept(url: string, groupId: string, name: string, body: Record<string, unknown> = {}): Promise<ApiClient & { userId: string }> {
  const c = new ApiClient(srv.url);
  const r = await c.post(`/api/invites/${url.split('/').pop()}/accept`, { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`, password: 'correct horse battery', ...body });
  expect(r.status).toBe(200);
  expect((await c.post(`/api/groups/${groupId}/norms/accept`)).status).toBe(200);
  return Object.assign(c, { userId: r.body.user.id as string });
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  oneId = (await put(seed.members[0]!, `/api/networks/${seed.networkId}/my-company`, profile('One GmbH', 'managed-services'))).body.id;
  await put(seed.members[1]!, `/api/networks/${seed.networkId}/my-company`, profile('Two Ltd', 'software'));
});
afterAll(() => srv?.close());

describe('a companion group of a core group', () => {
  it('is created by an organiser and names a core group of the network as its parent', async () => {
    const nets = `/api/networks/${seed.networkId}/groups`;
    expect((await seed.organiser.post(nets, groupBody('No parent', { kind: 'companion' }))).status).toBe(400);
    expect((await seed.organiser.post(nets, groupBody('Unknown parent', { kind: 'companion', companionOf: 'nope' }))).status).toBe(400);
    expect((await seed.organiser.post(nets, groupBody('Core with parent', { companionOf: seed.group.id }))).status).toBe(400);
    const created = await seed.organiser.post(nets, groupBody('Alpha Marketing', { kind: 'companion', companionOf: seed.group.id }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'companion', companionOf: seed.group.id, segment: null });
    companion = created.body;
    // A companion of a companion is refused: companions serve core groups.
    expect((await seed.organiser.post(nets, groupBody('Nested', { kind: 'companion', companionOf: companion.id }))).status).toBe(400);
    // The parent now has a companion: it stays core. Converting is the organiser's alone.
    expect((await put(seed.coach, `/api/groups/${seed.group.id}/kind`, { kind: 'interest', segment: { vertical: 'Legal' } })).status).toBe(403);
    expect((await put(seed.organiser, `/api/groups/${seed.group.id}/kind`, { kind: 'interest', segment: { vertical: 'Legal' } })).status).toBe(409);
    expect((await seed.organiser.get(nets)).body.find((g: { id: string }) => g.id === seed.group.id).kind).toBe('core');
  });

  it("invites a manager for one of the parent group's companies", async () => {
    const invites = `/api/groups/${companion.id}/invites`;
    const choices = (await seed.organiser.get(`/api/groups/${companion.id}/companion-companies`)).body as { id: string; name: string }[];
    expect(choices.map((c) => c.name)).toEqual(['One GmbH', 'Two Ltd']);
    expect(choices[0]!.id).toBe(oneId);
    expect((await seed.organiser.post(invites, { role: 'member' })).status).toBe(400);
    // A company of the network outside the parent group is not a choice.
    const beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
    const betaCompany = (await put(beta.member, `/api/networks/${seed.networkId}/my-company`, profile('Beta Care', 'reseller'))).body.id as string;
    expect((await seed.organiser.post(invites, { role: 'member', companyId: betaCompany })).status).toBe(400);
    expect((await seed.organiser.post(invites, { role: 'member', companyId: 'not-a-company' })).status).toBe(400);
    // A core group's invite names no company.
    expect((await seed.organiser.post(`/api/groups/${seed.group.id}/invites`, { role: 'member', companyId: oneId })).status).toBe(400);

    const invite = await seed.organiser.post(invites, { role: 'member', companyId: oneId });
    expect(invite.status).toBe(201);
    const preview = await new ApiClient(srv.url).get(`/api/invites/${invite.body.url.split('/').pop()}`);
    expect(preview.body).toMatchObject({ groupName: 'Alpha Marketing', role: 'member', companyName: 'One GmbH' });
    // No company to type: the invite names it.
    manager = await accept(invite.body.url, companion.id, 'Mara Manager');
    const members = (await seed.organiser.get(`/api/groups/${companion.id}`)).body.members as { userId: string; company: string }[];
    expect(members.find((m) => m.userId === manager.userId)?.company).toBe('One GmbH');
  });

  it("a companion group's member sees only their own groups' data", async () => {
    const alpha = `/api/groups/${seed.group.id}`;
    const { meetingId, docName } = await meetingWithNotes(seed.coach, seed.group.id);
    const m1 = seed.members[0]!;
    expect((await put(m1, `${alpha}/figures/2026-Q3`, { figures: [{ kpiKey: 'total_revenue', value: 100 }] })).status).toBe(200);
    expect((await m1.post(`${alpha}/goals`, { quarter: '2026-Q4', text: 'Hire a marketing lead' })).status).toBe(201);
    const reads = [alpha, `/api/meetings/${meetingId}`, `${alpha}/financials/2026-Q3`, `${alpha}/goals`, `${alpha}/resources`, `${alpha}/search?q=marketing`, `${alpha}/kpis`, `${alpha}/companies`];
    // The owner reads each (so each route works), the manager gets nothing: not even that it exists.
    for (const path of reads) {
      expect((await m1.get(path)).status, path).toBe(200);
      expect((await manager.get(path)).status, path).toBe(404);
    }
    // Live: the socket join of the parent group's meeting and its notes doc are refused.
    const socket = await connectSocket(srv.url, manager.cookie);
    try {
      const join = await emitAck(socket, 'room:join', { meetingId, mode: 'remote' });
      expect(join.ok).toBe(false);
    } finally {
      socket.close();
    }
    expect(await collabStatus(m1.cookie, docName)).toBe(101);
    expect(await collabStatus(manager.cookie, docName)).toBe(403);
    // The network's figures are its companies': no benchmarks, no company profile of their own.
    expect((await manager.get(`/api/networks/${seed.networkId}/benchmarks?quarter=2026-Q3`)).status).toBe(404);
    expect((await put(manager, `/api/networks/${seed.networkId}/my-company`, profile('Mara Inc', 'other'))).status).toBe(404);
    // Their own group is theirs in full.
    expect((await manager.get(`/api/groups/${companion.id}`)).status).toBe(200);
    const mine = (await manager.get('/api/me')).body.groups.map((g: { group: { id: string } }) => g.group.id);
    expect(mine).toEqual([companion.id]);
  });

  it('the owner sees which companion group their people are in, and when it meets, but not its content', async () => {
    // Upcoming whenever the test runs: a fixed date would become the past and no next meeting.
    const startsAt = daysAheadAt(40);
    const made = await seed.organiser.post(`/api/groups/${companion.id}/meetings`, { quarter: '2027-Q1', startsAt, timeZone: 'Europe/Zurich' });
    expect(made.status).toBe(201);
    const meetingId: string = made.body.meeting.id;
    const docName = notesDocName(meetingId, made.body.state.agenda.find((i: { kind: string }) => i.kind !== 'hotseat').id);
    const m1 = seed.members[0]!;
    const list = await m1.get('/api/me/companions');
    expect(list.status).toBe(200);
    expect(list.body.companions).toEqual([
      { groupId: companion.id, groupName: 'Alpha Marketing', companyId: oneId, companyName: 'One GmbH', userId: manager.userId, personName: 'Mara Manager', nextMeeting: { startsAt, timeZone: 'Europe/Zurich' } },
    ]);
    // Another owner's people are not theirs; the manager owns no company.
    expect((await seed.members[1]!.get('/api/me/companions')).body.companions).toEqual([]);
    expect((await manager.get('/api/me/companions')).body.companions).toEqual([]);

    const comp = `/api/groups/${companion.id}`;
    for (const path of [comp, `/api/meetings/${meetingId}`, `${comp}/goals`, `${comp}/resources`, `${comp}/financials/2026-Q4`]) {
      expect((await manager.get(path)).status, path).toBe(200);
      expect((await m1.get(path)).status, path).toBe(404);
    }
    expect(await collabStatus(manager.cookie, docName)).toBe(101);
    expect(await collabStatus(m1.cookie, docName)).toBe(403);
  });

  it("invites by mail for one of the parent group's companies, checked as for the link", async () => {
    const bulk = `/api/groups/${companion.id}/invites/bulk`;
    const twoId = (await seed.organiser.get(`/api/groups/${companion.id}/companion-companies`)).body.find((c: { name: string }) => c.name === 'Two Ltd').id as string;
    const refused = async (invite: Record<string, unknown>, message: string) => {
      const r = await seed.organiser.post(bulk, { invites: [{ email: 'paul@example.com', role: 'member', ...invite }] });
      expect(r.status).toBe(400);
      expect(r.body.error).toEqual({ code: 'bad_request', message });
    };
    await refused({}, 'companyId: choose the company of the parent group the person works for');
    const beta = await otherGroup(srv.url, seed.organiser, seed.networkId, 'Gamma Group');
    const betaCompany = (await put(beta.member, `/api/networks/${seed.networkId}/my-company`, profile('Gamma Care', 'reseller'))).body.id as string;
    await refused({ companyId: betaCompany }, 'companyId: not a member company of the parent group');
    await refused({ role: 'observer', companyId: twoId }, 'companyId: only a member of a companion group is invited for a company');
    // Nothing of a refused request is pending.
    expect((await seed.organiser.get(`/api/groups/${companion.id}/invites`)).body.map((p: { email: string | null }) => p.email)).not.toContain('paul@example.com');

    const sent = await seed.organiser.post(bulk, { invites: [{ email: 'paul@example.com', role: 'member', companyId: twoId }] });
    expect(sent.status).toBe(201);
    const { url } = sent.body.invites[0] as { url: string };
    expect(sent.body.invites[0].invite.companyName).toBe('Two Ltd');
    const pending = (await seed.organiser.get(`/api/groups/${companion.id}/invites`)).body as { email: string | null; companyName: string | null }[];
    expect(pending.find((p) => p.email === 'paul@example.com')?.companyName).toBe('Two Ltd');
    expect((await new ApiClient(srv.url).get(`/api/invites/${url.split('/').pop()}`)).body).toMatchObject({ groupName: 'Alpha Marketing', role: 'member', companyName: 'Two Ltd' });
    const paul = await accept(url, companion.id, 'Paul');
    const members = (await seed.organiser.get(`/api/groups/${companion.id}`)).body.members as { userId: string; company: string }[];
    expect(members.find((m) => m.userId === paul.userId)?.company).toBe('Two Ltd');
    // Its owner sees the person listed as working for Two Ltd.
    const listed = (await seed.members[1]!.get('/api/me/companions')).body.companions as { personName: string; companyName: string }[];
    expect(listed.map((c) => [c.personName, c.companyName])).toEqual([['Paul', 'Two Ltd']]);
  });
});

describe('a special-interest group open by segment', () => {
  let sig: { id: string };
  it('takes requests from member companies whose profile matches; its coach admits', async () => {
    const created = await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, groupBody('MSP Circle', { kind: 'interest', segment: { businessModel: 'managed-services' } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'interest', segment: { businessModel: 'managed-services' }, companionOf: null });
    sig = created.body;
    expect((await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, groupBody('No segment', { kind: 'interest' }))).status).toBe(400);

    const listed = (await seed.members[1]!.get(`/api/networks/${seed.networkId}/interest-groups`)).body;
    expect(listed).toEqual([{ groupId: sig.id, groupName: 'MSP Circle', segment: { businessModel: 'managed-services' }, matches: false, member: false, request: null }]);

    // Two Ltd is a software company: refused, and nothing is recorded.
    const refused = await seed.members[1]!.post(`/api/groups/${sig.id}/join-requests`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('segment');
    // The manager works for a company but is not one; an observer holds no company seat.
    expect((await manager.post(`/api/groups/${sig.id}/join-requests`)).status).toBe(404);
    expect((await seed.observer.post(`/api/groups/${sig.id}/join-requests`)).status).toBe(404);
    // A core group takes no join requests.
    expect((await seed.members[0]!.post(`/api/groups/${seed.group.id}/join-requests`)).status).toBe(404);

    const asked = await seed.members[0]!.post(`/api/groups/${sig.id}/join-requests`);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ companyName: 'One GmbH', userName: 'Max One', decision: null });
    expect((await seed.members[0]!.post(`/api/groups/${sig.id}/join-requests`)).status).toBe(409);
    // Asking is not being in: nothing of the group yet.
    expect((await seed.members[0]!.get(`/api/groups/${sig.id}`)).status).toBe(404);

    const pending = await seed.organiser.get(`/api/groups/${sig.id}/join-requests`);
    expect(pending.body.map((r: { userId: string }) => r.userId)).toEqual([seed.members[0]!.userId]);
    expect((await seed.members[1]!.get(`/api/groups/${sig.id}/join-requests`)).status).toBe(404);
    const admitted = await put(seed.organiser, `/api/groups/${sig.id}/join-requests/${asked.body.id}`, { decision: 'admit' });
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ decision: 'admit', decidedBy: expect.any(String) });
    expect((await put(seed.organiser, `/api/groups/${sig.id}/join-requests/${asked.body.id}`, { decision: 'decline' })).status).toBe(409);

    const detail = await seed.members[0]!.get(`/api/groups/${sig.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.members.find((m: { userId: string }) => m.userId === seed.members[0]!.userId)).toMatchObject({ role: 'member', company: 'One GmbH' });
    expect((await seed.members[0]!.get(`/api/networks/${seed.networkId}/interest-groups`)).body[0]).toMatchObject({ matches: true, member: true, request: { decision: 'admit' } });
  });
});
