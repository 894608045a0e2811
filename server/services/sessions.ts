// The account page's security: the signed-in sessions, ending one or all the others, and
// changing the password (which ends the others too). Closing their sockets is the caller's
// (SessionSockets), given the ids these return.
import { DomainError } from '../../shared/errors.ts';
import { deviceLabel, type ChangePasswordBody, type SessionView } from '../../shared/sessions.ts';
import type { User } from '../../shared/domain.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import type { SessionRecord, Storage } from '../storage/types.ts';

export async function listSessions(storage: Storage, userId: string, current: SessionRecord | null, now = Date.now()): Promise<SessionView[]> {
  const sessions = await storage.listSessionsOfUser(userId, new Date(now).toISOString());
  return sessions.map((s) => ({
    id: s.id,
    device: deviceLabel(s.userAgent),
    userAgent: s.userAgent,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    current: s.tokenHash === current?.tokenHash,
  }));
}

/** Ends one of the user's own sessions; someone else's id is not_found like an unknown one. */
export async function endSession(storage: Storage, userId: string, id: string): Promise<void> {
  if (!(await storage.deleteSessionOfUser(userId, id))) throw new DomainError('not_found', 'No such session');
}

/** "Sign out everywhere": every session of the user but the current one; the ids ended. */
export function endOtherSessions(storage: Storage, userId: string, current: SessionRecord): Promise<string[]> {
  return storage.deleteOtherSessions(userId, current.tokenHash);
}

/** Checks the current password, sets the new one and ends every other session; the ids ended. */
export async function changePassword(storage: Storage, user: User, current: SessionRecord, body: ChangePasswordBody): Promise<string[]> {
  const record = await storage.getUserByEmail(user.email);
  if (!record || !(await verifyPassword(body.currentPassword, record.passwordHash))) {
    throw new DomainError('invalid_credentials', 'Your current password is not right');
  }
  const passwordHash = await hashPassword(body.newPassword);
  return storage.transaction(async (tx) => {
    await tx.setPasswordHash(user.id, passwordHash);
    return tx.deleteOtherSessions(user.id, current.tokenHash);
  });
}
