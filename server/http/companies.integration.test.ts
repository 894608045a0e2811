// Company profiles and the non-competing check over real HTTP: a company proposed for a group
// whose profile overlaps a current member's (same vertical and territory) is not invited until
// the coach decides, and the decision is recorded; memberships point to the company.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinGroup, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let legal: ApiClient & { userId: string };

const profile = (name: string, vertical: string, territory: string) => ({ name, sizeBand: '10-24', revenueBand: '1-3M', vertical, businessModel: 'managed-services', territory, tools: ['Autotask'] });
const myCompany = () => `/api/networks/${seed.networkId}/my-company`;
const alpha = () => `/api/groups/${seed.group.id}`;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  legal = await joinGroup(srv.url, seed.organiser, beta.group.id, 'Lea Legal', 'member', 'Lea IT');
});
afterAll(() => srv?.close());

describe('company profiles', () => {
  it('belong to their owner-member; memberships point to them', async () => {
    const saved = await put(seed.members[0]!, myCompany(), profile('One GmbH', 'Healthcare', 'Zurich'));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'One GmbH', ownerId: seed.members[0]!.userId, vertical: 'Healthcare', tools: ['Autotask'] });
    expect((await seed.members[0]!.get(myCompany())).body.company.id).toBe(saved.body.id);
    // The coach has no company of their own; an observer learns nothing of the network.
    expect((await put(seed.coach, myCompany(), profile('Coachy', 'x', 'y'))).status).toBe(403);
    expect((await put(seed.observer, myCompany(), profile('Watcher', 'x', 'y'))).status).toBe(404);
    expect((await put(seed.members[0]!, myCompany(), { ...profile('One GmbH', 'Healthcare', 'Zurich'), sizeBand: 'huge' })).status).toBe(400);

    const inGroup = await seed.members[1]!.get(`${alpha()}/companies`);
    expect(inGroup.body.map((c: { name: string }) => c.name)).toEqual(['One GmbH']);
    expect((await seed.observer.get(`${alpha()}/companies`)).status).toBe(403);
    expect((await beta.member.get(`${alpha()}/companies`)).status).toBe(404);
    // The member list shows the profile's name.
    const members = (await seed.coach.get(alpha())).body.members as { userId: string; company: string }[];
    expect(members.find((m) => m.userId === seed.members[0]!.userId)?.company).toBe('One GmbH');
  });
});

describe('the non-competing check', () => {
  it('warns on an overlapping profile, waits for the coach, and records the decision', async () => {
    const rival = (await put(beta.member, myCompany(), profile('Rival AG', ' healthcare ', 'ZURICH'))).body;
    const candidates = (await seed.coach.get(`/api/networks/${seed.networkId}/companies`)).body as { id: string }[];
    expect(candidates.map((c) => c.id)).toContain(rival.id);
    expect((await seed.members[1]!.get(`/api/networks/${seed.networkId}/companies`)).status).toBe(403);

    // Members of a coach-led group neither propose nor decide.
    expect((await seed.members[1]!.post(`${alpha()}/company-checks`, { companyId: rival.id })).status).toBe(403);
    const proposed = await seed.coach.post(`${alpha()}/company-checks`, { companyId: rival.id });
    expect(proposed.status).toBe(201);
    expect(proposed.body.url).toBeNull();
    expect(proposed.body.check).toMatchObject({ companyName: 'Rival AG', decision: null, overlaps: [{ companyName: 'One GmbH', ownerName: 'Max One', vertical: 'Healthcare', territory: 'Zurich' }] });
    const checkId = proposed.body.check.id;

    expect((await put(seed.members[1]!, `${alpha()}/company-checks/${checkId}/decision`, { decision: 'invite', reason: 'x' })).status).toBe(403);
    expect((await put(seed.coach, `${alpha()}/company-checks/${checkId}/decision`, { decision: 'invite', reason: '' })).status).toBe(400);
    const decided = await put(seed.coach, `${alpha()}/company-checks/${checkId}/decision`, { decision: 'invite', reason: 'Max serves clinics, Rival serves pharma labs: agreed by both' });
    expect(decided.status).toBe(200);
    expect(decided.body.url).toMatch(/^\/invite\//);
    expect(decided.body.check).toMatchObject({ decision: 'invite', decidedBy: seed.coach.userId, reason: expect.stringContaining('pharma') });
    expect((await put(seed.coach, `${alpha()}/company-checks/${checkId}/decision`, { decision: 'decline', reason: 'changed my mind' })).status).toBe(409);

    const record = (await seed.coach.get(`${alpha()}/company-checks`)).body as { id: string; decision: string; decidedAt: string }[];
    expect(record.find((k) => k.id === checkId)).toMatchObject({ decision: 'invite', decidedAt: expect.any(String) });

    // The owner accepts: their membership in this group points to their company too.
    const accepted = await beta.member.post(`/api/invites/${decided.body.url.split('/').pop()}/accept`, { company: 'typed name' });
    expect(accepted.status).toBe(200);
    expect(((await seed.members[1]!.get(`${alpha()}/companies`)).body as { name: string }[]).map((c) => c.name)).toEqual(['One GmbH', 'Rival AG']);
  });

  it('invites at once without an overlap, and records a declined one', async () => {
    const lea = (await put(legal, myCompany(), profile('Lea IT', 'Legal', 'Zurich'))).body;
    const clear = await seed.coach.post(`${alpha()}/company-checks`, { companyId: lea.id });
    expect(clear.body.check).toMatchObject({ overlaps: [], decision: 'invite' });
    expect(clear.body.url).toMatch(/^\/invite\//);

    // Lea's company now competes with nobody in Beta; another healthcare shop in Zurich would.
    const third = await joinGroup(srv.url, seed.organiser, beta.group.id, 'Hal Health', 'member', 'Hal');
    const hal = (await put(third, myCompany(), profile('Hal Health IT', 'Healthcare', 'Zurich'))).body;
    const proposed = await seed.coach.post(`${alpha()}/company-checks`, { companyId: hal.id });
    expect(proposed.body.check.overlaps.map((o: { companyName: string }) => o.companyName)).toEqual(['One GmbH', 'Rival AG']);
    const declined = await put(seed.coach, `${alpha()}/company-checks/${proposed.body.check.id}/decision`, { decision: 'decline', reason: 'Third clinic IT shop in Zurich' });
    expect(declined.body).toMatchObject({ url: null, check: { decision: 'decline', reason: 'Third clinic IT shop in Zurich' } });
    // Proposing a company already in the group, or an unknown one, is refused.
    expect((await seed.coach.post(`${alpha()}/company-checks`, { companyId: (await seed.members[0]!.get(myCompany())).body.company.id })).status).toBe(409);
    expect((await seed.coach.post(`${alpha()}/company-checks`, { companyId: 'nope' })).status).toBe(404);
  });
});
