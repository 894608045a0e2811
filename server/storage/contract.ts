// The storage contract: one behavioural test suite that every Storage implementation must pass.
// sqlite.integration.test.ts and postgres.integration.test.ts run it against real databases.
import { describe, expect, it } from 'vitest';
import { bytes, group, member, uid, user, freshStorage } from './contract-fixtures.ts';
import { docContract } from './contract-docs.ts';
import { meetingContract, transactionContract } from './contract-live.ts';
import { UniqueViolationError } from './driver.ts';
import type { Storage } from './types.ts';

const isIso = (t: string): boolean => new Date(t).toISOString() === t;

/** Registers the suite; make() returns a storage over a fresh, empty database. */
export function runStorageContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract: ${name}`, () => {
    const s = freshStorage(make);

    accountContract(s);
    groupContract(s);
    inviteAndTemplateContract(s);
    meetingContract(s);
    transactionContract(s);
    docContract(s);
  });
}

function accountContract(s: () => Storage): void {
  describe('migrations', () => {
    it('can run again without changing or losing anything', async () => {
      const u = await user(s());
      await s().migrate();
      await s().migrate();
      expect(await s().getUser(u.id)).toEqual(u);
    });
  });

  describe('users', () => {
    it('round-trips a user and never returns the password hash from getUser', async () => {
      const created = await s().createUser({ id: uid('u'), email: 'Ada@Example.com', name: 'Ada', passwordHash: 'h1' });
      expect(isIso(created.createdAt)).toBe(true);
      const got = await s().getUser(created.id);
      expect(got).toEqual(created);
      expect(got).not.toHaveProperty('passwordHash');
    });

    it('finds a user by email in any letter case, with the password hash', async () => {
      const created = await s().createUser({ id: uid('u'), email: 'Ada@Example.com', name: 'Ada', passwordHash: 'h1' });
      expect(await s().getUserByEmail('ada@example.COM')).toEqual({ ...created, passwordHash: 'h1' });
    });

    it('returns null for unknown ids and emails', async () => {
      expect(await s().getUser('nobody')).toBeNull();
      expect(await s().getUserByEmail('nobody@example.com')).toBeNull();
    });

    it('refuses a second account with the same email, whatever its case', async () => {
      await s().createUser({ id: uid('u'), email: 'grace@example.com', name: 'Grace', passwordHash: 'h' });
      const dup = s().createUser({ id: uid('u'), email: 'GRACE@example.com', name: 'Other', passwordHash: 'h' });
      await expect(dup).rejects.toBeInstanceOf(UniqueViolationError);
      await expect(dup).rejects.toMatchObject({ code: 'conflict' });
      expect(await s().countUsers()).toBe(1);
    });

    it('refuses a duplicate id', async () => {
      const u = await user(s());
      await expect(s().createUser({ id: u.id, email: 'x@example.com', name: 'X', passwordHash: 'h' })).rejects.toBeInstanceOf(
        UniqueViolationError,
      );
    });

    it('counts users', async () => {
      expect(await s().countUsers()).toBe(0);
      await user(s());
      await user(s());
      expect(await s().countUsers()).toBe(2);
    });
  });

  describe('sessions', () => {
    it('round-trips, deletes, and returns null for unknown tokens', async () => {
      const u = await user(s());
      await s().createSession({ tokenHash: 'th1', userId: u.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      const got = await s().getSession('th1');
      expect(got).toMatchObject({ tokenHash: 'th1', userId: u.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      expect(isIso(got!.createdAt)).toBe(true);
      await s().deleteSession('th1');
      expect(await s().getSession('th1')).toBeNull();
      await s().deleteSession('th1'); // deleting twice is fine
    });

    it('deletes only sessions expired at the given time and says how many', async () => {
      const u = await user(s());
      await s().createSession({ tokenHash: 'old', userId: u.id, expiresAt: '2026-01-01T00:00:00.000Z' });
      await s().createSession({ tokenHash: 'edge', userId: u.id, expiresAt: '2026-06-01T00:00:00.000Z' });
      await s().createSession({ tokenHash: 'new', userId: u.id, expiresAt: '2026-12-01T00:00:00.000Z' });
      expect(await s().deleteExpiredSessions('2026-06-01T00:00:00.000Z')).toBe(2);
      expect(await s().getSession('old')).toBeNull();
      expect(await s().getSession('edge')).toBeNull();
      expect(await s().getSession('new')).not.toBeNull();
      expect(await s().deleteExpiredSessions('2026-06-01T00:00:00.000Z')).toBe(0);
    });
  });

  describe('networks and organisers', () => {
    it('round-trips a network and returns null for an unknown one', async () => {
      const n = await s().createNetwork({ id: uid('net'), name: 'EO Berlin' });
      expect(isIso(n.createdAt)).toBe(true);
      expect(await s().getNetwork(n.id)).toEqual(n);
      expect(await s().getNetwork('nope')).toBeNull();
    });

    it('keeps a currency per network (EUR by default) and a group override (null: the network\'s)', async () => {
      const n = await s().createNetwork({ id: uid('net'), name: 'Swiss' });
      expect(n.currency).toBe('EUR');
      expect(await s().updateNetwork(n.id, { currency: 'CHF' })).toMatchObject({ name: 'Swiss', currency: 'CHF' });
      expect(await s().updateNetwork(n.id, {})).toMatchObject({ currency: 'CHF' });
      expect(await s().updateNetwork('nope', { currency: 'USD' })).toBeNull();
      const { group: g } = await group(s(), { network: (await s().getNetwork(n.id))! });
      expect(g.currency).toBeNull();
      expect(await s().updateGroup(g.id, { currency: 'USD' })).toMatchObject({ currency: 'USD' });
      expect((await s().getGroup(g.id))?.currency).toBe('USD');
      expect(await s().updateGroup(g.id, { currency: null })).toMatchObject({ currency: null });
    });

    it('records organisers idempotently and lists their networks by name', async () => {
      const [ada, bob] = [await user(s()), await user(s())];
      const zurich = await s().createNetwork({ id: uid('net'), name: 'Zurich' });
      const berlin = await s().createNetwork({ id: uid('net'), name: 'berlin' });
      await s().addOrganiser(zurich.id, ada.id);
      await s().addOrganiser(zurich.id, ada.id);
      await s().addOrganiser(berlin.id, ada.id);
      expect(await s().isOrganiser(zurich.id, ada.id)).toBe(true);
      expect(await s().isOrganiser(zurich.id, bob.id)).toBe(false);
      expect(await s().listOrganisedNetworks(ada.id)).toEqual([berlin, zurich]);
      expect(await s().listOrganisedNetworks(bob.id)).toEqual([]);
    });

    it('lists organisers first appointed first, and uses an organiser invite once', async () => {
      const [ada, bob] = [await user(s(), 'Ada'), await user(s(), 'Bob')];
      const n = await s().createNetwork({ id: uid('net'), name: 'Two organisers' });
      await s().addOrganiser(n.id, ada.id);
      const invite = await s().createOrganiserInvite({ id: uid('oi'), networkId: n.id, tokenHash: uid('hash'), createdBy: ada.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      expect(invite).toMatchObject({ networkId: n.id, createdBy: ada.id, usedAt: null, usedBy: null });
      expect(await s().getOrganiserInviteByTokenHash('nope')).toBeNull();
      expect(await s().markOrganiserInviteUsed(invite.id, bob.id, '2026-01-01T00:00:00.000Z')).toBe(true);
      expect(await s().markOrganiserInviteUsed(invite.id, ada.id, '2026-01-02T00:00:00.000Z')).toBe(false);
      await s().addOrganiser(n.id, bob.id);
      expect((await s().listOrganisers(n.id)).map((o) => o.name)).toEqual(['Ada', 'Bob']);
    });
  });
}

function groupContract(s: () => Storage): void {
  describe('groups', () => {
    it('round-trips a group with its tags in order', async () => {
      const { group: g } = await group(s(), { tags: ['z-tag', 'a-tag', 'Ünïcode'] });
      expect(g.tags).toEqual(['z-tag', 'a-tag', 'Ünïcode']);
      expect(await s().getGroup(g.id)).toEqual(g);
      expect(await s().getGroup('nope')).toBeNull();
    });

    it('updates only the fields in the patch', async () => {
      const { group: g } = await group(s());
      expect(await s().updateGroup(g.id, { name: 'Renamed' })).toEqual({ ...g, name: 'Renamed' });
      expect(await s().updateGroup(g.id, { tags: [], format: 'online' })).toEqual({ ...g, name: 'Renamed', tags: [], format: 'online' });
      expect(await s().updateGroup(g.id, {})).toEqual({ ...g, name: 'Renamed', tags: [], format: 'online' });
      expect(await s().updateGroup('nope', { name: 'x' })).toBeNull();
    });

    it('lists the groups of one network by name', async () => {
      const { network, group: b } = await group(s(), { name: 'Beta' });
      const { group: a } = await group(s(), { network, name: 'alpha' });
      await group(s(), { name: 'Other network' });
      expect(await s().listGroupsInNetwork(network.id)).toEqual([a, b]);
      expect(await s().listGroupsInNetwork('nope')).toEqual([]);
    });
  });

  describe('memberships', () => {
    it('inserts, replaces, reads and removes a membership', async () => {
      const { group: g } = await group(s());
      const u = await user(s());
      await s().upsertMembership({ groupId: g.id, userId: u.id, role: 'observer', company: null });
      expect(await s().getMembership(g.id, u.id)).toEqual({ role: 'observer', company: null });
      await s().upsertMembership({ groupId: g.id, userId: u.id, role: 'member', company: 'Acme GmbH' });
      expect(await s().getMembership(g.id, u.id)).toEqual({ role: 'member', company: 'Acme GmbH' });
      expect(await s().removeMembership(g.id, u.id)).toBe(true);
      expect(await s().removeMembership(g.id, u.id)).toBe(false);
      expect(await s().getMembership(g.id, u.id)).toBeNull();
    });

    it('refuses a membership for a user that does not exist', async () => {
      const { group: g } = await group(s());
      await expect(s().upsertMembership({ groupId: g.id, userId: 'ghost', role: 'member', company: 'X' })).rejects.toThrow();
    });

    it('lists members coach first, then by name, with their name and email', async () => {
      const { group: g } = await group(s());
      const zoe = await member(s(), g.id, 'member', 'Zoe', 'Zeta AG');
      const obs = await member(s(), g.id, 'observer', 'Adam');
      const amy = await member(s(), g.id, 'member', 'amy', 'Alpha SE');
      const coach = await member(s(), g.id, 'coach', 'Yusuf');
      const list = await s().listMembers(g.id);
      expect(list.map((m) => m.userId)).toEqual([coach.id, amy.id, zoe.id, obs.id]);
      expect(list[1]).toEqual({ userId: amy.id, name: 'amy', email: amy.email, role: 'member', company: 'Alpha SE' });
    });

    it('keeps memberships of two groups apart', async () => {
      const { network, group: g1 } = await group(s());
      const { group: g2 } = await group(s(), { network, name: 'Second' });
      const both = await member(s(), g1.id, 'member', 'Both', 'Acme');
      await s().upsertMembership({ groupId: g2.id, userId: both.id, role: 'coach', company: null });
      const only1 = await member(s(), g1.id, 'member', 'Only one', 'Beta');
      expect((await s().listMembers(g2.id)).map((m) => m.userId)).toEqual([both.id]);
      expect(await s().getMembership(g2.id, only1.id)).toBeNull();
      expect(await s().removeMembership(g2.id, both.id)).toBe(true);
      expect(await s().getMembership(g1.id, both.id)).toEqual({ role: 'member', company: 'Acme' });
      expect(await s().listGroupsOfUser(only1.id)).toEqual([{ group: g1, role: 'member' }]);
    });

    it('lists the groups of a user with the role held in each, by group name', async () => {
      const { network, group: b } = await group(s(), { name: 'Beta' });
      const { group: a } = await group(s(), { network, name: 'Alpha' });
      const u = await member(s(), b.id, 'member', 'Ada', 'Acme');
      await s().upsertMembership({ groupId: a.id, userId: u.id, role: 'coach', company: null });
      expect(await s().listGroupsOfUser(u.id)).toEqual([
        { group: a, role: 'coach' },
        { group: b, role: 'member' },
      ]);
      expect(await s().listGroupsOfUser('nobody')).toEqual([]);
    });

    it('counts distinct member companies, not coaches or observers', async () => {
      const { network, group: g } = await group(s());
      const { group: other } = await group(s(), { network, name: 'Other' });
      expect(await s().countMemberCompanies(g.id)).toBe(0);
      await member(s(), g.id, 'coach', 'Coach', 'Coaching Ltd');
      await member(s(), g.id, 'observer', 'Observer', 'Watchers');
      await member(s(), g.id, 'member', 'A1', 'Acme');
      await member(s(), g.id, 'member', 'A2', 'Acme'); // co-owner: same seat
      await member(s(), g.id, 'member', 'B', 'Beta');
      await member(s(), g.id, 'member', 'Solo', null); // no company given: a seat of their own
      await member(s(), other.id, 'member', 'C', 'Gamma');
      expect(await s().countMemberCompanies(g.id)).toBe(3);
      expect(await s().countMemberCompanies(other.id)).toBe(1);
    });
  });
}

function inviteAndTemplateContract(s: () => Storage): void {
  async function invite(tokenHash = uid('th')) {
    const { group: g } = await group(s());
    const creator = await user(s());
    const inv = await s().createInvite({
      id: uid('inv'),
      tokenHash,
      groupId: g.id,
      role: 'member',
      createdBy: creator.id,
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    return { inv, g, creator };
  }

  describe('invites', () => {
    it('round-trips an invite by token hash and returns null for an unknown hash', async () => {
      const { inv } = await invite('hash-1');
      expect(inv).toMatchObject({ usedAt: null, usedBy: null, role: 'member' });
      expect(await s().getInviteByTokenHash('hash-1')).toEqual({ ...inv, tokenHash: 'hash-1' });
      expect(await s().getInviteByTokenHash('hash-2')).toBeNull();
    });

    it('refuses a second invite with the same token hash', async () => {
      const { inv } = await invite('same');
      const again = s().createInvite({ ...inv, id: uid('inv'), tokenHash: 'same' });
      await expect(again).rejects.toBeInstanceOf(UniqueViolationError);
    });

    it('marks an invite used exactly once', async () => {
      const { inv } = await invite('once');
      const [a, b] = [await user(s()), await user(s())];
      expect(await s().markInviteUsed(inv.id, a.id, '2026-05-01T10:00:00.000Z')).toBe(true);
      expect(await s().markInviteUsed(inv.id, b.id, '2026-05-01T10:00:01.000Z')).toBe(false);
      expect(await s().getInviteByTokenHash('once')).toMatchObject({ usedBy: a.id, usedAt: '2026-05-01T10:00:00.000Z' });
      expect(await s().markInviteUsed('unknown', a.id, '2026-05-01T10:00:00.000Z')).toBe(false);
    });

    it('lets only one of two concurrent redemptions win', async () => {
      const { inv } = await invite('race');
      const [a, b] = [await user(s()), await user(s())];
      const results = await Promise.all([
        s().markInviteUsed(inv.id, a.id, '2026-05-01T10:00:00.000Z'),
        s().markInviteUsed(inv.id, b.id, '2026-05-01T10:00:00.000Z'),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? a.id : b.id;
      expect(await s().getInviteByTokenHash('race')).toMatchObject({ usedBy: winner, usedAt: '2026-05-01T10:00:00.000Z' });
    });
  });

  describe('agenda templates', () => {
    it('round-trips a template and lists a group’s templates by name', async () => {
      const { network, group: g } = await group(s());
      const { group: other } = await group(s(), { network, name: 'Other' });
      const items = [
        { kind: 'opening' as const, title: 'Check-in', durationMs: 900_000 },
        { kind: 'hotseat' as const, title: 'Hot seat', durationMs: 3_600_000 },
      ];
      const z = await s().createTemplate({ id: uid('t'), groupId: g.id, name: 'Zeta day', items });
      const a = await s().createTemplate({ id: uid('t'), groupId: g.id, name: 'Annual retreat', items: [] });
      await s().createTemplate({ id: uid('t'), groupId: other.id, name: 'Elsewhere', items });
      expect(await s().getTemplate(z.id)).toEqual(z);
      expect(z.items).toEqual(items);
      expect(await s().getTemplate('nope')).toBeNull();
      expect(await s().listTemplates(g.id)).toEqual([a, z]);
    });

    it('updates and deletes a template (days, breaks and fixed flags kept)', async () => {
      const { group: g } = await group(s());
      const t = await s().createTemplate({ id: uid('t'), groupId: g.id, name: 'Two days', items: [{ kind: 'opening', title: 'Check-in', durationMs: 900_000 }] });
      const items = [
        { kind: 'opening' as const, title: 'Check-in', durationMs: 900_000 },
        { kind: 'break' as const, title: 'Lunch', durationMs: 3_600_000 },
        { kind: 'day-end' as const, title: 'End of day 1', durationMs: 60_000 },
        { kind: 'closing' as const, title: 'Closing', durationMs: 1_800_000, fixed: true },
      ];
      expect(await s().updateTemplate(t.id, { name: 'Retreat', items })).toEqual({ ...t, name: 'Retreat', items });
      expect(await s().updateTemplate('nope', { name: 'x', items })).toBeNull();
      expect(await s().deleteTemplate(t.id)).toBe(true);
      expect(await s().deleteTemplate(t.id)).toBe(false);
      expect(await s().listTemplates(g.id)).toEqual([]);
    });

    it('keeps a template’s hot-seat protocol: classic by default, a preset or custom stages; an update without one keeps it', async () => {
      const { group: g } = await group(s());
      const items = [{ kind: 'hotseat' as const, title: 'Hot seat', durationMs: 3_600_000 }];
      const plain = await s().createTemplate({ id: uid('t'), groupId: g.id, name: 'Plain', items });
      expect(plain.protocol).toEqual({ preset: 'classic' });
      const custom = {
        preset: 'custom' as const,
        name: 'Ours',
        stages: [
          { id: 'pitch', name: 'Pitch', share: 0.4, rule: 'Two sentences', kind: 'talk' as const },
          { id: 'round', name: 'Round', share: 0.6, rule: 'One idea each', kind: 'advice-round' as const },
        ],
      };
      const t = await s().createTemplate({ id: uid('t'), groupId: g.id, name: 'Custom', items, protocol: custom });
      expect(await s().getTemplate(t.id)).toEqual({ ...t, protocol: custom });
      expect(await s().updateTemplate(t.id, { name: 'Renamed', items })).toMatchObject({ name: 'Renamed', protocol: custom });
      expect(await s().updateTemplate(t.id, { name: 'Renamed', items, protocol: { preset: 'gestalt' } })).toMatchObject({ protocol: { preset: 'gestalt' } });
      expect((await s().getTemplate(plain.id))?.protocol).toEqual({ preset: 'classic' });
    });
  });

  describe('binary values', () => {
    it('keep every byte value', async () => {
      const all = bytes(...Array.from({ length: 256 }, (_, i) => i));
      await s().appendDocUpdate('bytes', all);
      const { updates } = await s().loadDoc('bytes');
      expect(updates[0]).toBeInstanceOf(Uint8Array);
      expect(Array.from(updates[0]!)).toEqual(Array.from(all));
    });
  });
}
