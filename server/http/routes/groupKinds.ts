// Companion and special-interest groups: a group's kind, the parent's companies for a companion
// invite, the owner's companion list, special-interest groups and requests to join them.
import { Router } from 'express';
import { groupKindBody, joinDecisionBody } from '../../../shared/groupKindBodies.ts';
import * as kinds from '../../services/groupKinds.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function groupKindRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.put('/groups/:id/kind', route(async (req, res) => {
    res.json(await kinds.setKind(storage, requireUser(res).id, p(req.params.id), parseBody(groupKindBody, req.body)));
  }));
  r.get('/groups/:id/companion-companies', route(async (req, res) => {
    res.json(await kinds.companionCompanies(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/me/companions', route(async (_req, res) => {
    res.json({ companions: await kinds.myCompanions(storage, requireUser(res).id) });
  }));
  r.get('/networks/:id/interest-groups', route(async (req, res) => {
    res.json(await kinds.interestGroups(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/groups/:id/join-requests', route(async (req, res) => {
    res.status(201).json(await kinds.requestJoin(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/groups/:id/join-requests', route(async (req, res) => {
    res.json(await kinds.joinRequests(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.put('/groups/:id/join-requests/:requestId', route(async (req, res) => {
    const { decision } = parseBody(joinDecisionBody, req.body);
    res.json(await kinds.decideJoin(storage, requireUser(res).id, p(req.params.id), p(req.params.requestId), decision));
  }));
  return r;
}
