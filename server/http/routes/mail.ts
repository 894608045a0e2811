// Mail: password reset, mail preferences, unsubscribe links, the organiser's outbox, and
// invitations managed by mail. Secrets (reset and unsubscribe tokens) travel in bodies, not URLs.
import { Router } from 'express';
import { DomainError } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { bulkInviteBody, mailPreferencesBody, passwordResetConfirmBody, passwordResetRequestBody, tokenBody } from '../../../shared/mailBodies.ts';
import * as invites from '../../services/invites.ts';
import * as settings from '../../services/mailSettings.ts';
import { requestPasswordReset, resetPassword } from '../../services/passwordReset.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { countRequest, windowKey } from '../../auth/requestWindow.ts';
import { parseBody } from '../validate.ts';

export function mailRoutes(deps: HttpDeps): Router {
  const { storage } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);

  r.post('/auth/password-reset', route(async (req, res) => {
    const { email } = parseBody(passwordResetRequestBody, req.body);
    // Each request may queue a mail to a real person: counted in storage, so on every node alike.
    const counted = await countRequest(storage, windowKey('password-reset', `${email.trim().toLowerCase()}|${req.ip}`), LIMITS.loginAttemptsPerWindow, LIMITS.loginWindowMs);
    if (!counted.allowed) {
      const minutes = Math.max(1, Math.ceil(counted.retryAfterMs / 60_000));
      throw new DomainError('rate_limited', `Too many reset requests: try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}`, {
        retryAfterSeconds: Math.max(1, Math.ceil(counted.retryAfterMs / 1000)),
      });
    }
    await requestPasswordReset(deps, email);
    // The same answer for any address, known or not.
    res.status(202).json({ ok: true });
  }));
  r.post('/auth/password-reset/confirm', route(async (req, res) => {
    const { token, password } = parseBody(passwordResetConfirmBody, req.body);
    deps.sessionSockets.ended(await resetPassword(storage, token, password));
    res.status(204).end();
  }));

  r.get('/me/mail-preferences', route(async (_req, res) => res.json(await settings.mailPreferences(storage, requireUser(res).id))));
  r.put('/me/mail-preferences', route(async (req, res) => {
    const user = requireUser(res);
    res.json(await settings.updateMailPreferences(storage, user.id, parseBody(mailPreferencesBody, req.body)));
  }));
  r.post('/unsubscribe/preview', route(async (req, res) => res.json(await settings.unsubscribePreview(storage, parseBody(tokenBody, req.body).token))));
  r.post('/unsubscribe', route(async (req, res) => res.json(await settings.unsubscribe(storage, parseBody(tokenBody, req.body).token))));

  r.get('/networks/:id/outbox', route(async (req, res) => res.json(await settings.outbox(storage, requireUser(res).id, p(req.params.id)))));

  r.get('/groups/:id/invites', route(async (req, res) => res.json(await invites.pendingInvites(storage, requireUser(res).id, p(req.params.id)))));
  r.post('/groups/:id/invites/bulk', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await invites.bulkInvite(deps, user.id, p(req.params.id), parseBody(bulkInviteBody, req.body)));
  }));
  r.delete('/groups/:id/invites/:inviteId', route(async (req, res) => {
    await invites.revokeInvite(storage, requireUser(res).id, p(req.params.id), p(req.params.inviteId));
    res.status(204).end();
  }));
  r.post('/groups/:id/invites/:inviteId/resend', route(async (req, res) => {
    res.json(await invites.resendInvite(deps, requireUser(res).id, p(req.params.id), p(req.params.inviteId)));
  }));
  return r;
}
