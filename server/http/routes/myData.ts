// My data: the download of everything about me, leaving a group, deleting my account.
import { Router } from 'express';
import { confirmPasswordBody } from '../../../shared/myData.ts';
import { clearedSessionCookie } from '../../auth/sessions.ts';
import * as myData from '../../services/myData.ts';
import { sendAttachment } from '../attachment.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

export function myDataRoutes(deps: HttpDeps): Router {
  const { storage, secureCookies } = deps;
  const r = Router();
  r.get('/me/export', route(async (_req, res) => {
    const data = await myData.exportMyData(storage, requireUser(res).id);
    sendAttachment(res, 'application/json; charset=utf-8', 'peerboard-my-data.json', JSON.stringify(data, null, 2));
  }));
  r.post('/groups/:id/leave', route(async (req, res) => {
    const { password } = parseBody(confirmPasswordBody, req.body);
    await myData.leaveGroup(deps, requireUser(res).id, String(req.params.id), password);
    res.status(204).end();
  }));
  r.post('/me/delete', route(async (req, res) => {
    const { password } = parseBody(confirmPasswordBody, req.body);
    await myData.deleteAccount(deps, requireUser(res).id, password);
    res.setHeader('Set-Cookie', clearedSessionCookie(secureCookies));
    res.status(204).end();
  }));
  return r;
}
