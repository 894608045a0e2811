// Preparation before a meeting: the readiness grid (a member's own checklist) and reminders.
import { Router } from 'express';
import { remindBody } from '../../../shared/readiness.ts';
import { readinessFor, remindMembers } from '../../services/readiness.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function readinessRoutes(deps: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/readiness', route(async (req, res) => {
    res.json(await readinessFor(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.post('/meetings/:id/readiness/remind', route(async (req, res) => {
    const { userIds } = parseBody(remindBody, req.body);
    res.json(await remindMembers(deps, requireUser(res).id, String(req.params.id), userIds));
  }));
  return r;
}
