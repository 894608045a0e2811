// Group membership rules: the 12-company cap lives here, used by invites and role changes.
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
  const becomesCompany = role === 'member' && existing?.role !== 'member';
  if (becomesCompany && (await tx.countMemberCompanies(groupId)) >= LIMITS.maxCompaniesPerGroup) {
    throw new DomainError(
      'group_full',
      `This group already has ${LIMITS.maxCompaniesPerGroup} member companies, the most a peer group can have`,
    );
  }
  if (role === 'member' && !company && !existing?.company) {
    throw new DomainError('bad_request', 'company: a member needs a company');
  }
  await tx.upsertMembership({
    groupId,
    userId,
    role,
    company: role === 'member' ? (company ?? existing?.company ?? null) : null,
  });
}
