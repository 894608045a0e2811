// .ics downloads of upcoming meetings (signed in).
import { Router, type Response } from 'express';
import * as calendar from '../../services/calendar.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

function sendIcs(res: Response, body: string, filename: string) {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(body);
}

export function calendarRoutes({ storage, allowedOrigins }: HttpDeps): Router {
  const r = Router();
  // The first allowed origin is PUBLIC_ORIGIN (or this server's own address): links in events point there.
  const publicOrigin = () => allowedOrigins[0] ?? '';
  r.get('/me/calendar.ics', route(async (_req, res) => {
    sendIcs(res, await calendar.userCalendar(storage, requireUser(res).id, publicOrigin()), 'peerboard-meetings.ics');
  }));
  r.get('/meetings/:id/calendar.ics', route(async (req, res) => {
    sendIcs(res, await calendar.meetingCalendar(storage, requireUser(res).id, String(req.params.id), publicOrigin()), 'peerboard-meeting.ics');
  }));
  return r;
}
