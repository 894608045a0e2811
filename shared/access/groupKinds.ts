// Rules across group kinds: what a company's owner sees of the companion groups their people are
// in, which company a companion invite may name, and who may ask to join a special-interest
// group. Content rights stay in groupRules.ts: they come from a membership of the group itself.
import type { Company } from '../companies.ts';
import type { GroupRole } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import { matchesSegment, segmentLabel, type InterestSegment } from '../groupKinds.ts';
import type { NetworkSubject } from './networkRules.ts';

const refuse = (code: ApiError['code'], message: string): ApiError => ({ code, message });

/**
 * The owner of the company a companion membership names sees it listed (group, person, next
 * meeting date), while they hold a member company's seat in the network; never the group's
 * meetings, notes or figures, which need a membership of it ('group.read').
 */
export const seesCompanionListing = (viewer: Pick<NetworkSubject, 'userId' | 'member'>, company: Pick<Company, 'ownerId'>): boolean =>
  viewer.member === true && company.ownerId === viewer.userId;

/**
 * A companion group's member works for one of the parent group's member companies and the invite
 * names it; coaches and observers work for none. The invite forms ask this to offer the company.
 */
export const invitedForCompany = (companion: boolean, role: GroupRole): boolean => companion && role === 'member';

export function checkCompanionInvite(role: GroupRole, companyId: string | undefined, parentCompanyIds: readonly string[]): ApiError | null {
  if (!invitedForCompany(true, role)) return companyId ? refuse('bad_request', 'companyId: only a member of a companion group is invited for a company') : null;
  if (!companyId) return refuse('bad_request', 'companyId: choose the company of the parent group the person works for');
  if (!parentCompanyIds.includes(companyId)) return refuse('bad_request', 'companyId: not a member company of the parent group');
  return null;
}

/** Only a companion group's invites name a company. */
export const checkCoreInvite = (companyId: string | undefined): ApiError | null =>
  companyId ? refuse('bad_request', 'companyId: only an invite to a companion group names a company') : null;

/**
 * Asking to join a special-interest group: a member company of the network (not a companion
 * group's employee) whose profile falls in the group's segment.
 */
export function checkInterestJoin(s: Pick<NetworkSubject, 'member'>, company: Pick<Company, 'sizeBand' | 'vertical' | 'businessModel'> | null, segment: InterestSegment): ApiError | null {
  if (s.member !== true || !company) return refuse('forbidden', 'Only a member company with a company profile may join a special-interest group');
  if (!matchesSegment(company, segment)) return refuse('forbidden', `Your company's profile is not in this group's segment (${segmentLabel(segment)})`);
  return null;
}
