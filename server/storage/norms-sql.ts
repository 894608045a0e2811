// Group norms and the dates members accepted them (every acceptance is kept; the latest counts).
import type { GroupNorms, NormsText } from '../../shared/norms.ts';
import type { SqlAccess } from './access.ts';

export const NORMS_MIGRATION = {
  id: 20,
  name: 'group norms and their acceptances',
  sql: `
    CREATE TABLE group_norms (
      group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
      confidentiality TEXT NOT NULL,
      recording TEXT NOT NULL,
      advice TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT REFERENCES users(id) ON DELETE SET NULL
    );
    CREATE TABLE norms_acceptances (
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      accepted_at TEXT NOT NULL,
      PRIMARY KEY (group_id, user_id, accepted_at)
    );
  `,
};

interface NormsRow {
  group_id: string;
  confidentiality: string;
  recording: string;
  advice: string;
  updated_at: string;
  updated_by: string | null;
}

export class NormsSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async getGroupNorms(groupId: string): Promise<GroupNorms | null> {
    const [r] = await this.q.all<NormsRow>('SELECT * FROM group_norms WHERE group_id = ?', [groupId]);
    return r ? { groupId: r.group_id, confidentiality: r.confidentiality, recording: r.recording, advice: r.advice, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
  }

  async setGroupNorms(groupId: string, text: NormsText, userId: string): Promise<GroupNorms> {
    const at = this.now();
    await this.q.run(
      `INSERT INTO group_norms (group_id, confidentiality, recording, advice, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET confidentiality = excluded.confidentiality, recording = excluded.recording,
         advice = excluded.advice, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [groupId, text.confidentiality, text.recording, text.advice, at, userId],
    );
    return { groupId, ...text, updatedAt: at, updatedBy: userId };
  }

  async acceptNorms(groupId: string, userId: string, at: string): Promise<void> {
    await this.q.run('INSERT INTO norms_acceptances (group_id, user_id, accepted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [groupId, userId, at]);
  }

  /** Each user's latest acceptance in the group. */
  async listNormsAcceptances(groupId: string): Promise<{ userId: string; acceptedAt: string }[]> {
    const rows = await this.q.all<{ user_id: string; accepted_at: string }>(
      'SELECT user_id, MAX(accepted_at) AS accepted_at FROM norms_acceptances WHERE group_id = ? GROUP BY user_id ORDER BY user_id',
      [groupId],
    );
    return rows.map((r) => ({ userId: r.user_id, acceptedAt: r.accepted_at }));
  }

  /** Every acceptance the user gave, in any group, oldest first (their data export). */
  async listUserNormsAcceptances(userId: string): Promise<{ groupId: string; acceptedAt: string }[]> {
    const rows = await this.q.all<{ group_id: string; accepted_at: string }>(
      'SELECT group_id, accepted_at FROM norms_acceptances WHERE user_id = ? ORDER BY accepted_at, group_id',
      [userId],
    );
    return rows.map((r) => ({ groupId: r.group_id, acceptedAt: r.accepted_at }));
  }
}
