// What kind of group a group is: a core peer group of owners (the default), a companion group of
// a core group (its members work for that group's companies, e.g. their marketing managers), or
// a special-interest group open across the network to companies of one segment. The segment
// match and the response shapes (request bodies: groupKindBodies.ts); docs/API.md documents them.
import type { BusinessModel, Company, SizeBand } from './companies.ts';
import type { GroupKindBody } from './groupKindBodies.ts';

export type { GroupKindBody };

export const GROUP_KINDS = ['core', 'companion', 'interest'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The companies an interest group is open to: every field set must match the company's profile. */
export interface InterestSegment {
  sizeBand?: SizeBand;
  vertical?: string;
  businessModel?: BusinessModel;
}


/** The stored form: what each kind carries, nothing else. */
export interface GroupKindFields {
  kind: GroupKind;
  companionOf: string | null;
  segment: InterestSegment | null;
}

export const kindFields = (b: GroupKindBody): GroupKindFields => ({ kind: b.kind, companionOf: b.kind === 'companion' ? (b.companionOf ?? null) : null, segment: b.kind === 'interest' ? (b.segment ?? null) : null });

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether a company's profile falls in the segment (vertical compared as the non-competing check does). */
export function matchesSegment(company: Pick<Company, 'sizeBand' | 'vertical' | 'businessModel'>, segment: InterestSegment): boolean {
  if (segment.sizeBand !== undefined && segment.sizeBand !== company.sizeBand) return false;
  if (segment.businessModel !== undefined && segment.businessModel !== company.businessModel) return false;
  if (segment.vertical !== undefined && norm(segment.vertical) !== norm(company.vertical)) return false;
  return true;
}

/** The segment in words, e.g. "10-24 staff · healthcare · managed-services". */
export function segmentLabel(s: InterestSegment): string {
  return [s.sizeBand && `${s.sizeBand} staff`, s.vertical, s.businessModel].filter(Boolean).join(' · ');
}


/** GET /api/me/companions: one of the owner's people in a companion group (never its content). */
export interface CompanionListing {
  groupId: string;
  groupName: string;
  companyId: string;
  companyName: string;
  userId: string;
  personName: string;
  /** The companion group's next scheduled meeting, if one is planned. */
  nextMeeting: { startsAt: string; timeZone: string } | null;
}

export type JoinDecision = 'admit' | 'decline';

/** A company owner asking to join a special-interest group, and the decision on it. */
export interface JoinRequest {
  id: string;
  groupId: string;
  userId: string;
  userName: string;
  companyId: string;
  companyName: string;
  createdAt: string;
  decision: JoinDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
}


/** GET /api/networks/:id/interest-groups: the network's special-interest groups as one owner sees them. */
export interface InterestGroupListing {
  groupId: string;
  groupName: string;
  segment: InterestSegment;
  /** The caller's company profile falls in the segment (false without a profile). */
  matches: boolean;
  /** Already a member of it. */
  member: boolean;
  /** The caller's latest request, if any. */
  request: JoinRequest | null;
}
