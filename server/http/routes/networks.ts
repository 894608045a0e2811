// The network as a whole: settings and organisers for its organisers; organiser invite links.
import { Router } from 'express';
import { networkPatchBody } from '../../../shared/api.ts';
import { acceptOrganiserInviteBody, organiserInviteBody } from '../../../shared/network.ts';
import { createSession, sessionCookie } from '../../auth/sessions.ts';
import * as accounts from '../../services/accounts.ts';
import { coachingOverview } from '../../services/coaching.ts';
import * as networks from '../../services/networks.ts';
import * as organisers from '../../services/organisers.ts';
import { currentUser, requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function networkRoutes(deps: HttpDeps): Router {
  const { storage, secureCookies, live } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);

  r.patch('/networks/:id', route(async (req, res) => {
    res.json(await networks.updateNetwork(deps, requireUser(res).id, p(req.params.id), parseBody(networkPatchBody, req.body)));
  }));

  r.get('/me/coaching', route(async (_req, res) => {
    res.json(await coachingOverview(storage, requireUser(res).id));
  }));

  r.get('/networks/:id/organisers', route(async (req, res) => {
    res.json(await organisers.listOrganisers(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/networks/:id/organisers/invites', route(async (req, res) => {
    res.status(201).json(await organisers.inviteOrganiser(deps, requireUser(res).id, p(req.params.id), parseBody(organiserInviteBody, req.body ?? {})));
  }));
  r.get('/networks/:id/organisers/invites', route(async (req, res) => {
    res.json(await organisers.pendingOrganiserInvites(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.delete('/networks/:id/organisers/invites/:inviteId', route(async (req, res) => {
    await organisers.revokeOrganiserInvite(storage, requireUser(res).id, p(req.params.id), p(req.params.inviteId));
    res.status(204).end();
  }));
  r.get('/organiser-invites/:token', route(async (req, res) => {
    res.json(await organisers.previewOrganiserInvite(storage, p(req.params.token)));
  }));
  r.post('/organiser-invites/:token/accept', route(async (req, res) => {
    const signedIn = currentUser(res);
    const user = await organisers.acceptOrganiserInvite(storage, p(req.params.token), parseBody(acceptOrganiserInviteBody, req.body ?? {}), signedIn);
    if (!signedIn) res.setHeader('Set-Cookie', sessionCookie((await createSession(storage, user.id, { userAgent: req.get('user-agent') })).token, secureCookies));
    // Already signed in: open meeting connections pick up the organiser's rights.
    else await live.recheckUser(user.id);
    res.json(await accounts.me(storage, user));
  }));
  return r;
}
