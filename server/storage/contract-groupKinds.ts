// Storage contract for group kinds: a group's kind and what it carries, companion memberships and
// invites naming a company, the owner's companion list, join requests to special-interest groups,
// and network figures counted from core groups only.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { Company } from '../../shared/companies.ts';
import { freshStorage, group, member, sleep, uid, user } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runGroupKindsContract(name: string, make: () => Promise<Storage>): void {
  describe(`group kinds storage contract: ${name}`, () => {
    const s = freshStorage(make);

    const profile = (networkId: string, ownerId: string, name: string): Omit<Company, 'createdAt' | 'updatedAt'> => ({
      id: uid('co'), networkId, ownerId, name, sizeBand: '10-24', revenueBand: '1-3M', vertical: 'Healthcare', businessModel: 'managed-services', territory: 'Zurich', tools: [],
    });

    async function companionFixture() {
      const { network, group: core } = await group(s(), { name: 'Alpha' });
      const owner = await member(s(), core.id, 'member', 'Olli Owner', 'Olli IT');
      const company = await s().saveCompany(profile(network.id, owner.id, 'Olli IT'));
      await s().linkMemberships(network.id, owner.id, company.id, company.name);
      const companion = await s().createGroup({ id: uid('group'), networkId: network.id, name: 'Alpha Marketing', leadership: 'coach-led', format: 'online', tags: [], kind: 'companion', companionOf: core.id });
      const manager = await member(s(), companion.id, 'member', 'Mara Manager', 'typed');
      await s().setMembershipCompany(companion.id, manager.id, company.id);
      return { network, core, owner, company, companion, manager };
    }

    it('creates groups core by default; a companion names its parent, an interest group its segment', async () => {
      const { network, group: core } = await group(s());
      expect(core).toMatchObject({ kind: 'core', companionOf: null, segment: null });
      expect(await s().getGroup(core.id)).toMatchObject({ kind: 'core', companionOf: null, segment: null });
      const sig = await s().createGroup({ id: uid('group'), networkId: network.id, name: 'MSPs', leadership: 'peer-led', format: 'online', tags: [], kind: 'interest', segment: { businessModel: 'managed-services', vertical: 'Legal' } });
      expect(await s().getGroup(sig.id)).toMatchObject({ kind: 'interest', companionOf: null, segment: { businessModel: 'managed-services', vertical: 'Legal' } });
      expect(await s().listCompanionGroups(core.id)).toEqual([]);
      expect(await s().setGroupKind(sig.id, { kind: 'companion', companionOf: core.id, segment: null })).toBe(true);
      expect(await s().getGroup(sig.id)).toMatchObject({ kind: 'companion', companionOf: core.id, segment: null });
      expect((await s().listCompanionGroups(core.id)).map((g) => g.id)).toEqual([sig.id]);
      expect(await s().setGroupKind('nope', { kind: 'core', companionOf: null, segment: null })).toBe(false);
      // Other settings leave the kind alone.
      await s().updateGroup(sig.id, { name: 'Alpha Marketing' });
      expect(await s().getGroup(sig.id)).toMatchObject({ name: 'Alpha Marketing', kind: 'companion' });
    });

    it("points a companion membership to the parent's company and lists it for the company's owner only", async () => {
      const { owner, company, companion, manager, core } = await companionFixture();
      expect(await s().membershipCompany(companion.id, manager.id)).toBe(company.id);
      expect((await s().listMembers(companion.id)).find((m) => m.userId === manager.id)?.company).toBe('Olli IT');
      expect(await s().listCompanionsOfOwner(owner.id)).toEqual([
        { groupId: companion.id, groupName: 'Alpha Marketing', networkId: core.networkId, companyId: company.id, companyName: 'Olli IT', userId: manager.id, personName: 'Mara Manager' },
      ]);
      expect(await s().listCompanionsOfOwner(manager.id)).toEqual([]);
      // The owner's own core membership is not a companion; re-linking the owner's memberships
      // leaves the companion membership's company as it is.
      const other = await s().saveCompany(profile(core.networkId, manager.id, 'Mara Freelance'));
      await s().linkMemberships(core.networkId, manager.id, other.id, other.name);
      expect(await s().membershipCompany(companion.id, manager.id)).toBe(company.id);
      await s().setMembershipCompany(companion.id, manager.id, null);
      expect(await s().listCompanionsOfOwner(owner.id)).toEqual([]);
    });

    it('keeps the company an invite names', async () => {
      const { company, companion, owner } = await companionFixture();
      const invite = await s().createInvite({ id: uid('inv'), tokenHash: uid('hash'), groupId: companion.id, role: 'member', createdBy: owner.id, expiresAt: '2099-01-01T00:00:00.000Z' });
      expect(await s().inviteCompany(invite.id)).toBeNull();
      await s().setInviteCompany(invite.id, company.id);
      expect(await s().inviteCompany(invite.id)).toBe(company.id);
    });

    it("lists pending invites with the name of the company each names, null for none or a company that is gone", async () => {
      const { company, companion, owner } = await companionFixture();
      const invite = async (email: string, companyId: string | null) => {
        const created = await s().createInvite({ id: uid('inv'), tokenHash: uid('hash'), groupId: companion.id, role: 'member', createdBy: owner.id, expiresAt: '2099-01-01T00:00:00.000Z', email });
        if (companyId) await s().setInviteCompany(created.id, companyId);
        await sleep(5); // the list is oldest first
        return created;
      };
      const named = await invite('a@example.com', company.id);
      await invite('b@example.com', null);
      await invite('c@example.com', uid('gone'));
      const pending = await s().listPendingInvites(companion.id, new Date().toISOString());
      expect(pending.map((p) => [p.email, p.companyName])).toEqual([['a@example.com', 'Olli IT'], ['b@example.com', null], ['c@example.com', null]]);
      expect(pending[0]).toMatchObject({ ...named, companyName: 'Olli IT' });
    });

    it('counts network figures from core groups only', async () => {
      const { network, core, owner, companion, manager } = await companionFixture();
      await s().upsertFigures([{ groupId: core.id, userId: owner.id, quarter: '2026-Q3', kpiKey: 'total_revenue', value: 100, coachOnly: false }]);
      await s().upsertFigures([{ groupId: companion.id, userId: manager.id, quarter: '2026-Q3', kpiKey: 'total_revenue', value: 7, coachOnly: false }]);
      expect((await s().listFiguresInNetwork(network.id, '2026-Q3')).map((f) => f.value)).toEqual([100]);
    });

    it('records one open join request per person and group, decided once', async () => {
      const { network, group: sig } = await group(s(), { name: 'MSPs' });
      const ann = await user(s(), 'Ann Owner');
      const company = await s().saveCompany(profile(network.id, ann.id, 'Ann IT'));
      const coach = await user(s(), 'Cora Coach');
      const first = uid('req');
      expect(await s().createJoinRequest({ id: first, groupId: sig.id, userId: ann.id, companyId: company.id })).toBe(true);
      expect(await s().createJoinRequest({ id: uid('req'), groupId: sig.id, userId: ann.id, companyId: company.id })).toBe(false);
      expect(await s().getJoinRequest(first)).toMatchObject({ id: first, groupId: sig.id, userId: ann.id, userName: 'Ann Owner', companyId: company.id, companyName: 'Ann IT', decision: null, decidedBy: null, decidedAt: null });
      expect(await s().decideJoinRequest(first, { decision: 'decline', decidedBy: coach.id })).toBe(true);
      expect(await s().decideJoinRequest(first, { decision: 'admit', decidedBy: coach.id })).toBe(false);
      expect(await s().getJoinRequest(first)).toMatchObject({ decision: 'decline', decidedBy: coach.id, decidedAt: expect.any(String) });
      // Declined: a new request may be made (a later one: the lists order by time).
      await sleep(5);
      const second = uid('req');
      expect(await s().createJoinRequest({ id: second, groupId: sig.id, userId: ann.id, companyId: company.id })).toBe(true);
      expect((await s().listJoinRequests(sig.id)).map((r) => r.id)).toEqual([first, second]);
      expect((await s().listJoinRequestsOf(sig.id, ann.id)).map((r) => r.id)).toEqual([second, first]);
      expect(await s().listJoinRequestsOf(sig.id, coach.id)).toEqual([]);
      expect(await s().getJoinRequest('nope')).toBeNull();
    });
  });
}
