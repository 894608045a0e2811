// Preparation between meetings: the group's update prompts and each member's pre-meeting update.
import type { MemberUpdate, UpdateAnswer, UpdatePrompt } from '../../shared/updates.ts';
import { oneRow, type SqlAccess } from './access.ts';
import type { Migration } from './migrations.ts';

export const UPDATES_MIGRATION: Migration = {
  id: 46,
  name: 'pre-meeting updates and the group update prompts',
  sql: `
    -- A group's own prompts (JSON); no row means the default prompts.
    CREATE TABLE update_prompts (
      group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
      prompts TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    -- One update per member and meeting; answers (JSON) keep the wording of the prompts answered.
    CREATE TABLE member_updates (
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      answers TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (meeting_id, user_id)
    );
  `,
};

interface UpdateRow {
  meeting_id: string;
  group_id: string;
  user_id: string;
  answers: string;
  updated_at: string;
}
const toUpdate = (r: UpdateRow): MemberUpdate => ({
  meetingId: r.meeting_id,
  groupId: r.group_id,
  userId: r.user_id,
  answers: JSON.parse(r.answers) as UpdateAnswer[],
  updatedAt: r.updated_at,
});

/** A member's update to store; the storage stamps updatedAt unless given one (the demo's past meetings). */
export type NewMemberUpdate = Omit<MemberUpdate, 'updatedAt'> & { updatedAt?: string };

export interface PrepStore {
  /** The group's own prompts, or null for the defaults. */
  getUpdatePrompts(groupId: string): Promise<UpdatePrompt[] | null>;
  /** null goes back to the defaults. */
  setUpdatePrompts(groupId: string, prompts: UpdatePrompt[] | null): Promise<void>;
  /** Inserts or replaces the member's update for the meeting. */
  putMemberUpdate(u: NewMemberUpdate): Promise<MemberUpdate>;
  /** Every update written for the meeting, by userId. */
  listMemberUpdates(meetingId: string): Promise<MemberUpdate[]>;
}

export class PrepSql implements PrepStore {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async getUpdatePrompts(groupId: string): Promise<UpdatePrompt[] | null> {
    const row = await oneRow<{ prompts: string }>(this.q, 'SELECT prompts FROM update_prompts WHERE group_id = ?', [groupId]);
    return row ? (JSON.parse(row.prompts) as UpdatePrompt[]) : null;
  }

  async setUpdatePrompts(groupId: string, prompts: UpdatePrompt[] | null): Promise<void> {
    if (prompts === null) {
      await this.q.run('DELETE FROM update_prompts WHERE group_id = ?', [groupId]);
      return;
    }
    await this.q.run(
      `INSERT INTO update_prompts (group_id, prompts, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET prompts = excluded.prompts, updated_at = excluded.updated_at`,
      [groupId, JSON.stringify(prompts), this.now()],
    );
  }

  async putMemberUpdate(u: NewMemberUpdate): Promise<MemberUpdate> {
    const stored: MemberUpdate = { meetingId: u.meetingId, groupId: u.groupId, userId: u.userId, answers: u.answers, updatedAt: u.updatedAt ?? this.now() };
    await this.q.run(
      `INSERT INTO member_updates (meeting_id, group_id, user_id, answers, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at`,
      [stored.meetingId, stored.groupId, stored.userId, JSON.stringify(stored.answers), stored.updatedAt],
    );
    return stored;
  }

  async listMemberUpdates(meetingId: string): Promise<MemberUpdate[]> {
    const rows = await this.q.all<UpdateRow>('SELECT * FROM member_updates WHERE meeting_id = ?', [meetingId]);
    return rows.map(toUpdate).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }
}
