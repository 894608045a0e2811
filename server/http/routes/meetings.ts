// Scheduling and reading meetings. The live room is on the socket channel.
import { Router } from 'express';
import { meetingBody, meetingPatchBody, recapFinalBody } from '../../../shared/api.ts';
import { queueRecapMail } from '../../mail/recap.ts';
import * as meetings from '../../services/meetings.ts';
import { nextMeetingView, scheduleNextMeeting } from '../../services/nextMeeting.ts';
import { nextMeetingBody } from '../../../shared/meeting/nextMeeting.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function meetingRoutes({ storage, mailer, records }: HttpDeps): Router {
  const r = Router();
  r.post('/groups/:id/meetings', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await meetings.createMeeting(storage, user.id, String(req.params.id), parseBody(meetingBody, req.body)));
  }));
  r.get('/meetings/:id', route(async (req, res) => {
    res.json(await meetings.meetingDetail(storage, requireUser(res).id, String(req.params.id)));
  }));
  r.patch('/meetings/:id', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await meetings.updateMeeting(storage, user.id, String(req.params.id), parseBody(meetingPatchBody, req.body)));
  }));
  r.put('/meetings/:id/recap-final', route(async (req, res) => {
    const { final } = parseBody(recapFinalBody, req.body);
    const meeting = await meetings.markRecapFinal(storage, requireUser(res).id, String(req.params.id), final);
    // The record is final: everyone gets it by mail (once per meeting and person).
    if (final) await queueRecapMail(storage, mailer, meeting);
    res.json(meeting);
  }));
  r.get('/meetings/:id/next', route(async (req, res) => {
    res.json(await nextMeetingView(storage, requireUser(res).id, String(req.params.id)));
  }));
  r.put('/meetings/:id/next', route(async (req, res) => {
    const body = parseBody(nextMeetingBody, req.body);
    const { meeting, created } = await scheduleNextMeeting({ storage, records }, requireUser(res).id, String(req.params.id), body);
    res.status(created ? 201 : 200).json(meeting);
  }));
  return r;
}
