// The attendance rule, RSVPs, and each member's record against the rule.
import { Router } from 'express';
import { z } from 'zod';
import { attendanceRuleBody, rsvpBody } from '../../../shared/attendance.ts';
import { groupAttendance, groupRule, meetingRsvps, setGroupRule, writeMyRsvp } from '../../services/attendance.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

const ruleBody = z.object({ rule: attendanceRuleBody.nullable() });

export function attendanceRoutes(deps: HttpDeps): Router {
  const r = Router();
  r.get('/groups/:id/attendance-rule', route(async (req, res) => {
    res.json(await groupRule(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.put('/groups/:id/attendance-rule', route(async (req, res) => {
    res.json(await setGroupRule(deps.storage, requireUser(res).id, String(req.params.id), parseBody(ruleBody, req.body).rule));
  }));
  r.get('/groups/:id/attendance', route(async (req, res) => {
    res.json(await groupAttendance(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.get('/meetings/:id/rsvps', route(async (req, res) => {
    res.json(await meetingRsvps(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.put('/meetings/:id/rsvp/mine', route(async (req, res) => {
    res.json(await writeMyRsvp(deps.storage, requireUser(res).id, String(req.params.id), parseBody(rsvpBody, req.body)));
  }));
  return r;
}
