// Account security in SQL: the sessions a user sees and ends on their account page, and the
// login throttle counters every node shares (so a guesser gains nothing by spreading requests
// over several nodes). SqlStorage delegates to it (access.ts).
import type { Migration } from './migrations.ts';
import type { SqlAccess } from './access.ts';
import * as row from './rows.ts';
import type { LoginThrottle, SessionRecord } from './types.ts';

export const ACCOUNTS_MIGRATION: Migration = {
  id: 25,
  name: 'session details and shared login throttling',
  sql: `
    -- A public id per session (the token hash never leaves the server), the browser that
    -- opened it and when it was last used, for the account page.
    ALTER TABLE sessions ADD COLUMN id TEXT;
    ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
    ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
    UPDATE sessions SET id = substr(token_hash, 1, 16), last_seen_at = created_at;
    CREATE UNIQUE INDEX sessions_id ON sessions (id);
    -- Failed sign-ins per key: sha256 of 'account:<email>' or 'address:<ip>' (no raw emails
    -- or addresses kept). Updated with compare-and-set, so concurrent attempts each count.
    CREATE TABLE login_throttles (
      throttle_key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at TEXT NOT NULL
    );
    CREATE INDEX login_throttles_last_failure_at ON login_throttles (last_failure_at);
  `,
};

interface ThrottleRow {
  throttle_key: string;
  failures: row.DbInt;
  last_failure_at: string;
}

export class AccountsSql {
  constructor(private readonly q: SqlAccess) {}

  async listSessionsOfUser(userId: string, now: string): Promise<SessionRecord[]> {
    const rows = await this.q.all<row.SessionRow>(
      'SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, created_at DESC, id',
      [userId, now],
    );
    return rows.map(row.toSession);
  }

  async touchSession(tokenHash: string, at: string): Promise<void> {
    await this.q.run('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?', [at, tokenHash]);
  }

  async deleteSessionOfUser(userId: string, id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM sessions WHERE user_id = ? AND id = ?', [userId, id])) === 1;
  }

  async deleteOtherSessions(userId: string, keepTokenHash: string): Promise<string[]> {
    const rows = await this.q.all<{ id: string }>('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ? RETURNING id', [userId, keepTokenHash]);
    return rows.map((r) => r.id).sort();
  }

  async getLoginThrottles(keys: string[]): Promise<LoginThrottle[]> {
    if (keys.length === 0) return [];
    const rows = await this.q.all<ThrottleRow>(
      `SELECT * FROM login_throttles WHERE throttle_key IN (${keys.map(() => '?').join(', ')}) ORDER BY throttle_key`,
      keys,
    );
    return rows.map((r) => ({ key: r.throttle_key, failures: row.toInt(r.failures), lastFailureAt: r.last_failure_at }));
  }

  async setLoginThrottle(next: LoginThrottle, expected: LoginThrottle | null): Promise<boolean> {
    if (!expected) {
      const sql = 'INSERT INTO login_throttles (throttle_key, failures, last_failure_at) VALUES (?, ?, ?) ON CONFLICT (throttle_key) DO NOTHING';
      return (await this.q.run(sql, [next.key, next.failures, next.lastFailureAt])) === 1;
    }
    const sql = 'UPDATE login_throttles SET failures = ?, last_failure_at = ? WHERE throttle_key = ? AND failures = ? AND last_failure_at = ?';
    return (await this.q.run(sql, [next.failures, next.lastFailureAt, next.key, expected.failures, expected.lastFailureAt])) === 1;
  }

  async deleteLoginThrottle(key: string): Promise<void> {
    await this.q.run('DELETE FROM login_throttles WHERE throttle_key = ?', [key]);
  }

  deleteLoginThrottlesBefore(at: string): Promise<number> {
    return this.q.run('DELETE FROM login_throttles WHERE last_failure_at < ?', [at]);
  }
}
