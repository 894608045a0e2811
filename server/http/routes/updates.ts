// Pre-meeting updates and the group's prompts.
import { Router } from 'express';
import { memberUpdateBody, updatePromptsBody } from '../../../shared/updates.ts';
import { groupPrompts, meetingUpdates, setGroupPrompts, writeMyUpdate } from '../../services/updates.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function updateRoutes(deps: HttpDeps): Router {
  const r = Router();
  r.get('/meetings/:id/updates', route(async (req, res) => {
    res.json(await meetingUpdates(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.put('/meetings/:id/updates/mine', route(async (req, res) => {
    const { answers } = parseBody(memberUpdateBody, req.body);
    res.json(await writeMyUpdate(deps, requireUser(res).id, String(req.params.id), answers));
  }));
  r.get('/groups/:id/update-prompts', route(async (req, res) => {
    res.json(await groupPrompts(deps.storage, requireUser(res).id, String(req.params.id)));
  }));
  r.put('/groups/:id/update-prompts', route(async (req, res) => {
    const { prompts } = parseBody(updatePromptsBody, req.body);
    res.json(await setGroupPrompts(deps.storage, requireUser(res).id, String(req.params.id), prompts));
  }));
  return r;
}
