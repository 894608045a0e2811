// Accounts, groups and invites over real HTTP against a real server and SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { ApiClient, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;

beforeAll(async () => {
  srv = await startTestServer();
  const fresh = new ApiClient(srv.url);
  expect((await fresh.get('/api/setup')).body).toEqual({ needed: true });
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

const invite = async (role: string, from = seed.organiser) => {
  const r = await from.post(`/api/groups/${seed.group.id}/invites`, { role });
  return String(r.body.url).split('/').pop()!;
};

describe('set-up and sign-in', () => {
  it('set-up runs once', async () => {
    const again = await new ApiClient(srv.url).post('/api/setup', { networkName: 'X', name: 'Y', email: 'y@example.com', password: 'long enough pw' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await new ApiClient(srv.url).get('/api/setup')).body).toEqual({ needed: false });
  });

  it('refuses a wrong password with a specific error, accepts the right one, and logs out', async () => {
    const c = new ApiClient(srv.url);
    const bad = await c.post('/api/auth/login', { email: 'olga@example.com', password: 'wrong password!' });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({ code: 'invalid_credentials', message: 'Wrong email or password' });
    const unknown = await c.post('/api/auth/login', { email: 'nobody@example.com', password: 'wrong password!' });
    expect(unknown.body.error.code).toBe('invalid_credentials');
    const ok = await c.post('/api/auth/login', { email: 'OLGA@example.com', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/pb_session=.+; .*HttpOnly/i);
    expect(ok.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect((await c.get('/api/me')).body.user.email).toBe('olga@example.com');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const after = await c.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthenticated');
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rec = await srv.storage.getUserByEmail('olga@example.com');
    expect(rec?.passwordHash).toMatch(/^scrypt\$/);
    expect(rec?.passwordHash).not.toContain('correct horse');
  });
});

describe('bad input', () => {
  it('answers malformed JSON, a failed schema, an oversized body and an unknown endpoint with clear errors', async () => {
    const c = seed.organiser;
    const malformed = await c.request('POST', '/api/auth/login', '{"email":', {});
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
    const schema = await c.post(`/api/networks/${seed.networkId}/groups`, { name: '', leadership: 'nobody', format: 'online' });
    expect(schema.status).toBe(400);
    expect(schema.body.error.message).toMatch(/^name:/);
    const huge = await c.post('/api/auth/login', { email: 'a@b.co', password: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const missing = await c.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('refuses a cross-site write', async () => {
    const r = await seed.organiser.request('POST', `/api/groups/${seed.group.id}/invites`, { role: 'member' }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });
});

describe('invites', () => {
  it('is single-use', async () => {
    const token = await invite('observer');
    expect((await new ApiClient(srv.url).get(`/api/invites/${token}`)).body).toMatchObject({ groupName: 'Alpha Group', role: 'observer' });
    const first = await new ApiClient(srv.url).post(`/api/invites/${token}/accept`, { name: 'Una Used', email: 'una@example.com', password: 'correct horse battery' });
    expect(first.status).toBe(200);
    const second = await new ApiClient(srv.url).post(`/api/invites/${token}/accept`, { name: 'Vic Late', email: 'vic@example.com', password: 'correct horse battery' });
    expect(second.status).toBe(410);
    expect(second.body.error.code).toBe('invite_used');
    expect(await srv.storage.getUserByEmail('vic@example.com')).toBeNull();
  });

  it('refuses an expired invite', async () => {
    await srv.storage.createInvite({
      id: 'expired-1',
      tokenHash: hashToken('expired-token'),
      groupId: seed.group.id,
      role: 'member',
      createdBy: seed.coach.userId,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    const r = await new ApiClient(srv.url).post('/api/invites/expired-token/accept', { name: 'Ed', email: 'ed@example.com', password: 'correct horse battery', company: 'Ed Inc' });
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('invite_expired');
  });

  it('an unknown invite token is not found', async () => {
    expect((await new ApiClient(srv.url).get('/api/invites/nope')).status).toBe(404);
  });

  it('a member joins with a company; a 13th company is refused and nothing is left behind', async () => {
    // The seed has 3 member companies; add 9 more to reach 12.
    for (let i = 4; i <= 12; i++) {
      const r = await new ApiClient(srv.url).post(`/api/invites/${await invite('member')}/accept`, {
        name: `Member ${i}`,
        email: `member${i}@example.com`,
        password: 'correct horse battery',
        company: `Company ${i}`,
      });
      expect(r.status).toBe(200);
    }
    const token = await invite('member');
    const r = await new ApiClient(srv.url).post(`/api/invites/${token}/accept`, { name: 'Thirteen', email: 'thirteen@example.com', password: 'correct horse battery', company: 'Unlucky Co' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('group_full');
    expect(r.body.error.message).toMatch(/12 member companies/);
    expect(await srv.storage.getUserByEmail('thirteen@example.com')).toBeNull();
    // The refused invite is still usable once a seat frees up.
    expect((await new ApiClient(srv.url).get(`/api/invites/${token}`)).status).toBe(200);
    // Promoting an observer to member is refused the same way.
    const promote = await seed.organiser.patch(`/api/groups/${seed.group.id}/members/${seed.observer.userId}`, { role: 'member', company: 'Obs Co' });
    expect(promote.body.error.code).toBe('group_full');
  });
});

describe('authorization', () => {
  it('a member of one group never reads or changes another group', async () => {
    const other = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'peer-led', format: 'online' })).body;
    const m = seed.members[0]!;
    expect((await m.get(`/api/groups/${other.id}`)).status).toBe(404);
    expect((await m.patch(`/api/groups/${other.id}`, { name: 'Hacked' })).status).toBe(404);
    expect((await m.post(`/api/groups/${other.id}/invites`, { role: 'member' })).status).toBe(404);
    expect((await m.post(`/api/groups/${other.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).status).toBe(404);
    expect((await m.get(`/api/networks/${seed.networkId}/groups`)).status).toBe(404);
    expect((await m.get(`/api/me`)).body.groups.map((g: any) => g.group.name)).toEqual(['Alpha Group']);
  });

  it('members of a coach-led group may not manage it; observers may not write', async () => {
    const m = seed.members[0]!;
    expect((await m.patch(`/api/groups/${seed.group.id}`, { name: 'Renamed' })).body.error.code).toBe('forbidden');
    expect((await m.post(`/api/groups/${seed.group.id}/invites`, { role: 'member' })).body.error.code).toBe('forbidden');
    expect((await seed.observer.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.error.code).toBe('forbidden');
    const detail = await m.get(`/api/groups/${seed.group.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.role).toBe('member');
  });

  it('the coach edits the group and schedules a meeting from the standard template', async () => {
    expect((await seed.coach.patch(`/api/groups/${seed.group.id}`, { tags: ['IT services'] })).body.tags).toEqual(['IT services']);
    const bad = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q5', startsAt: 'tomorrow', timeZone: 'Mars/Base' });
    expect(bad.status).toBe(400);
    const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, {
      quarter: '2026-Q4',
      startsAt: '2026-12-01T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
      location: 'Koblenz',
    });
    expect(r.status).toBe(201);
    expect(r.body.state.agenda.map((i: any) => i.kind)).toEqual(['opening', 'financials', 'goals', 'hotseat', 'topics', 'new-goals', 'closing']);
    expect(r.body.meeting.startsAt).toBe('2026-12-01T08:00:00.000Z');
    expect(r.body.state.facilitatorId).toBe(seed.coach.userId);
    const tpl = await seed.coach.post(`/api/groups/${seed.group.id}/templates`, { name: 'Short', items: [{ kind: 'hotseat', title: 'Hot seat', durationMs: 1_800_000 }] });
    expect(tpl.status).toBe(201);
    const fromTpl = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC', templateId: tpl.body.id });
    expect(fromTpl.body.state.agenda.map((i: any) => i.title)).toEqual(['Hot seat']);
    expect((await seed.members[1]!.get(`/api/meetings/${r.body.meeting.id}`)).status).toBe(200);
  });
});
