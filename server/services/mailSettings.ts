// A user's mail preferences, unsubscribing by link (no sign-in needed), and the organiser's
// outbox: every mail of their networks as it was (or would have been) sent.
import { DomainError } from '../../shared/errors.ts';
import { MAIL_KIND_LABELS, OPTIONAL_MAIL_KINDS, type MailPreferences, type OutboxEntry, type UnsubscribePreview } from '../../shared/mail.ts';
import { hashToken } from '../auth/tokens.ts';
import { MAIL_LIMITS } from '../mail/limits.ts';
import type { Storage } from '../storage/types.ts';

export async function mailPreferences(storage: Storage, userId: string): Promise<MailPreferences> {
  const set = await storage.getMailPreferences(userId);
  return Object.fromEntries(OPTIONAL_MAIL_KINDS.map((k) => [k, set[k] !== false])) as MailPreferences;
}

export async function updateMailPreferences(storage: Storage, userId: string, patch: Partial<MailPreferences>): Promise<MailPreferences> {
  for (const k of OPTIONAL_MAIL_KINDS) {
    const v = patch[k];
    if (v !== undefined) await storage.setMailPreference(userId, k, v);
  }
  return mailPreferences(storage, userId);
}

async function tokenOwner(storage: Storage, token: string) {
  const found = await storage.unsubscribeToken(hashToken(token));
  if (!found) throw new DomainError('not_found', 'This unsubscribe link is not valid');
  return found;
}

export async function unsubscribePreview(storage: Storage, token: string): Promise<UnsubscribePreview> {
  const { kind } = await tokenOwner(storage, token);
  return { kind, label: MAIL_KIND_LABELS[kind] };
}

/** Turns the link's kind off for its user. Repeating it changes nothing. */
export async function unsubscribe(storage: Storage, token: string): Promise<UnsubscribePreview> {
  const { userId, kind } = await tokenOwner(storage, token);
  await storage.setMailPreference(userId, kind, false);
  return { kind, label: MAIL_KIND_LABELS[kind] };
}

export async function outbox(storage: Storage, userId: string, networkId: string): Promise<OutboxEntry[]> {
  if (!(await storage.getNetwork(networkId)) || !(await storage.isOrganiser(networkId, userId))) throw new DomainError('not_found', 'No such network');
  const mails = await storage.listMail({ networkIds: [networkId], limit: MAIL_LIMITS.outboxPageSize });
  return mails.map((m) => ({
    id: m.id,
    kind: m.kind,
    to: m.to,
    subject: m.subject,
    text: m.kind === 'password_reset' ? null : m.text,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
  }));
}
