// The mail queue (outbox), scheduled mail jobs, mail preferences and unsubscribe tokens.
// Sending is claimed with a lease (an UPDATE that only one worker's WHERE matches), so several
// nodes and restarts never send a mail twice while its lease holds; see server/mail/queue.ts.
import type { MailKind, MailStatus, OptionalMailKind } from '../../shared/mail.ts';
import { oneRow, type SqlAccess } from './access.ts';
import { toInt, type DbInt } from './rows.ts';
import type { MailJob, MailRecord, NewMail, NewMailJob } from './types.ts';

export const MAIL_MIGRATION = {
  id: 13,
  name: 'mail queue, mail jobs, preferences, password resets, managed invites',
  sql: `
    CREATE TABLE mail_outbox (
      id TEXT PRIMARY KEY,
      -- Makes enqueueing idempotent: a job run twice, or a retried request, queues one mail.
      dedupe_key TEXT UNIQUE,
      kind TEXT NOT NULL,
      network_id TEXT,
      group_id TEXT,
      user_id TEXT,
      to_address TEXT NOT NULL,
      subject TEXT NOT NULL,
      text_body TEXT NOT NULL,
      headers TEXT NOT NULL,
      attachments TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('held', 'pending', 'sending', 'sent', 'failed')),
      attempts INTEGER NOT NULL,
      next_attempt_at TEXT NOT NULL,
      claimed_until TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      sent_at TEXT
    );
    CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);
    CREATE INDEX mail_outbox_network ON mail_outbox (network_id, created_at);
    -- Scheduled mail (reminders, the weekly overdue digest): stored, so a restart keeps them.
    CREATE TABLE mail_jobs (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      run_at TEXT NOT NULL,
      payload TEXT NOT NULL,
      claimed_until TEXT,
      done_at TEXT
    );
    CREATE INDEX mail_jobs_due ON mail_jobs (done_at, run_at);
    -- Only the kinds a user turned off are stored; everything else is on.
    CREATE TABLE mail_preferences (
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      enabled INTEGER NOT NULL,
      PRIMARY KEY (user_id, kind)
    );
    CREATE TABLE unsubscribe_tokens (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE password_resets (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL,
      used_at TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX password_resets_user ON password_resets (user_id);
    ALTER TABLE invites ADD COLUMN email TEXT;
    ALTER TABLE invites ADD COLUMN revoked_at TEXT;
  `,
};

