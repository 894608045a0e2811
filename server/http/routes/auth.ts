// Set-up, login (throttled, server/auth/loginThrottle.ts), logout, me, invites; the account's
// sessions and password change.
import { Router, type Request, type Response } from 'express';
import { acceptInviteBody, loginBody, setupBody } from '../../../shared/api.ts';
import { DomainError } from '../../../shared/errors.ts';
import { changePasswordBody } from '../../../shared/sessions.ts';
import { attemptLogin, loginKeys, throttled } from '../../auth/loginThrottle.ts';
import { clearedSessionCookie, createSession, sessionCookie } from '../../auth/sessions.ts';
import * as accounts from '../../services/accounts.ts';
import * as sessions from '../../services/sessions.ts';
import { currentSession, currentUser, requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function authRoutes({ storage, secureCookies, live, sessionSockets, now = Date.now }: HttpDeps): Router {
  const r = Router();

  const signIn = async (req: Request, res: Response, userId: string) => {
    const { token } = await createSession(storage, userId, { userAgent: req.get('user-agent'), now: now() });
    res.setHeader('Set-Cookie', sessionCookie(token, secureCookies));
  };
  /** Counts the attempt for the account and the address, or refuses it with 429 while they wait. */
  const throttle = async (req: Request, email: string) => {
    const attempt = await attemptLogin(storage, loginKeys(email, req.ip ?? ''), now());
    if (!attempt.allowed) throw throttled(attempt.retryAfterMs);
    return attempt;
  };
  const requireSession = (res: Response) => {
    requireUser(res);
    const session = currentSession(res);
    if (!session) throw new DomainError('unauthenticated', 'Sign in first');
    return session;
  };

  r.get('/setup', route(async (_req, res) => res.json({ needed: await accounts.setupNeeded(storage) })));

  r.post('/setup', route(async (req, res) => {
    const user = await accounts.setup(storage, parseBody(setupBody, req.body));
    await signIn(req, res, user.id);
    res.status(201).json(await accounts.me(storage, user));
  }));

  r.post('/auth/login', route(async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const attempt = await throttle(req, body.email);
    const user = await accounts.login(storage, body);
    await attempt.succeeded();
    await signIn(req, res, user.id);
    res.json(await accounts.me(storage, user));
  }));

  r.post('/auth/logout', route(async (req, res) => {
    const session = currentSession(res);
    if (session) {
      await storage.deleteSession(session.tokenHash);
      sessionSockets.ended([session.id]);
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    res.status(204).end();
  }));

  r.get('/auth/sessions', route(async (_req, res) => {
    const session = requireSession(res);
    res.json({ sessions: await sessions.listSessions(storage, session.userId, session, now()) });
  }));

  // Ends one session; ending the current one signs this browser out too.
  r.delete('/auth/sessions/:id', route(async (req, res) => {
    const session = requireSession(res);
    const id = String(req.params.id);
    await sessions.endSession(storage, session.userId, id);
    sessionSockets.ended([id]);
    if (id === session.id) res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    res.status(204).end();
  }));

  // "Sign out everywhere": every other session, with its sockets, on every node.
  r.post('/auth/sessions/end-others', route(async (_req, res) => {
    const session = requireSession(res);
    const ended = await sessions.endOtherSessions(storage, session.userId, session);
    sessionSockets.ended(ended);
    res.json({ ended: ended.length });
  }));

  // Checking the current password counts like a sign-in attempt (same throttle).
  r.post('/auth/password', route(async (req, res) => {
    const session = requireSession(res);
    const user = requireUser(res);
    const body = parseBody(changePasswordBody, req.body);
    const attempt = await throttle(req, user.email);
    const ended = await sessions.changePassword(storage, user, session, body);
    await attempt.succeeded();
    sessionSockets.ended(ended);
    res.json({ ended: ended.length });
  }));

  r.get('/me', route(async (_req, res) => res.json(await accounts.me(storage, requireUser(res)))));

  r.get('/invites/:token', route(async (req, res) => res.json(await accounts.previewInvite(storage, String(req.params.token)))));

  r.post('/invites/:token/accept', route(async (req, res) => {
    const signedIn = currentUser(res);
    const user = await accounts.acceptInvite(storage, String(req.params.token), parseBody(acceptInviteBody, req.body ?? {}), signedIn);
    if (!signedIn) await signIn(req, res, user.id);
    // An existing member taking an invite with another role: their open connections follow it.
    else await live.recheckUser(user.id);
    res.json(await accounts.me(storage, user));
  }));

  return r;
}
