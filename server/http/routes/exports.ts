// Recap downloads. Attachments with fixed names: nothing from the meeting goes in a header.
import { Router } from 'express';
import * as exportsService from '../../services/exports.ts';
import { groupKpiCsv } from '../../services/kpiExport.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

export function exportRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/recap.md', route(async (req, res) => {
    const md = await exportsService.recapMarkdown(storage, requireUser(res).id, String(req.params.id));
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="peerboard-recap.md"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(md);
  }));
  r.get('/meetings/:id/recap.pdf', route(async (req, res) => {
    const pdf = await exportsService.recapPdf(storage, requireUser(res).id, String(req.params.id));
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', 'attachment; filename="peerboard-recap.pdf"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(pdf);
  }));
  r.get('/groups/:id/kpis.csv', route(async (req, res) => {
    const csv = await groupKpiCsv(storage, requireUser(res).id, String(req.params.id));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="peerboard-kpis.csv"');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(csv);
  }));
  return r;
}
