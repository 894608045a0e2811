// SMTP through nodemailer, configured by SMTP_URL (smtp://user:pass@host:587, smtps://...).
// nodemailer is imported only when SMTP is configured: a node without SMTP never loads it (about
// 3 MB of heap and module source at start).
import type { MailRecord } from '../storage/types.ts';
import { MAIL_LIMITS } from './limits.ts';

export interface MailTransport {
  send(mail: MailRecord): Promise<void>;
  close(): void;
}

/** Thrown for an answer that will not change on retry (5xx: no such mailbox, refused). */
export class PermanentMailError extends Error {}

export async function smtpTransport(url: string, from: string): Promise<MailTransport> {
  const { default: nodemailer } = await import('nodemailer');
  const t = nodemailer.createTransport({
    url,
    connectionTimeout: MAIL_LIMITS.smtpTimeoutMs,
    greetingTimeout: MAIL_LIMITS.smtpTimeoutMs,
    socketTimeout: MAIL_LIMITS.smtpTimeoutMs,
  });
  return {
    async send(mail) {
      try {
        await t.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: mail.headers,
          // The same Message-ID on every attempt lets a receiving server drop a duplicate.
          messageId: `<${mail.id}@peerboard>`,
          attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        if (code !== undefined && code >= 500 && code < 600) throw new PermanentMailError(String((e as Error).message));
        throw e;
      }
    },
    close: () => t.close(),
  };
}
