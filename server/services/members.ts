// Group membership rules: the 12-company cap lives here, used by invites and role changes.
import { hasCompany } from '../../shared/access/index.ts';
import type { GroupRole } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { Storage } from '../storage/types.ts';

/** Adds or changes a membership; refuses a 13th member company. Call inside a transaction. */
export async function addMember(
  tx: Storage,
  groupId: string,
  userId: string,
  role: GroupRole,
  company: string | null,
): Promise<void> {
  const existing = await tx.getMembership(groupId, userId);
  const becomesCompany = hasCompany(role) && !hasCompany(existing?.role ?? null);
  if (becomesCompany && (await tx.countMemberCompanies(groupId)) >= LIMITS.maxCompaniesPerGroup) {
    throw new DomainError(
      'group_full',
      `This group already has ${LIMITS.maxCompaniesPerGroup} member companies, the most a peer group can have`,
    );
  }
  if (hasCompany(role) && !company && !existing?.company) {
    throw new DomainError('bad_request', 'company: a member needs a company');
  }
  await tx.upsertMembership({
    groupId,
    userId,
    role,
    company: hasCompany(role) ? (company ?? existing?.company ?? null) : null,
  });
  // A member company with a profile in this network: the membership points to it. In a companion
  // group the membership names the company its member works for (set by the invite) instead.
  const found = hasCompany(role) ? await tx.getGroup(groupId) : null;
  const group = found?.kind === 'companion' ? null : found;
  const profile = group && (await tx.companyOfOwner(group.networkId, userId));
  if (group && profile) await tx.linkMemberships(group.networkId, userId, profile.id, profile.name);
}
