// Networks' groups, group details, members, invites, templates.
import { Router } from 'express';
import { createInviteBody, groupBody, groupPatchBody, memberPatchBody, templateBody, templateNameBody } from '../../../shared/api.ts';
import { groupKindBody } from '../../../shared/groupKindBodies.ts';
import * as groups from '../../services/groups.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function groupRoutes(deps: HttpDeps): Router {
  const { storage } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);

  r.get('/networks/:id/groups', route(async (req, res) => {
    res.json(await groups.listNetworkGroups(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.post('/networks/:id/groups', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await groups.createGroup(storage, user.id, p(req.params.id), parseBody(groupBody, req.body), parseBody(groupKindBody, req.body)));
  }));
  r.get('/groups/:id', route(async (req, res) => {
    res.json(await groups.groupDetail(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.patch('/groups/:id', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await groups.updateGroup(deps, user.id, p(req.params.id), parseBody(groupPatchBody, req.body)));
  }));
  r.post('/groups/:id/invites', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await groups.createInvite(storage, user.id, p(req.params.id), parseBody(createInviteBody, req.body)));
  }));
  r.patch('/groups/:id/members/:userId', route(async (req, res) => {
    const user = requireUser(res);
    const body = parseBody(memberPatchBody, req.body);
    res.json(await groups.updateMember(storage, user.id, p(req.params.id), p(req.params.userId), body, deps.live));
  }));
  r.delete('/groups/:id/members/:userId', route(async (req, res) => {
    await groups.removeMember(storage, requireUser(res).id, p(req.params.id), p(req.params.userId), deps.live);
    res.status(204).end();
  }));
  r.post('/groups/:id/templates', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await groups.createTemplate(storage, user.id, p(req.params.id), parseBody(templateBody, req.body)));
  }));
  r.put('/groups/:id/templates/:templateId', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await groups.updateTemplate(storage, user.id, p(req.params.id), p(req.params.templateId), parseBody(templateBody, req.body)));
  }));
  r.delete('/groups/:id/templates/:templateId', route(async (req, res) => {
    await groups.deleteTemplate(storage, requireUser(res).id, p(req.params.id), p(req.params.templateId));
    res.status(204).end();
  }));
  r.post('/meetings/:id/template', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await groups.templateFromMeeting(storage, user.id, p(req.params.id), parseBody(templateNameBody, req.body).name));
  }));
  return r;
}
