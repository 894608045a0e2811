// "My page" and the coach's group overview.
import { Router } from 'express';
import * as overview from '../../services/overview.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

export function overviewRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/me/overview', route(async (_req, res) => res.json({ groups: await overview.myOverview(storage, requireUser(res).id) })));
  r.get('/groups/:id/overview', route(async (req, res) => res.json(await overview.groupOverview(storage, requireUser(res).id, String(req.params.id)))));
  return r;
}
