// Password reset by mail: single-use, expiring links, and the same answer whether or not the
// address has an account (no account enumeration).
import { DomainError } from '../../shared/errors.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { passwordResetMail } from '../mail/compose.ts';
import { MAIL_LIMITS } from '../mail/limits.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Storage } from '../storage/types.ts';

/** Always resolves the same way; a mail is queued only for a known address. */
export async function requestPasswordReset(deps: { storage: Storage; mailer: Mailer }, email: string, now = Date.now()): Promise<void> {
  const user = await deps.storage.getUserByEmail(email);
  if (!user) return;
  const token = newToken();
  const tokenHash = hashToken(token);
  await deps.storage.createPasswordReset({ tokenHash, userId: user.id, expiresAt: new Date(now + MAIL_LIMITS.passwordResetTtlMs).toISOString() });
  const text = passwordResetMail({ name: user.name, url: deps.mailer.link(`/reset-password/${token}`), validMinutes: MAIL_LIMITS.passwordResetTtlMs / 60_000 });
  await deps.mailer.queue(deps.storage, { kind: 'password_reset', to: user.email, userId: user.id, networkId: null, groupId: null, ...text, dedupeKey: `password_reset:${tokenHash}` });
}

/**
 * Sets the new password and signs the user out everywhere; the link is spent either way.
 * Returns the ids of the sessions ended, whose sockets the caller closes.
 */
export async function resetPassword(storage: Storage, token: string, password: string, now = Date.now()): Promise<string[]> {
  const passwordHash = await hashPassword(password);
  return storage.transaction(async (tx) => {
    const at = new Date(now).toISOString();
    const userId = await tx.usePasswordReset(hashToken(token), at);
    if (!userId) throw new DomainError('invite_expired', 'This reset link is used up or has expired: ask for a new one');
    await tx.setPasswordHash(userId, passwordHash);
    const ended = (await tx.listSessionsOfUser(userId, at)).map((s) => s.id);
    await tx.deleteSessionsOfUser(userId);
    return ended;
  });
}