interface MailRow {
  id: string;
  dedupe_key: string | null;
  kind: string;
  network_id: string | null;
  group_id: string | null;
  user_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  headers: string;
  attachments: string;
  status: string;
  attempts: DbInt;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

const toMail = (r: MailRow): MailRecord => ({
  id: r.id,
  dedupeKey: r.dedupe_key,
  kind: r.kind as MailKind,
  networkId: r.network_id,
  groupId: r.group_id,
  userId: r.user_id,
  to: r.to_address,
  subject: r.subject,
  text: r.text_body,
  headers: JSON.parse(r.headers) as Record<string, string>,
  attachments: JSON.parse(r.attachments) as MailRecord['attachments'],
  status: r.status as MailStatus,
  attempts: toInt(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

interface JobRow {
  id: string;
  kind: string;
  run_at: string;
  payload: string;
  done_at: string | null;
}
const toJob = (r: JobRow): MailJob => ({ id: r.id, kind: r.kind, runAt: r.run_at, payload: JSON.parse(r.payload) as Record<string, unknown>, doneAt: r.done_at });

/** A row a worker may take: due and pending, or claimed by a worker whose lease ran out. */
const CLAIMABLE = `((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND claimed_until <= ?))`;

export class MailSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async enqueueMail(m: NewMail): Promise<boolean> {
    const at = m.createdAt ?? this.now();
    const n = await this.q.run(
      `INSERT INTO mail_outbox (id, dedupe_key, kind, network_id, group_id, user_id, to_address, subject, text_body, headers,
         attachments, status, attempts, next_attempt_at, claimed_until, last_error, created_at, sent_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, ?, NULL)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [m.id, m.dedupeKey, m.kind, m.networkId, m.groupId, m.userId, m.to, m.subject, m.text, JSON.stringify(m.headers ?? {}),
        JSON.stringify(m.attachments ?? []), m.status, at, at],
    );
    return n > 0;
  }

  async claimMail(now: string, leaseUntil: string, limit: number): Promise<MailRecord[]> {
    const due = await this.q.all<{ id: string }>(
      `SELECT id FROM mail_outbox WHERE ${CLAIMABLE} ORDER BY next_attempt_at, id LIMIT ?`,
      [now, now, limit],
    );
    const claimed: MailRecord[] = [];
    for (const { id } of due) {
      const n = await this.q.run(
        `UPDATE mail_outbox SET status = 'sending', claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND ${CLAIMABLE}`,
        [leaseUntil, id, now, now],
      );
      if (n === 0) continue; // another worker took it first
      const r = await oneRow<MailRow>(this.q, 'SELECT * FROM mail_outbox WHERE id = ?', [id]);
      if (r) claimed.push(toMail(r));
    }
    return claimed;
  }

  async markMailSent(id: string, at: string): Promise<void> {
    await this.q.run(`UPDATE mail_outbox SET status = 'sent', sent_at = ?, claimed_until = NULL, last_error = NULL WHERE id = ?`, [at, id]);
  }

  async markMailFailed(id: string, error: string, retryAt: string | null): Promise<void> {
    await this.q.run(
      `UPDATE mail_outbox SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), claimed_until = NULL, last_error = ? WHERE id = ?`,
      [retryAt ? 'pending' : 'failed', retryAt, error, id],
    );
  }

  async getMail(id: string): Promise<MailRecord | null> {
    const r = await oneRow<MailRow>(this.q, 'SELECT * FROM mail_outbox WHERE id = ?', [id]);
    return r && toMail(r);
  }

  async listMail(filter: { networkIds?: readonly string[]; limit: number }): Promise<MailRecord[]> {
    const ids = filter.networkIds;
    const where = ids ? `WHERE network_id IN (${ids.map(() => '?').join(', ') || 'NULL'})` : '';
    const rows = await this.q.all<MailRow>(`SELECT * FROM mail_outbox ${where} ORDER BY created_at DESC, id DESC LIMIT ?`, [...(ids ?? []), filter.limit]);
    return rows.map(toMail);
  }

  async countMailByStatus(): Promise<Record<MailStatus, number>> {
    const rows = await this.q.all<{ status: MailStatus; n: DbInt }>('SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status');
    const out: Record<MailStatus, number> = { held: 0, pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const r of rows) out[r.status] = toInt(r.n);
    return out;
  }

  async scheduleMailJob(j: NewMailJob): Promise<void> {
    // A job already done stays done: rescheduling a meeting after its reminder went sends no second one.
    await this.q.run(
      `INSERT INTO mail_jobs (id, kind, run_at, payload, claimed_until, done_at) VALUES (?, ?, ?, ?, NULL, NULL)
       ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at, payload = excluded.payload WHERE mail_jobs.done_at IS NULL`,
      [j.id, j.kind, j.runAt, JSON.stringify(j.payload)],
    );
  }

  async getMailJob(id: string): Promise<MailJob | null> {
    const r = await oneRow<JobRow>(this.q, 'SELECT * FROM mail_jobs WHERE id = ?', [id]);
    return r && toJob(r);
  }

  async claimMailJobs(now: string, leaseUntil: string, limit: number): Promise<MailJob[]> {
    const cond = 'done_at IS NULL AND run_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)';
    const due = await this.q.all<JobRow>(`SELECT * FROM mail_jobs WHERE ${cond} ORDER BY run_at, id LIMIT ?`, [now, now, limit]);
    const claimed: MailJob[] = [];
    for (const r of due) {
      const n = await this.q.run(`UPDATE mail_jobs SET claimed_until = ? WHERE id = ? AND ${cond}`, [leaseUntil, r.id, now, now]);
      if (n > 0) claimed.push(toJob(r));
    }
    return claimed;
  }

  async completeMailJob(id: string, at: string): Promise<void> {
    await this.q.run('UPDATE mail_jobs SET done_at = ?, claimed_until = NULL WHERE id = ?', [at, id]);
  }

  async nextMailDue(): Promise<{ job: string | null; mail: string | null }> {
    // A claimed job or mail is claimable again when its lease runs out (its claimer died).
    const [job] = await this.q.all<{ at: string | null }>(
      `SELECT MIN(CASE WHEN claimed_until IS NOT NULL AND claimed_until > run_at THEN claimed_until ELSE run_at END) AS at
       FROM mail_jobs WHERE done_at IS NULL`,
      [],
    );
    const [mail] = await this.q.all<{ at: string | null }>(
      `SELECT MIN(CASE WHEN status = 'pending' THEN next_attempt_at ELSE claimed_until END) AS at
       FROM mail_outbox WHERE status IN ('pending', 'sending')`,
      [],
    );
    return { job: job?.at ?? null, mail: mail?.at ?? null };
  }

  async getMailPreferences(userId: string): Promise<Partial<Record<OptionalMailKind, boolean>>> {
    const rows = await this.q.all<{ kind: OptionalMailKind; enabled: DbInt }>('SELECT kind, enabled FROM mail_preferences WHERE user_id = ?', [userId]);
    return Object.fromEntries(rows.map((r) => [r.kind, toInt(r.enabled) === 1]));
  }

  async setMailPreference(userId: string, kind: OptionalMailKind, enabled: boolean): Promise<void> {
    await this.q.run(
      `INSERT INTO mail_preferences (user_id, kind, enabled) VALUES (?, ?, ?)
       ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled`,
      [userId, kind, enabled ? 1 : 0],
    );
  }

  async createUnsubscribeToken(tokenHash: string, userId: string, kind: OptionalMailKind): Promise<void> {
    await this.q.run('INSERT INTO unsubscribe_tokens (token_hash, user_id, kind, created_at) VALUES (?, ?, ?, ?)', [tokenHash, userId, kind, this.now()]);
  }

  async unsubscribeToken(tokenHash: string): Promise<{ userId: string; kind: OptionalMailKind } | null> {
    const r = await oneRow<{ user_id: string; kind: OptionalMailKind }>(this.q, 'SELECT user_id, kind FROM unsubscribe_tokens WHERE token_hash = ?', [tokenHash]);
    return r && { userId: r.user_id, kind: r.kind };
  }

  async createPasswordReset(r: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    await this.q.run('INSERT INTO password_resets (token_hash, user_id, expires_at, used_at, created_at) VALUES (?, ?, ?, NULL, ?)', [
      r.tokenHash, r.userId, r.expiresAt, this.now(),
    ]);
  }

  async usePasswordReset(tokenHash: string, at: string): Promise<string | null> {
    // One UPDATE decides: two requests racing with one token cannot both get the user.
    const n = await this.q.run('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?', [at, tokenHash, at]);
    if (n === 0) return null;
    const r = await oneRow<{ user_id: string }>(this.q, 'SELECT user_id FROM password_resets WHERE token_hash = ?', [tokenHash]);
    return r?.user_id ?? null;
  }
}
