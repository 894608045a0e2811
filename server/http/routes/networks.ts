// The network as a whole: settings for its organisers.
import { Router } from 'express';
import { networkPatchBody } from '../../../shared/api.ts';
import * as networks from '../../services/networks.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function networkRoutes(deps: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.patch('/networks/:id', route(async (req, res) => {
    res.json(await networks.updateNetwork(deps, requireUser(res).id, p(req.params.id), parseBody(networkPatchBody, req.body)));
  }));
  return r;
}
