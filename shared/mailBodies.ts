// Request bodies about mail (zod): mail settings, invitations by mail, password resets. Apart from
// mail.ts so the group page, which only needs the bulk invitation's limit, does not load zod.
import { z } from 'zod';
import { companionInviteFields } from './inviteCompany.ts';
import { LIMITS } from './limits.ts';
import { BULK_INVITE_MAX } from './mail.ts';

export const mailPreferencesBody = z
  .object({
    prep_reminder: z.boolean().optional(),
    meeting_reminder: z.boolean().optional(),
    recap: z.boolean().optional(),
    overdue: z.boolean().optional(),
  })
  .strict();

// Invitations by mail and password resets (bodies of /api/groups/:id/invites/bulk and /api/auth/password-reset).
const address = z.string().trim().toLowerCase().email('Must be an email address').max(LIMITS.emailMax);
const role = z.enum(['coach', 'member', 'observer']);

export const bulkInviteBody = z.object({
  // companyId: in a companion group, the parent group's company a member works for.
  invites: z.array(z.object({ email: address, role, ...companionInviteFields })).min(1).max(BULK_INVITE_MAX),
  ttlMs: z.number().int().min(60_000).max(LIMITS.inviteMaxTtlMs).optional(),
});
export type BulkInviteBody = z.infer<typeof bulkInviteBody>;

export const passwordResetRequestBody = z.object({ email: address });
export const passwordResetBody = z.object({ password: z.string().min(LIMITS.passwordMinLength, `Password must be at least ${LIMITS.passwordMinLength} characters`).max(200) });

export const tokenBody = z.object({ token: z.string().min(1).max(200) });
export const passwordResetConfirmBody = tokenBody.extend({ password: passwordResetBody.shape.password });
