// Network events (super week): created by an organiser with their shared sessions and groups'
// meetings; read by each attendee as their own schedule. The .ics is in routes/calendar.ts.
import { Router } from 'express';
import { createEventBody, eventGroupMeetingBody, eventSessionBody } from '../../../shared/events.ts';
import * as events from '../../services/events.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function eventRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  const p = (v: unknown) => String(v);

  r.post('/networks/:id/events', route(async (req, res) => {
    res.status(201).json(await events.createEvent(storage, requireUser(res).id, p(req.params.id), parseBody(createEventBody, req.body)));
  }));
  r.get('/events', route(async (_req, res) => {
    res.json((await events.listMyEvents(storage, requireUser(res).id)).map(events.eventSummary));
  }));
  r.get('/events/:id', route(async (req, res) => {
    res.json(await events.eventView(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/events/:id/sessions', route(async (req, res) => {
    res.status(201).json(await events.addSession(storage, requireUser(res).id, p(req.params.id), parseBody(eventSessionBody, req.body)));
  }));
  r.post('/events/:id/meetings', route(async (req, res) => {
    res.status(201).json(await events.addGroupMeeting(storage, requireUser(res).id, p(req.params.id), parseBody(eventGroupMeetingBody, req.body)));
  }));
  return r;
}
