// Queueing a mail: honours the recipient's preferences, adds the unsubscribe link for its kind,
// holds it for the outbox page when no SMTP is configured, and wakes the worker.
import { OPTIONAL_MAIL_KINDS, type MailKind, type OptionalMailKind } from '../../shared/mail.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { MailAttachment, Storage } from '../storage/types.ts';

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  /** The recipient's account, when they have one (needed for preferences and unsubscribe). */
  userId: string | null;
  networkId: string | null;
  groupId: string | null;
  subject: string;
  text: string;
  attachments?: MailAttachment[];
  /** Queue at most one mail per key (e.g. "meeting_reminder:<meetingId>:<userId>"). */
  dedupeKey?: string;
}

export interface Mailer {
  /** Queues through `db` (a transaction handle when the caller has one); false if skipped or a duplicate. */
  queue(db: Storage, mail: OutgoingMail): Promise<boolean>;
  /** Absolute link into the app, e.g. link('/invite/abc'). */
  link(path: string): string;
  /** SMTP configured: mails are sent, not only held for the outbox. */
  readonly sending: boolean;
  /** Tells the worker there is something to send (after a transaction committed). */
  kick(): void;
}

const isOptional = (k: MailKind): k is OptionalMailKind => (OPTIONAL_MAIL_KINDS as readonly string[]).includes(k);

export async function wantsMail(db: Storage, userId: string, kind: OptionalMailKind): Promise<boolean> {
  return (await db.getMailPreferences(userId))[kind] !== false;
}

export function createMailer(opts: { sending: boolean; origin: () => string; kick: () => void }): Mailer {
  const link = (path: string): string => `${opts.origin()}${path}`;
  return {
    sending: opts.sending,
    link,
    kick: opts.kick,
    async queue(db, m) {
      const headers: Record<string, string> = {};
      let text = m.text;
      if (isOptional(m.kind)) {
        if (!m.userId || !(await wantsMail(db, m.userId, m.kind))) return false;
        // A fresh token per mail, stored hashed: the link works without signing in, and a
        // leaked database gives nobody the links.
        const token = newToken();
        await db.createUnsubscribeToken(hashToken(token), m.userId, m.kind);
        const url = link(`/unsubscribe/${token}`);
        headers['List-Unsubscribe'] = `<${url}>`;
        text += `\n\n--\nYou get this mail because of your Peerboard mail settings. Stop mails of this kind: ${url}\nAll your mail settings: ${link('/me/mail')}\n`;
      }
      const queued = await db.enqueueMail({
        id: newId(),
        dedupeKey: m.dedupeKey ?? null,
        kind: m.kind,
        networkId: m.networkId,
        groupId: m.groupId,
        userId: m.userId,
        to: m.to,
        subject: m.subject,
        text,
        headers,
        attachments: m.attachments ?? [],
        status: opts.sending ? 'pending' : 'held',
      });
      if (queued) opts.kick();
      return queued;
    },
  };
}
