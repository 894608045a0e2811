// Server-side sessions: the cookie holds a random token, the database its hash.
import type { IncomingMessage } from 'node:http';
import { parse as parseCookie, serialize } from 'cookie';
import type { User } from '../../shared/domain.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { SessionRecord, Storage } from '../storage/types.ts';
import { hashToken, newId, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'pb_session';
/** Longest User-Agent kept: enough to name the browser and system on the account page. */
const USER_AGENT_MAX = 300;

export async function createSession(
  storage: Storage,
  userId: string,
  opts: { userAgent?: string; now?: number } = {},
): Promise<{ token: string; id: string }> {
  const token = newToken();
  const id = newId();
  await storage.createSession({
    tokenHash: hashToken(token),
    id,
    userId,
    userAgent: (opts.userAgent ?? '').slice(0, USER_AGENT_MAX),
    expiresAt: new Date((opts.now ?? Date.now()) + LIMITS.sessionTtlMs).toISOString(),
  });
  return { token, id };
}

export interface SignedIn {
  user: User;
  session: SessionRecord;
}

/**
 * Drops the cookie from a request that stays with a long-lived connection, once it has been
 * authenticated. socket.io keeps each socket's handshake request, and a node that asks the others
 * for the sockets in a room (presence) gets their handshakes over Redis: with the cookie left in,
 * every open connection would hold its user's live session token, in memory and in transit. The
 * database holds only the token's hash.
 */
export function forgetCookie(req: IncomingMessage): void {
  // Emptied in place, not deleted: a deleted property turns the headers object into a dictionary,
  // about 300 bytes more per connection (bench:memory).
  if (req.headers.cookie !== undefined) req.headers.cookie = undefined;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'cookie') raw[i + 1] = '';
}

/**
 * The signed-in user and their session for a Cookie header, or null (no cookie, unknown or
 * expired session). Refreshes the session's "last seen" when it is older than the touch interval.
 */
export async function signedInFromCookieHeader(storage: Storage, cookieHeader: string | undefined, now = Date.now()): Promise<SignedIn | null> {
  const token = sessionTokenFrom(cookieHeader);
  if (!token) return null;
  const session = await storage.getSession(hashToken(token));
  if (!session || Date.parse(session.expiresAt) <= now) return null;
  const user = await storage.getUser(session.userId);
  if (!user) return null;
  if (Date.parse(session.lastSeenAt) <= now - LIMITS.sessionTouchIntervalMs) {
    const at = new Date(now).toISOString();
    await storage.touchSession(session.tokenHash, at);
    session.lastSeenAt = at;
  }
  return { user, session };
}

/** The signed-in user for a Cookie header, or null (no cookie, unknown or expired session). */
export async function userFromCookieHeader(storage: Storage, cookieHeader: string | undefined): Promise<User | null> {
  return (await signedInFromCookieHeader(storage, cookieHeader))?.user ?? null;
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
