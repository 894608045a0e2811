// Per-user calendar feed secrets (only their sha256). One feed per user: creating a new one
// replaces, and so revokes, the old one.
import type { SqlAccess } from './access.ts';

export const CALENDAR_MIGRATION = {
  id: 11,
  name: 'calendar feeds',
  sql: `
    CREATE TABLE calendar_feeds (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      token_hash TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL
    );
  `,
};

/** The recap's "final" mark lives on the meeting row. */
export const RECAP_FINAL_MIGRATION = {
  id: 12,
  name: 'recap final',
  sql: 'ALTER TABLE meetings ADD COLUMN recap_final_at TEXT;',
};

export class CalendarSql {
  constructor(private readonly q: SqlAccess) {}

  async setCalendarFeed(userId: string, tokenHash: string, at: string): Promise<void> {
    await this.q.run(
      `INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
      [userId, tokenHash, at],
    );
  }

  async deleteCalendarFeed(userId: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM calendar_feeds WHERE user_id = ?', [userId])) > 0;
  }

  async calendarFeedUser(tokenHash: string): Promise<string | null> {
    const rows = await this.q.all<{ user_id: string }>('SELECT user_id FROM calendar_feeds WHERE token_hash = ?', [tokenHash]);
    return rows[0]?.user_id ?? null;
  }
}
