// Preparation between meetings: the group's update prompts and each member's pre-meeting update,
// RSVPs and the group's attendance rule.
import type { AttendanceRule, Rsvp, RsvpResponse } from '../../shared/attendance.ts';
import type { MemberUpdate, UpdateAnswer, UpdatePrompt } from '../../shared/updates.ts';
import { oneRow, type SqlAccess } from './access.ts';
import { toInt, type DbInt } from './rows.ts';
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

export const RSVP_MIGRATION: Migration = {
  id: 48,
  name: 'RSVPs and the attendance rule',
  sql: `
    CREATE TABLE meeting_rsvps (
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      response TEXT NOT NULL CHECK (response IN ('room', 'remote', 'excused')),
      reason TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (meeting_id, user_id)
    );
    -- A group's own rule; no row means the default (shared/attendance.ts).
    CREATE TABLE attendance_rules (
      group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
      max_missed INTEGER NOT NULL,
      window_months INTEGER NOT NULL,
      late_after_min INTEGER NOT NULL,
      excused_counts INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};

interface RsvpRow {
  meeting_id: string;
  group_id: string;
  user_id: string;
  response: string;
  reason: string;
  updated_at: string;
}
interface RuleRow {
  max_missed: DbInt;
  window_months: DbInt;
  late_after_min: DbInt;
  excused_counts: DbInt;
}

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
  /** Inserts or replaces the member's RSVP; stamps updatedAt. */
  putRsvp(r: Omit<Rsvp, 'updatedAt'>): Promise<Rsvp>;
  /** Every RSVP for the meeting, by userId. */
  listRsvps(meetingId: string): Promise<Rsvp[]>;
  /** The group's own rule, or null for the default. */
  getAttendanceRule(groupId: string): Promise<AttendanceRule | null>;
  setAttendanceRule(groupId: string, rule: AttendanceRule | null): Promise<void>;
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

  async putRsvp(r: Omit<Rsvp, 'updatedAt'>): Promise<Rsvp> {
    const stored: Rsvp = { ...r, updatedAt: this.now() };
    await this.q.run(
      `INSERT INTO meeting_rsvps (meeting_id, group_id, user_id, response, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET response = excluded.response, reason = excluded.reason, updated_at = excluded.updated_at`,
      [stored.meetingId, stored.groupId, stored.userId, stored.response, stored.reason, stored.updatedAt],
    );
    return stored;
  }

  async listRsvps(meetingId: string): Promise<Rsvp[]> {
    const rows = await this.q.all<RsvpRow>('SELECT * FROM meeting_rsvps WHERE meeting_id = ?', [meetingId]);
    return rows
      .map((r) => ({ meetingId: r.meeting_id, groupId: r.group_id, userId: r.user_id, response: r.response as RsvpResponse, reason: r.reason, updatedAt: r.updated_at }))
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }

  async getAttendanceRule(groupId: string): Promise<AttendanceRule | null> {
    const r = await oneRow<RuleRow>(this.q, 'SELECT max_missed, window_months, late_after_min, excused_counts FROM attendance_rules WHERE group_id = ?', [groupId]);
    return r ? { maxMissed: toInt(r.max_missed), windowMonths: toInt(r.window_months), lateAfterMin: toInt(r.late_after_min), excusedCounts: toInt(r.excused_counts) === 1 } : null;
  }

  async setAttendanceRule(groupId: string, rule: AttendanceRule | null): Promise<void> {
    if (rule === null) {
      await this.q.run('DELETE FROM attendance_rules WHERE group_id = ?', [groupId]);
      return;
    }
    await this.q.run(
      `INSERT INTO attendance_rules (group_id, max_missed, window_months, late_after_min, excused_counts, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET max_missed = excluded.max_missed, window_months = excluded.window_months,
         late_after_min = excluded.late_after_min, excused_counts = excluded.excused_counts, updated_at = excluded.updated_at`,
      [groupId, rule.maxMissed, rule.windowMonths, rule.lateAfterMin, rule.excusedCounts ? 1 : 0, this.now()],
    );
  }

  async listMemberUpdates(meetingId: string): Promise<MemberUpdate[]> {
    const rows = await this.q.all<UpdateRow>('SELECT * FROM member_updates WHERE meeting_id = ?', [meetingId]);
    return rows.map(toUpdate).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  }
}
