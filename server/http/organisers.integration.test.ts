// More than one organiser per network, over real HTTP: an organiser invites another by link,
// and the second organiser can do everything the first can; nobody else can appoint one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const tokenOf = (url: string) => url.split('/').pop()!;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

describe('a second organiser', () => {
  it('only an organiser may invite one', async () => {
    for (const c of [seed.coach, seed.members[0]!]) {
      const r = await c.post(`/api/networks/${seed.networkId}/organisers/invites`);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    // An observer takes no part in the network: it learns nothing of it.
    expect((await seed.observer.post(`/api/networks/${seed.networkId}/organisers/invites`)).status).toBe(404);
    expect((await seed.coach.get(`/api/networks/${seed.networkId}/organisers`)).status).toBe(403);
    expect((await new ApiClient(srv.url).post(`/api/networks/${seed.networkId}/organisers/invites`)).status).toBe(401);
    expect((await seed.organiser.post('/api/networks/nope/organisers/invites')).status).toBe(404);
  });

  it('accepts by link with a new account, once, and can do what the first can', async () => {
    const inv = await seed.organiser.post(`/api/networks/${seed.networkId}/organisers/invites`);
    expect(inv.status).toBe(201);
    expect(inv.body.url).toMatch(/^\/organiser-invite\/[\w-]+$/);
    const token = tokenOf(inv.body.url);
    const anon = new ApiClient(srv.url);
    expect((await anon.get(`/api/organiser-invites/${token}`)).body).toMatchObject({ networkName: 'Test Network', invitedBy: 'Olga Organiser' });

    const second = new ApiClient(srv.url);
    const accepted = await second.post(`/api/organiser-invites/${token}/accept`, { name: 'Otto Second', email: 'otto.second@example.com', password: 'correct horse battery' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.networks.map((n: { id: string }) => n.id)).toEqual([seed.networkId]);
    // Every group of the network is theirs to see, as the first organiser's.
    expect(accepted.body.groups).toEqual([expect.objectContaining({ role: 'organiser', group: expect.objectContaining({ id: seed.group.id }) })]);
    const again = await new ApiClient(srv.url).post(`/api/organiser-invites/${token}/accept`, { name: 'Late', email: 'late@example.com', password: 'correct horse battery' });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('invite_used');

    const organisers = (await seed.organiser.get(`/api/networks/${seed.networkId}/organisers`)).body as { name: string }[];
    expect(organisers.map((o) => o.name)).toEqual(['Olga Organiser', 'Otto Second']);

    // What the first organiser does, the second does too.
    const n = seed.networkId;
    const g = seed.group.id;
    expect((await second.get(`/api/networks/${n}/groups`)).status).toBe(200);
    const made = await second.post(`/api/networks/${n}/groups`, { name: 'Gamma Group', leadership: 'coach-led', format: 'online', tags: [] });
    expect(made.status).toBe(201);
    expect((await second.patch(`/api/networks/${n}`, { currency: 'CHF' })).body.currency).toBe('CHF');
    expect((await second.patch(`/api/groups/${g}`, { name: 'Alpha Group (renamed)' })).status).toBe(200);
    expect((await second.post(`/api/groups/${g}/invites`, { role: 'coach' })).status).toBe(201);
    expect((await second.get(`/api/networks/${n}/outbox`)).status).toBe(200);
    expect((await second.get(`/api/groups/${g}/financials/2026-Q3`)).body.canSeeFigures).toBe(true);
    const meeting = await second.post(`/api/groups/${g}/meetings`, { quarter: '2026-Q4', startsAt: '2026-11-05T08:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(meeting.status).toBe(201);
    expect((await second.get(`/api/groups/${g}`)).body).toMatchObject({ role: 'organiser', allowed: expect.arrayContaining(['group.edit', 'group.members.manage', 'meeting.create']) });
    // ... and appoints a third, as the first did.
    expect((await second.post(`/api/networks/${n}/organisers/invites`)).status).toBe(201);
  });

  it('an existing member accepts while signed in and gains the organiser rights at once', async () => {
    const member = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Mo Later', 'member', 'Later GmbH');
    expect((await member.patch(`/api/groups/${seed.group.id}/members/${seed.members[0]!.userId}`, { company: 'X' })).status).toBe(403);
    const inv = await seed.organiser.post(`/api/networks/${seed.networkId}/organisers/invites`);
    const r = await member.post(`/api/organiser-invites/${tokenOf(inv.body.url)}/accept`);
    expect(r.status).toBe(200);
    expect(r.body.networks).toHaveLength(1);
    expect((await member.post(`/api/networks/${seed.networkId}/organisers/invites`)).status).toBe(201);
  });

  it('an unknown or expired link explains itself', async () => {
    expect((await new ApiClient(srv.url).get('/api/organiser-invites/nope')).status).toBe(404);
  });
});

describe('pending organiser invites', () => {
  const path = () => `/api/networks/${seed.networkId}/organisers/invites`;

  it('are mailed through the mail queue when an address is given, listed until used, and revoked by an organiser', async () => {
    const mailed = await seed.organiser.post(path(), { email: 'Nora.Next@Example.com' });
    expect(mailed.status).toBe(201);
    expect(mailed.body.invite).toMatchObject({ email: 'nora.next@example.com', revokedAt: null });
    const handed = await seed.organiser.post(path());
    expect(handed.body.invite.email).toBeNull();

    const outbox = (await seed.organiser.get(`/api/networks/${seed.networkId}/outbox`)).body as { kind: string; to: string; subject: string; text: string }[];
    const mail = outbox.filter((m) => m.to === 'nora.next@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: 'invite', subject: 'Invitation to organise Test Network on Peerboard' });
    expect(mail[0]!.text).toContain(`${mailed.body.url}`);
    expect(mail[0]!.text).toContain('Olga Organiser invites you');

    const pending = await seed.organiser.get(path());
    expect(pending.status).toBe(200);
    const ids = (pending.body as { id: string }[]).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mailed.body.invite.id, handed.body.invite.id]));
    expect(pending.body.find((i: { id: string }) => i.id === mailed.body.invite.id)).toEqual({
      id: mailed.body.invite.id, email: 'nora.next@example.com', expiresAt: mailed.body.invite.expiresAt, createdAt: mailed.body.invite.createdAt, createdByName: 'Olga Organiser',
    });

    // Only organisers list or revoke; an observer learns nothing of the network.
    for (const c of [seed.coach, seed.members[0]!]) {
      expect((await c.get(path())).status).toBe(403);
      expect((await c.del(`${path()}/${mailed.body.invite.id}`)).status).toBe(403);
    }
    expect((await seed.observer.get(path())).status).toBe(404);

    expect((await seed.organiser.del(`${path()}/${mailed.body.invite.id}`)).status).toBe(204);
    expect((await seed.organiser.get(path())).body.map((i: { id: string }) => i.id)).not.toContain(mailed.body.invite.id);
    expect((await seed.organiser.del(`${path()}/${mailed.body.invite.id}`)).status).toBe(409);
    expect((await seed.organiser.del(`${path()}/nope`)).status).toBe(404);

    // The revoked link no longer works, neither to preview nor to accept.
    const token = tokenOf(mailed.body.url);
    expect((await new ApiClient(srv.url).get(`/api/organiser-invites/${token}`)).body.error.code).toBe('invite_expired');
    const late = await new ApiClient(srv.url).post(`/api/organiser-invites/${token}/accept`, { name: 'Nora Next', email: 'nora.next@example.com', password: 'correct horse battery' });
    expect(late.status).toBe(410);
    expect((await seed.organiser.get(`/api/networks/${seed.networkId}/organisers`)).body.map((o: { name: string }) => o.name)).not.toContain('Nora Next');

    // A used invite leaves the list and cannot be revoked afterwards.
    const used = await new ApiClient(srv.url).post(`/api/organiser-invites/${tokenOf(handed.body.url)}/accept`, { name: 'Hal Handed', email: 'hal.handed@example.com', password: 'correct horse battery' });
    expect(used.status).toBe(200);
    expect((await seed.organiser.get(path())).body.map((i: { id: string }) => i.id)).not.toContain(handed.body.invite.id);
    expect((await seed.organiser.del(`${path()}/${handed.body.invite.id}`)).status).toBe(409);
  });

  it('refuses an address that is not one', async () => {
    const r = await seed.organiser.post(path(), { email: 'not-an-address' });
    expect(r.status).toBe(400);
  });
});
