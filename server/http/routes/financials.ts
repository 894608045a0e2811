// Financial review: KPIs, entering figures (JSON or CSV), the group view, network benchmarks.
import express, { Router } from 'express';
import { quarterSchema } from '../../../shared/financials/quarterSchema.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { benchmarkQuery, customKpiBody, figuresBody, financialsQuery } from '../../../shared/records.ts';
import { DomainError } from '../../../shared/errors.ts';
import * as financials from '../../services/financials.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody, parseParam } from '../validate.ts';

/** The CSV import reads the body as text; the JSON parser in front of the API leaves it alone. */
const csvText = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: LIMITS.csvMaxBytes });

export function financialsRoutes(deps: HttpDeps): Router {
  const { storage } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);
  const quarter = (v: unknown) => parseParam('quarter', quarterSchema, v);

  r.get('/groups/:id/kpis', route(async (req, res) => {
    res.json(await financials.listKpis(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/groups/:id/kpis', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await financials.createKpi(deps, user.id, p(req.params.id), parseBody(customKpiBody, req.body)));
  }));
  r.put('/groups/:id/figures/:quarter', route(async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(figuresBody, req.body);
    res.json(await financials.putFigures(deps, user.id, p(req.params.id), quarter(req.params.quarter), body.figures));
  }));
  r.delete('/groups/:id/figures/:quarter/:kpiKey', route(async (req, res) => {
    const user = requireUser(res);
    await financials.deleteFigure(deps, user.id, p(req.params.id), quarter(req.params.quarter), p(req.params.kpiKey));
    res.status(204).end();
  }));
  r.post('/groups/:id/figures/:quarter/import', csvText, route(async (req, res) => {
    const user = requireUser(res);
    if (typeof req.body !== 'string') throw new DomainError('bad_request', 'Send the CSV file itself with Content-Type: text/csv');
    res.json(await financials.importFigures(deps, user.id, p(req.params.id), quarter(req.params.quarter), req.body));
  }));
  r.get('/groups/:id/financials/:quarter', route(async (req, res) => {
    const { audience } = parseBody(financialsQuery, req.query);
    const built = await financials.builtGroupFinancials(storage, requireUser(res).id, p(req.params.id), quarter(req.params.quarter), audience === 'room');
    // Only after authorization: express answers 304 when If-None-Match holds this ETag. The
    // browser may keep the review but must ask again each time; shared caches must not keep it.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', built.etag());
    res.type('application/json').send(built.body());
  }));
  r.get('/networks/:id/benchmarks', route(async (req, res) => {
    const user = requireUser(res);
    const { quarter: q } = parseBody(benchmarkQuery, req.query);
    res.json(await financials.networkBenchmarks(storage, user.id, p(req.params.id), q));
  }));
  return r;
}
