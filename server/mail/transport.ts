// SMTP through nodemailer, configured by SMTP_URL (smtp://user:pass@host:587, smtps://...).
import nodemailer from 'nodemailer';
import type { MailRecord } from '../storage/types.ts';
import { MAIL_LIMITS } from './limits.ts';

export interface MailTransport {
  send(mail: MailRecord): Promise<void>;
  close(): void;
}

/** Thrown for an answer that will not change on retry (5xx: no such mailbox, refused). */
export class PermanentMailError extends Error {}

export function smtpTransport(url: string, from: string): MailTransport {
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
