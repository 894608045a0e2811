// Recap and KPI downloads.
import { Router } from 'express';
import * as exportsService from '../../services/exports.ts';
import { groupKpiCsv } from '../../services/kpiExport.ts';
import { sendAttachment } from '../attachment.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

export function exportRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/recap.md', route(async (req, res) => {
    const md = await exportsService.recapMarkdown(storage, requireUser(res).id, String(req.params.id));
    sendAttachment(res, 'text/markdown; charset=utf-8', 'peerboard-recap.md', md);
  }));
  r.get('/meetings/:id/recap.pdf', route(async (req, res) => {
    const pdf = await exportsService.recapPdf(storage, requireUser(res).id, String(req.params.id));
    sendAttachment(res, 'application/pdf', 'peerboard-recap.pdf', pdf);
  }));
  r.get('/groups/:id/kpis.csv', route(async (req, res) => {
    const csv = await groupKpiCsv(storage, requireUser(res).id, String(req.params.id));
    sendAttachment(res, 'text/csv; charset=utf-8', 'peerboard-kpis.csv', csv);
  }));
  return r;
}
