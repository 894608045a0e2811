// Company profiles and the non-competing check when a company is proposed for a group.
import { Router } from 'express';
import { companyDecisionBody, companyProfileBody, proposeCompanyBody } from '../../../shared/companyBodies.ts';
import * as companies from '../../services/companies.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function companyRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.get('/networks/:id/my-company', route(async (req, res) => {
    res.json({ company: await companies.myCompany(storage, requireUser(res).id, p(req.params.id)) });
  }));
  r.put('/networks/:id/my-company', route(async (req, res) => {
    res.json(await companies.saveMyCompany(storage, requireUser(res).id, p(req.params.id), parseBody(companyProfileBody, req.body)));
  }));
  r.get('/networks/:id/companies', route(async (req, res) => {
    res.json(await companies.networkCompanies(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/groups/:id/companies', route(async (req, res) => {
    res.json(await companies.groupCompanies(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/groups/:id/company-checks', route(async (req, res) => {
    res.json(await companies.companyChecks(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/groups/:id/company-checks', route(async (req, res) => {
    const { companyId } = parseBody(proposeCompanyBody, req.body);
    res.status(201).json(await companies.proposeCompany(storage, requireUser(res).id, p(req.params.id), companyId));
  }));
  r.put('/groups/:id/company-checks/:checkId/decision', route(async (req, res) => {
    const { decision, reason } = parseBody(companyDecisionBody, req.body);
    res.json(await companies.decideCompany(storage, requireUser(res).id, p(req.params.id), p(req.params.checkId), decision, reason));
  }));
  return r;
}
