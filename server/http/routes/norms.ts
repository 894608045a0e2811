// A group's norms: read, edit, accept; who has not accepted them.
import { Router } from 'express';
import { normsBody } from '../../../shared/norms.ts';
import * as norms from '../../services/norms.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function normsRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const id = (v: unknown) => String(v);
  r.get('/groups/:id/norms', route(async (req, res) => {
    res.json(await norms.readNorms(storage, requireUser(res).id, id(req.params.id)));
  }));
  r.put('/groups/:id/norms', route(async (req, res) => {
    res.json(await norms.editNorms(storage, requireUser(res).id, id(req.params.id), parseBody(normsBody, req.body)));
  }));
  r.post('/groups/:id/norms/accept', route(async (req, res) => {
    res.json(await norms.acceptNorms(storage, requireUser(res).id, id(req.params.id)));
  }));
  r.get('/groups/:id/norms/acceptances', route(async (req, res) => {
    res.json({ members: await norms.normsAcceptances(storage, requireUser(res).id, id(req.params.id)) });
  }));
  return r;
}
