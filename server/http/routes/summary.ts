// The meeting's summary, for the recap page and exports.
import { Router } from 'express';
import { meetingSummary } from '../../services/summary.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

export function summaryRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/summary', route(async (req, res) => {
    res.json(await meetingSummary(storage, requireUser(res).id, String(req.params.id)));
  }));
  return r;
}
