// What kind of group a group is: a core peer group of owners (the default), a companion group of
// a core group (its members work for that group's companies, e.g. their marketing managers), or
// a special-interest group open across the network to companies of one segment. Request bodies
// (zod), the segment match, and the response shapes; docs/API.md documents the same contract.
import { z } from 'zod';
import { BUSINESS_MODELS, SIZE_BANDS, type BusinessModel, type Company, type SizeBand } from './companies.ts';

export const GROUP_KINDS = ['core', 'companion', 'interest'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** The companies an interest group is open to: every field set must match the company's profile. */
export interface InterestSegment {
  sizeBand?: SizeBand;
  vertical?: string;
  businessModel?: BusinessModel;
}

export const interestSegment = z
  .object({
    sizeBand: z.enum(SIZE_BANDS).optional(),
    vertical: z.string().trim().min(1).max(80).optional(),
    businessModel: z.enum(BUSINESS_MODELS).optional(),
  })
  .refine((s) => s.sizeBand !== undefined || s.vertical !== undefined || s.businessModel !== undefined, 'segment: name a size band, a vertical or a business model');

/** A group's kind as an organiser sets it (creating a group, or PUT /api/groups/:id/kind). */
export const groupKindBody = z
  .object({
    kind: z.enum(GROUP_KINDS).default('core'),
    /** companion: the core group whose companies its members work for. */
    companionOf: z.string().min(1).max(64).nullable().optional(),
    /** interest: the segment its members' companies must match. */
    segment: interestSegment.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'companion' && !b.companionOf) ctx.addIssue({ code: 'custom', path: ['companionOf'], message: 'a companion group names the group whose companies it serves' });
    if (b.kind !== 'companion' && b.companionOf) ctx.addIssue({ code: 'custom', path: ['companionOf'], message: 'only a companion group names a parent group' });
    if (b.kind === 'interest' && !b.segment) ctx.addIssue({ code: 'custom', path: ['segment'], message: 'a special-interest group names its segment' });
    if (b.kind !== 'interest' && b.segment) ctx.addIssue({ code: 'custom', path: ['segment'], message: 'only a special-interest group has a segment' });
  });
export type GroupKindBody = z.infer<typeof groupKindBody>;

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

/** Inviting someone to a companion group names the parent group's company they work for. */
export const companionInviteFields = { companyId: z.string().min(1).max(64).optional() };

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

export const joinDecisionBody = z.object({ decision: z.enum(['admit', 'decline']) });

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
