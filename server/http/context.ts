// Per-request context: the signed-in user and the services, reached through res.locals.
import type { NextFunction, Request, Response } from 'express';
import type { User } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import { signedInFromCookieHeader } from '../auth/sessions.ts';
import type { SessionSockets } from '../realtime/sessionSockets.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { LiveAccess } from '../services/liveAccess.ts';
import type { RecordsNotifier } from '../services/recordsNotifier.ts';
import type { SessionRecord, Storage } from '../storage/types.ts';

export interface HttpDeps {
  storage: Storage;
  /** Tells the group's open meetings when goals or figures change (records:changed). */
  records: RecordsNotifier;
  /** Origins accepted on state-changing requests. */
  allowedOrigins: string[];
  /** Set the Secure flag on cookies (the public origin is https). */
  secureCookies: boolean;
  /** Queues mail (invitations, resets, recaps); held for the outbox when SMTP is not configured. */
  mailer: Mailer;
  /** Applies a rights change to open connections on every node (services/liveAccess.ts). */
  live: LiveAccess;
  /** Closes the sockets and /collab connections of ended sessions, on every node. */
  sessionSockets: SessionSockets;
  /** The clock of login throttling and sessions (tests move it instead of waiting). */
  now?: () => number;
}

export function loadUser(storage: Storage) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const signedIn = await signedInFromCookieHeader(storage, req.headers.cookie);
      res.locals.user = signedIn?.user ?? null;
      res.locals.session = signedIn?.session ?? null;
      next();
    } catch (e) {
      next(e);
    }
  };
}

export function currentUser(res: Response): User | null {
  return (res.locals.user as User | null | undefined) ?? null;
}

/** The session the request came with (set alongside the user). */
export function currentSession(res: Response): SessionRecord | null {
  return (res.locals.session as SessionRecord | null | undefined) ?? null;
}

export function requireUser(res: Response): User {
  const user = currentUser(res);
  if (!user) throw new DomainError('unauthenticated', 'Sign in first');
  return user;
}

/** Writes must come from our own pages: a cross-site Origin is refused (CSRF defence beside SameSite=Lax). */
export function checkOrigin(allowed: string[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !origin) return next();
    if (allowed.includes(origin)) return next();
    next(new DomainError('forbidden', 'Cross-site request refused'));
  };
}

/** Wraps an async route so a thrown error reaches the error handler. */
export const route =
  (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
    fn(req, res).catch(next);
  };
