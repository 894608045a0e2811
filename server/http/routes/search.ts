// GET /api/groups/:id/search?q=... : ranked hits with highlighted snippets.
import { Router } from 'express';
import { searchGroup } from '../../services/search.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

export function searchRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/groups/:id/search', route(async (req, res) => {
    const q = typeof req.query.q === 'string' ? req.query.q : '';
    res.json({ hits: await searchGroup(storage, requireUser(res).id, String(req.params.id), q) });
  }));
  return r;
}
