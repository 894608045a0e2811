// Meetings in SQL: the group's agenda templates, meetings and each meeting's live state (one
// JSON row, versioned). SqlStorage delegates to it (access.ts).
import type { AgendaTemplate, Meeting } from '../../shared/domain.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { oneRow, patchRow, type SqlAccess } from './access.ts';
import type { SqlParam } from './driver.ts';
import * as row from './rows.ts';
import type { MeetingPatch, MeetingStateSave, NewMeeting, NewTemplate, TemplateUpdate } from './types.ts';
import type { Migration } from './migrations.ts';

/** A template's hot-seat protocol (JSON ProtocolChoice); null: saved before protocols, classic. */
export const TEMPLATE_PROTOCOL_MIGRATION: Migration = {
  id: 14,
  name: 'agenda templates carry a hot-seat protocol',
  sql: 'ALTER TABLE agenda_templates ADD COLUMN hotseat_protocol TEXT;',
};

/** Compare-and-set of a meeting's state in one statement: it holds under concurrent writers on any node. */
const CAS_STATE = 'UPDATE meeting_states SET version = ?, state = ?, updated_at = ? WHERE meeting_id = ? AND version = ?';

const MEETING_COLUMNS = {
  quarter: 'quarter',
  title: 'title',
  startsAt: 'starts_at',
  timeZone: 'time_zone',
  location: 'location',
  onlineUrl: 'online_url',
  status: 'status',
  recapFinalAt: 'recap_final_at',
  days: 'days',
} as const;

/**
 * Which meeting was scheduled at the closing of which (one per meeting): the link makes
 * scheduling again edit that meeting instead of creating a second one.
 */
export const NEXT_MEETING_MIGRATION = {
  id: 21,
  name: 'next meeting scheduled at the closing',
  sql: `
    CREATE TABLE meeting_next (
      meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
      next_meeting_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `,
};

