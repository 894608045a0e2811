// Server-side sessions: the cookie holds a random token, the database its hash.
import { parse as parseCookie, serialize } from 'cookie';
import type { User } from '../../shared/domain.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { Storage } from '../storage/types.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'pb_session';

export async function createSession(storage: Storage, userId: string, now = Date.now()): Promise<string> {
  const token = newToken();
  await storage.createSession({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(now + LIMITS.sessionTtlMs).toISOString(),
  });
  return token;
}

/** The signed-in user for a Cookie header, or null (no cookie, unknown or expired session). */
export async function userFromCookieHeader(storage: Storage, cookieHeader: string | undefined): Promise<User | null> {
  const token = sessionTokenFrom(cookieHeader);
  if (!token) return null;
  const session = await storage.getSession(hashToken(token));
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return null;
  return storage.getUser(session.userId);
}

export function sessionTokenFrom(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  return parseCookie(cookieHeader)[SESSION_COOKIE] ?? null;
}

export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(LIMITS.sessionTtlMs / 1000),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
