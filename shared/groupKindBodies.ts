// Request bodies about group kinds (zod): a group's kind and segment, a join decision (a companion
// invite's company: inviteCompany.ts). Apart from groupKinds.ts so the shared access rules, which
// every page loads, do not bring zod into the first bundle.
import { z } from 'zod';
import { BUSINESS_MODELS, SIZE_BANDS } from './companies.ts';
import { GROUP_KINDS } from './groupKinds.ts';

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

export const joinDecisionBody = z.object({ decision: z.enum(['admit', 'decline']) });
