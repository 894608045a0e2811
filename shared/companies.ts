// A member company's profile, owned by its owner-member, and the non-competing check: two
// companies compete when they serve the same vertical in the same territory. Profiles are per
// network (the network's groups are where competitors would meet).
import type { CompanyProfileBody } from './companyBodies.ts';

export type { CompanyProfileBody };

export const SIZE_BANDS = ['1-9', '10-24', '25-49', '50-99', '100-249', '250+'] as const;
/** Annual revenue, in the network's currency. */
export const REVENUE_BANDS = ['<1M', '1-3M', '3-10M', '10-30M', '30M+'] as const;
export const BUSINESS_MODELS = ['managed-services', 'project-services', 'reseller', 'software', 'cloud', 'consulting', 'other'] as const;

export type SizeBand = (typeof SIZE_BANDS)[number];
export type RevenueBand = (typeof REVENUE_BANDS)[number];
export type BusinessModel = (typeof BUSINESS_MODELS)[number];


export interface Company extends CompanyProfileBody {
  id: string;
  networkId: string;
  /** The owner-member: the only one who edits the profile. */
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

/** A current member company whose profile overlaps a candidate's. */
export interface CompanyOverlap {
  companyId: string;
  companyName: string;
  ownerId: string;
  ownerName: string;
  vertical: string;
  territory: string;
}

export type CompanyDecision = 'invite' | 'decline';

/** A proposed company checked against a group, and (once taken) the coach's decision. */
export interface CompanyCheck {
  id: string;
  groupId: string;
  companyId: string;
  companyName: string;
  overlaps: CompanyOverlap[];
  proposedBy: string;
  createdAt: string;
  /** null until decided; a check without overlaps needs no decision ('invite' at once). */
  decision: CompanyDecision | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}


/** POST /api/groups/:id/company-checks: the check, and the invite link when it was issued. */
export interface CompanyCheckResult {
  check: CompanyCheck;
  /** /invite/<token> for the company's owner; null while a decision is needed or when declined. */
  url: string | null;
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether two profiles compete: same vertical and same territory (case and spacing aside). */
export function profilesOverlap(a: Pick<Company, 'vertical' | 'territory'>, b: Pick<Company, 'vertical' | 'territory'>): boolean {
  return norm(a.vertical) === norm(b.vertical) && norm(a.territory) === norm(b.territory);
}