export class MeetingsSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  // agenda templates

  async createTemplate(t: NewTemplate): Promise<AgendaTemplate> {
    const createdAt = this.now();
    const protocol = t.protocol ?? { preset: 'classic' };
    await this.q.run('INSERT INTO agenda_templates (id, group_id, name, items, created_at, hotseat_protocol) VALUES (?, ?, ?, ?, ?, ?)', [
      t.id,
      t.groupId,
      t.name,
      JSON.stringify(t.items),
      createdAt,
      JSON.stringify(protocol),
    ]);
    return { id: t.id, groupId: t.groupId, name: t.name, items: t.items.map((i) => ({ ...i })), protocol: structuredClone(protocol), createdAt };
  }
  async getTemplate(id: string): Promise<AgendaTemplate | null> {
    const r = await oneRow<row.TemplateRow>(this.q, 'SELECT * FROM agenda_templates WHERE id = ?', [id]);
    return r && row.toTemplate(r);
  }
  async updateTemplate(id: string, t: TemplateUpdate): Promise<AgendaTemplate | null> {
    if (t.protocol === undefined) await this.q.run('UPDATE agenda_templates SET name = ?, items = ? WHERE id = ?', [t.name, JSON.stringify(t.items), id]);
    else await this.q.run('UPDATE agenda_templates SET name = ?, items = ?, hotseat_protocol = ? WHERE id = ?', [t.name, JSON.stringify(t.items), JSON.stringify(t.protocol), id]);
    return this.getTemplate(id);
  }
  async deleteTemplate(id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM agenda_templates WHERE id = ?', [id])) > 0;
  }
  /** The group's own templates; the built-in standard template lives in shared code, not here. */
  async listTemplates(groupId: string): Promise<AgendaTemplate[]> {
    const rows = await this.q.all<row.TemplateRow>('SELECT * FROM agenda_templates WHERE group_id = ?', [groupId]);
    return rows.map(row.toTemplate).sort(row.byName);
  }

  // the next meeting scheduled at a closing

  async reserveNextMeeting(meetingId: string, candidateId: string): Promise<string> {
    await this.q.run('INSERT INTO meeting_next (meeting_id, next_meeting_id, created_at) VALUES (?, ?, ?) ON CONFLICT (meeting_id) DO NOTHING', [meetingId, candidateId, this.now()]);
    return (await this.getNextMeetingId(meetingId)) as string;
  }
  async getNextMeetingId(meetingId: string): Promise<string | null> {
    const r = await oneRow<{ next_meeting_id: string }>(this.q, 'SELECT next_meeting_id FROM meeting_next WHERE meeting_id = ?', [meetingId]);
    return r?.next_meeting_id ?? null;
  }

  // meetings and their live state

  async createMeeting(m: NewMeeting & { id: string }, state: MeetingState): Promise<Meeting> {
    if (state.meetingId !== m.id) throw new Error(`storage: state of meeting ${state.meetingId} given for ${m.id}`);
    const meeting: Meeting = { ...m, status: state.status, createdAt: this.now(), recapFinalAt: null };
    await this.q.atomic(async (db) => {
      await db.run(
        `INSERT INTO meetings (id, group_id, quarter, title, starts_at, time_zone, location, online_url, days, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [m.id, m.groupId, m.quarter, m.title, m.startsAt, m.timeZone, m.location, m.onlineUrl, JSON.stringify(m.days), meeting.status, meeting.createdAt],
      );
      await db.run('INSERT INTO meeting_states (meeting_id, version, state, updated_at) VALUES (?, ?, ?, ?)', [
        m.id,
        state.version,
        JSON.stringify(state),
        meeting.createdAt,
      ]);
    });
    return meeting;
  }
  async getMeeting(id: string): Promise<Meeting | null> {
    const r = await oneRow<row.MeetingRow>(this.q, 'SELECT * FROM meetings WHERE id = ?', [id]);
    return r && row.toMeeting(r);
  }
  async updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | null> {
    const { days, ...rest } = patch;
    await patchRow(this.q, 'meetings', id, MEETING_COLUMNS, { ...rest, ...(days !== undefined && { days: JSON.stringify(days) }) });
    return this.getMeeting(id);
  }
  async listMeetings(groupId: string): Promise<Meeting[]> {
    const rows = await this.q.all<row.MeetingRow>('SELECT * FROM meetings WHERE group_id = ?', [groupId]);
    return rows.map(row.toMeeting).sort((a, b) => row.byCode(a.startsAt, b.startsAt) || row.byCode(a.id, b.id));
  }
  async getMeetingState(meetingId: string): Promise<MeetingState | null> {
    const r = await oneRow<{ state: string }>(this.q, 'SELECT state FROM meeting_states WHERE meeting_id = ?', [meetingId]);
    return r && (JSON.parse(r.state) as MeetingState);
  }
  async saveMeetingState(meetingId: string, state: MeetingState, expectedVersion: number): Promise<boolean> {
    const [saved] = await this.saveMeetingStates([{ meetingId, state, expectedVersion }]);
    return saved!;
  }
  async saveMeetingStates(saves: readonly MeetingStateSave[]): Promise<boolean[]> {
    saves.forEach(checkSave);
    if (saves.length === 0) return [];
    const now = this.now();
    const only = usualSave(saves);
    if (only) {
      // One statement is atomic on its own, so it needs no transaction around it (BEGIN and
      // COMMIT cost as much as the UPDATE).
      return [(await this.q.run(CAS_STATE, casParams(only, now))) > 0];
    }
    return this.q.atomic(async (db) => {
      const results: boolean[] = [];
      for (const save of saves) {
        const { meetingId, state, previousStatus } = save;
        const changed = await db.run(CAS_STATE, casParams(save, now));
        // The meeting row mirrors the status; it changes twice in a meeting's life. The save
        // held over expectedVersion, so a known previous status is the row's status now.
        const statusMayDiffer = previousStatus === undefined || previousStatus !== state.status;
        if (changed > 0 && statusMayDiffer) await db.run('UPDATE meetings SET status = ? WHERE id = ? AND status <> ?', [state.status, meetingId, state.status]);
        results.push(changed > 0);
      }
      return results;
    });
  }
  /** saveMeetingStates within the caller's turn (Storage.saveMeetingStatesNow): the usual save only, one statement. */
  saveMeetingStatesNow(saves: readonly MeetingStateSave[]): boolean[] | null {
    saves.forEach(checkSave);
    const only = usualSave(saves);
    if (!only) return saves.length === 0 ? [] : null;
    const changed = this.q.runIfFree(CAS_STATE, casParams(only, this.now()));
    return changed === null ? null : [changed > 0];
  }
}

function checkSave({ meetingId, state, expectedVersion }: MeetingStateSave): void {
  if (state.meetingId !== meetingId) throw new Error(`storage: state of meeting ${state.meetingId} given for ${meetingId}`);
  if (state.version <= expectedVersion) throw new Error(`storage: version ${state.version} does not follow ${expectedVersion}`);
}

/** The usual command's save: one meeting, its status unchanged, so the meetings row is not touched. */
function usualSave(saves: readonly MeetingStateSave[]): MeetingStateSave | null {
  const only = saves.length === 1 ? saves[0]! : null;
  return only && only.previousStatus === only.state.status ? only : null;
}

function casParams({ meetingId, state, expectedVersion }: MeetingStateSave, now: string): SqlParam[] {
  return [state.version, JSON.stringify(state), now, meetingId, expectedVersion];
}
