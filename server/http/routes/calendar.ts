// .ics downloads of upcoming meetings (signed in).
import { Router, type Response } from 'express';
import * as calendar from '../../services/calendar.ts';
import { sendAttachment } from '../attachment.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';

const sendIcs = (res: Response, body: string, filename: string) => sendAttachment(res, 'text/calendar; charset=utf-8', filename, body);

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
  // One network event's sessions for the caller alone (shared sessions and their own groups' meetings).
  r.get('/events/:id/calendar.ics', route(async (req, res) => {
    const { ics } = await calendar.eventCalendar(storage, requireUser(res).id, String(req.params.id), publicOrigin());
    sendIcs(res, ics, 'peerboard-event.ics');
  }));
  r.post('/me/calendar-feed', route(async (_req, res) => {
    res.status(201).json(await calendar.createCalendarFeed(storage, requireUser(res).id, publicOrigin()));
  }));
  r.delete('/me/calendar-feed', route(async (_req, res) => {
    await calendar.revokeCalendarFeed(storage, requireUser(res).id);
    res.status(204).end();
  }));
  // No session here: calendar apps subscribe with the secret URL alone.
  r.get('/calendar/:file', route(async (req, res) => {
    const m = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(String(req.params.file));
    if (!m) return void res.status(404).json({ error: { code: 'not_found', message: 'No such calendar feed' } });
    sendIcs(res, await calendar.feedCalendar(storage, m[1]!, publicOrigin()), 'peerboard-meetings.ics');
  }));
  return r;
}
