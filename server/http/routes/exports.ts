// Recap and KPI downloads.
import { Router } from 'express';
import * as exportsService from '../../services/exports.ts';
import { recapExportQuery } from '../../../shared/records.ts';
import { groupKpiCsv } from '../../services/kpiExport.ts';
import { sendAttachment } from '../attachment.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

/** `?roomOnly=include`: the reader's own copy with what stays in the room, marked; the name says so. */
function recapOptions(query: unknown) {
  const includeRoomOnly = parseBody(recapExportQuery, query).roomOnly === 'include';
  return { opts: { includeRoomOnly }, name: includeRoomOnly ? 'peerboard-recap-stays-in-the-room' : 'peerboard-recap' };
}

export function exportRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/recap.md', route(async (req, res) => {
    const { opts, name } = recapOptions(req.query);
    const md = await exportsService.recapMarkdown(storage, requireUser(res).id, String(req.params.id), opts);
    sendAttachment(res, 'text/markdown; charset=utf-8', `${name}.md`, md);
  }));
  r.get('/meetings/:id/recap.pdf', route(async (req, res) => {
    const { opts, name } = recapOptions(req.query);
    const pdf = await exportsService.recapPdf(storage, requireUser(res).id, String(req.params.id), opts);
    sendAttachment(res, 'application/pdf', `${name}.pdf`, pdf);
  }));
  r.get('/groups/:id/kpis.csv', route(async (req, res) => {
    const csv = await groupKpiCsv(storage, requireUser(res).id, String(req.params.id));
    sendAttachment(res, 'text/csv; charset=utf-8', 'peerboard-kpis.csv', csv);
  }));
  return r;
}
