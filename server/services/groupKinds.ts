// Companion and special-interest groups: an organiser sets a group's kind; a companion group's
// invites name the parent group's company the person works for; a company's owner sees which
// companion groups their people are in (who, and when it next meets: never its content); owners
// whose company matches a special-interest group's segment ask to join, its coach or an
// organiser admits. Content rights stay per group (shared/access groupRules).
import { checkCompanionInvite, checkCoreInvite, checkInterestJoin, seesCompanionListing } from '../../shared/access/index.ts';
import type { Company } from '../../shared/companies.ts';
import type { Group, GroupRole } from '../../shared/domain.ts';
import { DomainError, type ApiError } from '../../shared/errors.ts';
import { kindFields, matchesSegment, type CompanionListing, type GroupKindBody, type GroupKindFields, type InterestGroupListing, type JoinDecision, type JoinRequest } from '../../shared/groupKinds.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { addMember } from './members.ts';
import { authorizeNetwork, networkSubject } from './networks.ts';

const fail = (e: ApiError | null): void => {
  if (e) throw new DomainError(e.code, e.message);
};

/** Checks a kind for a group of the network: a companion's parent is another core group of it. */
export async function settleKind(storage: Storage, networkId: string, body: GroupKindBody, self?: Group): Promise<GroupKindFields> {
  const k = kindFields(body);
  if (k.kind === 'companion') {
    // Among the network's groups of people (an event's host group is none).
    const parent = (await storage.listGroupsInNetwork(networkId)).find((g) => g.id === k.companionOf);
    if (!parent || parent.id === self?.id) throw new DomainError('bad_request', 'companionOf: no such group in this network');
    if (parent.kind !== 'core') throw new DomainError('bad_request', 'companionOf: a companion group serves a core peer group');
  }
  // A core group with companion groups stays core: their members work for its companies.
  if (self?.kind === 'core' && k.kind !== 'core' && (await storage.listCompanionGroups(self.id)).length > 0) {
    throw new DomainError('conflict', 'This group has companion groups; it stays a core peer group');
  }
  return k;
}

/** PUT /api/groups/:id/kind: an organiser converts a group. */
export async function setKind(storage: Storage, userId: string, groupId: string, body: GroupKindBody): Promise<Group> {
  const { group } = await authorizeGroup(storage, userId, groupId, 'group.kind');
  const k = await settleKind(storage, group.networkId, body, group);
  await storage.setGroupKind(groupId, k);
  return (await storage.getGroup(groupId))!;
}

/** The parent group's member companies, to choose from when inviting to a companion group. */
export async function companionCompanies(storage: Storage, userId: string, groupId: string): Promise<Pick<Company, 'id' | 'name'>[]> {
  const { group } = await authorizeGroup(storage, userId, groupId, 'group.invite');
  if (group.kind !== 'companion' || !group.companionOf) throw new DomainError('not_found', 'This group is not a companion group');
  return (await storage.listGroupCompanies(group.companionOf)).map((c) => ({ id: c.id, name: c.name }));
}

/** The company an invite to this group names (checked), or null; call after 'group.invite' passed. */
export async function inviteCompanyFor(storage: Storage, group: Group, role: GroupRole, companyId: string | undefined): Promise<string | null> {
  if (group.kind !== 'companion' || !group.companionOf) {
    fail(checkCoreInvite(companyId));
    return null;
  }
  const parent = await storage.listGroupCompanies(group.companionOf);
  fail(checkCompanionInvite(role, companyId, parent.map((c) => c.id)));
  return companyId ?? null;
}

/** GET /api/me/companions: the owner's people in companion groups, with each group's next meeting date. */
export async function myCompanions(storage: Storage, userId: string, now = Date.now()): Promise<CompanionListing[]> {
  const rows = await storage.listCompanionsOfOwner(userId);
  const subjects = new Map<string, Awaited<ReturnType<typeof networkSubject>>>();
  const out: CompanionListing[] = [];
  for (const r of rows) {
    if (!subjects.has(r.networkId)) subjects.set(r.networkId, await networkSubject(storage, userId, r.networkId));
    if (!seesCompanionListing(subjects.get(r.networkId)!, { ownerId: userId })) continue;
    const at = new Date(now).toISOString();
    const next = (await storage.listMeetings(r.groupId)).filter((m) => m.status === 'scheduled' && m.startsAt >= at).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    const { networkId: _n, ...listing } = r;
    out.push({ ...listing, nextMeeting: next ? { startsAt: next.startsAt, timeZone: next.timeZone } : null });
  }
  return out;
}

/** GET /api/networks/:id/interest-groups: the network's special-interest groups for a company owner. */
export async function interestGroups(storage: Storage, userId: string, networkId: string): Promise<InterestGroupListing[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.interest.browse');
  const [groups, company] = await Promise.all([storage.listGroupsInNetwork(networkId), storage.companyOfOwner(networkId, userId)]);
  const out: InterestGroupListing[] = [];
  for (const g of groups) {
    if (g.kind !== 'interest' || !g.segment) continue;
    const [membership, requests] = await Promise.all([storage.getMembership(g.id, userId), storage.listJoinRequestsOf(g.id, userId)]);
    out.push({ groupId: g.id, groupName: g.name, segment: g.segment, matches: company ? matchesSegment(company, g.segment) : false, member: membership !== null, request: requests[0] ?? null });
  }
  return out;
}

/** POST /api/groups/:id/join-requests: a member company whose profile matches asks to join. */
export async function requestJoin(storage: Storage, userId: string, groupId: string): Promise<JoinRequest> {
  const group = await storage.getGroup(groupId);
  const subject = group && (await networkSubject(storage, userId, group.networkId));
  // Outside the network, or not a special-interest group: nothing to ask for.
  if (!group || !subject || group.kind !== 'interest' || !group.segment || (!subject.organiser && !subject.participant)) throw new DomainError('not_found', 'No such special-interest group');
  if (await storage.getMembership(groupId, userId)) throw new DomainError('conflict', 'You are in this group already');
  const company = await storage.companyOfOwner(group.networkId, userId);
  fail(checkInterestJoin(subject, company, group.segment));
  const id = newId();
  if (!(await storage.createJoinRequest({ id, groupId, userId, companyId: company!.id }))) throw new DomainError('conflict', 'You asked to join this group already; its coach decides');
  return (await storage.getJoinRequest(id))!;
}

export async function joinRequests(storage: Storage, userId: string, groupId: string): Promise<JoinRequest[]> {
  await authorizeGroup(storage, userId, groupId, 'interest.admit');
  return storage.listJoinRequests(groupId);
}

/** The coach's (or an organiser's) decision; admitting re-checks the segment against the profile as it is now. */
export async function decideJoin(storage: Storage, userId: string, groupId: string, requestId: string, decision: JoinDecision): Promise<JoinRequest> {
  const { group } = await authorizeGroup(storage, userId, groupId, 'interest.admit');
  const request = await storage.getJoinRequest(requestId);
  if (!request || request.groupId !== groupId) throw new DomainError('not_found', 'No such request in this group');
  await storage.transaction(async (tx) => {
    if (decision === 'admit') {
      const company = await tx.getCompany(request.companyId);
      const subject = await networkSubject(tx, request.userId, group.networkId);
      fail(checkInterestJoin(subject, company, group.segment!));
    }
    if (!(await tx.decideJoinRequest(requestId, { decision, decidedBy: userId }))) throw new DomainError('conflict', 'This request was decided on already');
    if (decision === 'admit') await addMember(tx, groupId, request.userId, 'member', request.companyName);
  });
  return (await storage.getJoinRequest(requestId))!;
}
