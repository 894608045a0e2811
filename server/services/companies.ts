// Company profiles (owned by the owner-member, one per network) and the non-competing check:
// proposing a company for a group compares its profile with every current member company's;
// without an overlap the invite is issued at once, with one the coach decides, and the
// decision (who, when, why) stays on record.
import { profilesOverlap, type Company, type CompanyCheck, type CompanyCheckResult, type CompanyProfileBody } from '../../shared/companies.ts';
import { DomainError } from '../../shared/errors.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { createInvite } from './groups.ts';
import { authorizeNetwork } from './networks.ts';

export async function myCompany(storage: Storage, userId: string, networkId: string): Promise<Company | null> {
  await authorizeNetwork(storage, userId, networkId, 'network.company.own');
  return storage.companyOfOwner(networkId, userId);
}

/** Creates or updates the caller's own profile; every member membership of theirs in the network points to it. */
export async function saveMyCompany(storage: Storage, userId: string, networkId: string, body: CompanyProfileBody): Promise<Company> {
  await authorizeNetwork(storage, userId, networkId, 'network.company.own');
  return storage.transaction(async (tx) => {
    const existing = await tx.companyOfOwner(networkId, userId);
    const company = await tx.saveCompany({ ...body, id: existing?.id ?? newId(), networkId, ownerId: userId });
    await tx.linkMemberships(networkId, userId, company.id, company.name);
    return company;
  });
}

export async function networkCompanies(storage: Storage, userId: string, networkId: string): Promise<Company[]> {
  await authorizeNetwork(storage, userId, networkId, 'network.companies.read');
  return storage.listCompaniesInNetwork(networkId);
}

export async function groupCompanies(storage: Storage, userId: string, groupId: string): Promise<Company[]> {
  await authorizeGroup(storage, userId, groupId, 'companies.read');
  return storage.listGroupCompanies(groupId);
}

export async function companyChecks(storage: Storage, userId: string, groupId: string): Promise<CompanyCheck[]> {
  await authorizeGroup(storage, userId, groupId, 'companies.propose');
  return storage.listCompanyChecks(groupId);
}

/** Checks a company against the group's member companies; invites it at once when none overlaps. */
export async function proposeCompany(storage: Storage, userId: string, groupId: string, companyId: string): Promise<CompanyCheckResult> {
  const { group } = await authorizeGroup(storage, userId, groupId, 'companies.propose');
  const company = await storage.getCompany(companyId);
  // A company of another network is as unknown as one that does not exist.
  if (!company || company.networkId !== group.networkId) throw new DomainError('not_found', 'No such company in this network');
  if ((await storage.getMembership(groupId, company.ownerId))?.role === 'member') throw new DomainError('conflict', `${company.name} is already a member of this group`);
  const [members, current] = await Promise.all([storage.listMembers(groupId), storage.listGroupCompanies(groupId)]);
  const overlaps = current
    .filter((c) => c.id !== company.id && profilesOverlap(c, company))
    .map((c) => ({ companyId: c.id, companyName: c.name, ownerId: c.ownerId, ownerName: members.find((m) => m.userId === c.ownerId)?.name ?? '', vertical: c.vertical, territory: c.territory }));
  const check = await storage.createCompanyCheck({ id: newId(), groupId, companyId, overlaps, proposedBy: userId, decision: overlaps.length === 0 ? 'invite' : null });
  const url = check.decision === 'invite' ? (await createInvite(storage, userId, groupId, { role: 'member' })).url : null;
  return { check, url };
}

/** The coach's decision on an overlapping company, recorded once; 'invite' issues the invite link. */
export async function decideCompany(storage: Storage, userId: string, groupId: string, checkId: string, decision: 'invite' | 'decline', reason: string): Promise<CompanyCheckResult> {
  await authorizeGroup(storage, userId, groupId, 'companies.decide');
  const check = await storage.getCompanyCheck(checkId);
  if (!check || check.groupId !== groupId) throw new DomainError('not_found', 'No such check in this group');
  if (!(await storage.decideCompanyCheck(checkId, { decision, reason, decidedBy: userId }))) throw new DomainError('conflict', 'This company was decided on already');
  const url = decision === 'invite' ? (await createInvite(storage, userId, groupId, { role: 'member' })).url : null;
  return { check: (await storage.getCompanyCheck(checkId))!, url };
}
