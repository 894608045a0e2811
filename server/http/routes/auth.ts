// Set-up, login, logout, me, invites.
import { Router } from 'express';
import { acceptInviteBody, loginBody, setupBody } from '../../../shared/api.ts';
import { DomainError } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { clearedSessionCookie, createSession, sessionCookie, sessionTokenFrom } from '../../auth/sessions.ts';
import { hashToken } from '../../auth/tokens.ts';
import * as accounts from '../../services/accounts.ts';
import { currentUser, requireUser, route, type HttpDeps } from '../context.ts';
import { WindowLimiter } from '../rateLimit.ts';
import { parseBody } from '../validate.ts';

export function authRoutes({ storage, secureCookies, live }: HttpDeps): Router {
  const r = Router();
  const limiter = new WindowLimiter(LIMITS.loginAttemptsPerWindow, LIMITS.loginWindowMs);

  const signIn = async (res: import('express').Response, userId: string) => {
    const token = await createSession(storage, userId);
    res.setHeader('Set-Cookie', sessionCookie(token, secureCookies));
  };

  r.get('/setup', route(async (_req, res) => res.json({ needed: await accounts.setupNeeded(storage) })));

  r.post('/setup', route(async (req, res) => {
    const user = await accounts.setup(storage, parseBody(setupBody, req.body));
    await signIn(res, user.id);
    res.status(201).json(await accounts.me(storage, user));
  }));

  r.post('/auth/login', route(async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const key = `${body.email}|${req.ip}`;
    if (!limiter.hit(key)) throw new DomainError('rate_limited', 'Too many sign-in attempts; wait a few minutes');
    const user = await accounts.login(storage, body);
    limiter.reset(key);
    await signIn(res, user.id);
    res.json(await accounts.me(storage, user));
  }));

  r.post('/auth/logout', route(async (req, res) => {
    const token = sessionTokenFrom(req.headers.cookie);
    if (token) await storage.deleteSession(hashToken(token));
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    res.status(204).end();
  }));

  r.get('/me', route(async (_req, res) => res.json(await accounts.me(storage, requireUser(res)))));

  r.get('/invites/:token', route(async (req, res) => res.json(await accounts.previewInvite(storage, String(req.params.token)))));

  r.post('/invites/:token/accept', route(async (req, res) => {
    const signedIn = currentUser(res);
    const user = await accounts.acceptInvite(storage, String(req.params.token), parseBody(acceptInviteBody, req.body ?? {}), signedIn);
    if (!signedIn) await signIn(res, user.id);
    // An existing member taking an invite with another role: their open connections follow it.
    else await live.recheckUser(user.id);
    res.json(await accounts.me(storage, user));
  }));

  return r;
}
