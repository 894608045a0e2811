// Benchmarks beyond the group: segment cuts of the network and industry reference sets.
import { Router } from 'express';
import { referenceSetBody, segmentQuery } from '../../../shared/benchmarks.ts';
import * as benchmarks from '../../services/benchmarks.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function benchmarkRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.get('/networks/:id/benchmarks/segments', route(async (req, res) => {
    const { quarter, dimension } = parseBody(segmentQuery, req.query);
    res.json(await benchmarks.segmentBenchmarks(storage, requireUser(res).id, p(req.params.id), quarter, dimension));
  }));
  r.get('/networks/:id/reference-sets', route(async (req, res) => {
    res.json(await benchmarks.referenceSets(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/networks/:id/reference-sets', route(async (req, res) => {
    res.status(201).json(await benchmarks.loadReferenceSet(storage, requireUser(res).id, p(req.params.id), parseBody(referenceSetBody, req.body)));
  }));
  r.delete('/networks/:id/reference-sets/:setId', route(async (req, res) => {
    await benchmarks.deleteReferenceSet(storage, requireUser(res).id, p(req.params.id), p(req.params.setId));
    res.status(204).end();
  }));
  return r;
}
