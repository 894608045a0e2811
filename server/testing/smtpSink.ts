// A real SMTP server in the test process (smtp-server) that keeps every message it accepts.
// stop() and start() on the same port stand in for an SMTP outage.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMail {
  to: string[];
  raw: string;
  subject: string;
  /** The decoded text body (quoted-printable undone), links intact. */
  text: string;
  headers: Map<string, string>;
}

/** Undoes quoted-printable soft breaks and escapes, enough for our ASCII-and-UTF-8 text mails. */
function decodeQp(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parse(raw: string, to: string[]): SunkMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const body = rest.join('\n\n');
  // multipart (with an .ics attachment): the first text/plain part is the text.
  const part = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/i.exec(body);
  return { to, raw, subject: headers.get('subject') ?? '', text: decodeQp(part ? part[1]! : body), headers };
}

export class SmtpSink {
  readonly mails: SunkMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.mails.push(parse(Buffer.concat(chunks).toString('latin1'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): SunkMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  /** Resolves once pred holds for the mails received so far (checked on every arrival and tick). */
  async waitFor(pred: (mails: SunkMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!pred(this.mails)) {
      if (Date.now() > end) throw new Error(`timed out waiting for mail; got ${this.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** The first link in the text that starts with origin + path prefix. */
export function linkIn(mail: SunkMail, pathPrefix: string): string {
  const m = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/\//g, '\\/')}[^\\s]*`).exec(mail.text);
  if (!m) throw new Error(`no ${pathPrefix} link in: ${mail.text}`);
  return m[0];
}
