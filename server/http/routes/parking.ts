// The group's parking lot.
import { Router } from 'express';
import { parkingActionBody, parkingAddBody, parkingParkBody } from '../../../shared/parking.ts';
import { actOnParking, addParking, listParking, parkFromMeeting } from '../../services/parking.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function parkingRoutes(deps: HttpDeps): Router {
  const r = Router();
  r.get('/groups/:id/parking', route(async (req, res) => {
    res.json(await listParking(deps.storage, requireUser(res).id, String(req.params.id), req.query.all === '1'));
  }));
  r.post('/groups/:id/parking', route(async (req, res) => {
    res.status(201).json(await addParking(deps, requireUser(res).id, String(req.params.id), parseBody(parkingAddBody, req.body)));
  }));
  r.post('/meetings/:id/parking', route(async (req, res) => {
    res.status(201).json(await parkFromMeeting(deps, requireUser(res).id, String(req.params.id), parseBody(parkingParkBody, req.body)));
  }));
  r.post('/parking/:id/actions', route(async (req, res) => {
    res.json(await actOnParking(deps, requireUser(res).id, String(req.params.id), parseBody(parkingActionBody, req.body)));
  }));
  return r;
}
