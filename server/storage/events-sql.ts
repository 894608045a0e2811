// Network events (super week) in SQL: the event, its participating groups, and the meetings
// linked to it (its shared sessions in the host group, and the groups' own meetings).
import { eventAudienceRole } from '../../shared/access/eventRules.ts';
import type { GroupMember, GroupRole } from '../../shared/domain.ts';
import type { NetworkEvent } from '../../shared/events.ts';
import { oneRow, type SqlAccess } from './access.ts';
import * as row from './rows.ts';
import type { Migration } from './migrations.ts';

export const EVENTS_MIGRATION: Migration = {
  id: 36,
  name: 'network events: participating groups, linked meetings',
  sql: `
    CREATE TABLE network_events (
      id TEXT PRIMARY KEY,
      network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
      -- The group holding the shared sessions; its audience is derived, it has no memberships.
      host_group_id TEXT NOT NULL UNIQUE REFERENCES groups(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      -- JSON ["2026-03-02", ...], ascending
      days TEXT NOT NULL,
      created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX network_events_network ON network_events (network_id);
    CREATE TABLE network_event_groups (
      event_id TEXT NOT NULL REFERENCES network_events(id) ON DELETE CASCADE,
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      "position" INTEGER NOT NULL,
      PRIMARY KEY (event_id, group_id)
    );
    CREATE INDEX network_event_groups_group ON network_event_groups (group_id);
    -- A meeting belongs to at most one event.
    CREATE TABLE network_event_meetings (
      meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
      event_id TEXT NOT NULL REFERENCES network_events(id) ON DELETE CASCADE
    );
    CREATE INDEX network_event_meetings_event ON network_event_meetings (event_id);
  `,
};

/** The storage of network events; Storage extends it. */
export interface EventStore {
  /** Writes the event and its participating groups (the host group must exist). */
  createNetworkEvent(e: NetworkEvent): Promise<void>;
  getNetworkEvent(id: string): Promise<NetworkEvent | null>;
  /** The network's events, by first day. */
  listNetworkEvents(networkId: string): Promise<NetworkEvent[]>;
  /** The events a group takes part in, by first day. */
  listEventsOfGroup(groupId: string): Promise<NetworkEvent[]>;
  /**
   * For an event's host group: the roles the user holds in the event's participating groups
   * (empty when none); null when the group hosts no event.
   */
  eventAudienceRoles(hostGroupId: string, userId: string): Promise<GroupRole[] | null>;
  /**
   * For an event's host group: everyone in its audience, each with their role in the shared
   * sessions (eventAudienceRole) and their company; null when the group hosts no event.
   * Storage.listMembers of a host group lists these (besides any membership of its own).
   */
  listEventAudience(hostGroupId: string): Promise<GroupMember[] | null>;
  /** Links a meeting to the event; false when it already belongs to an event. */
  linkEventMeeting(eventId: string, meetingId: string): Promise<boolean>;
  /** Ids of the meetings linked to the event. */
  listEventMeetingIds(eventId: string): Promise<string[]>;
  /** The event a meeting is linked to, if any. */
  eventOfMeeting(meetingId: string): Promise<string | null>;
  /**
   * The events of many meetings in one read (a group page's meetings), by meeting id; meetings of
   * no event (or unknown ids) are left out.
   */
  eventsOfMeetings(meetingIds: readonly string[]): Promise<Map<string, EventOfMeeting>>;
}

/** What a meeting's answers show of its event, and what the rights check to show it needs. */
export type EventOfMeeting = Pick<NetworkEvent, 'id' | 'networkId' | 'hostGroupId' | 'name'>;

/**
 * Meeting ids bound in one IN list: every group's meetings in one query, far below SQLite's and
 * PostgreSQL's limits on bound parameters, and few statement texts for the drivers to cache.
 */
const MEETING_IDS_PER_QUERY = 500;

interface EventRow {
  id: string;
  network_id: string;
  host_group_id: string;
  name: string;
  time_zone: string;
  days: string;
  created_by: string | null;
  created_at: string;
}

export class EventsSql implements EventStore {
  constructor(private readonly q: SqlAccess) {}

  private async withGroups(rows: EventRow[]): Promise<NetworkEvent[]> {
    const out: NetworkEvent[] = [];
    for (const r of rows) {
      const groups = await this.q.all<{ group_id: string }>('SELECT group_id FROM network_event_groups WHERE event_id = ? ORDER BY "position"', [r.id]);
      out.push({
        id: r.id,
        networkId: r.network_id,
        hostGroupId: r.host_group_id,
        name: r.name,
        timeZone: r.time_zone,
        days: JSON.parse(r.days) as string[],
        groupIds: groups.map((g) => g.group_id),
        createdBy: r.created_by,
        createdAt: r.created_at,
      });
    }
    // By first day, then name: JSON days compare as their first date.
    return out.sort((a, b) => (a.days[0] ?? '').localeCompare(b.days[0] ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  async createNetworkEvent(e: NetworkEvent): Promise<void> {
    await this.q.atomic(async (tx) => {
      await tx.run(
        'INSERT INTO network_events (id, network_id, host_group_id, name, time_zone, days, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [e.id, e.networkId, e.hostGroupId, e.name, e.timeZone, JSON.stringify(e.days), e.createdBy, e.createdAt],
      );
      for (const [i, groupId] of e.groupIds.entries()) {
        await tx.run('INSERT INTO network_event_groups (event_id, group_id, "position") VALUES (?, ?, ?)', [e.id, groupId, i]);
      }
    });
  }

  async getNetworkEvent(id: string): Promise<NetworkEvent | null> {
    const r = await oneRow<EventRow>(this.q, 'SELECT * FROM network_events WHERE id = ?', [id]);
    return r ? ((await this.withGroups([r]))[0] ?? null) : null;
  }

  async listNetworkEvents(networkId: string): Promise<NetworkEvent[]> {
    return this.withGroups(await this.q.all<EventRow>('SELECT * FROM network_events WHERE network_id = ?', [networkId]));
  }

  async listEventsOfGroup(groupId: string): Promise<NetworkEvent[]> {
    const rows = await this.q.all<EventRow>(
      'SELECT e.* FROM network_events e JOIN network_event_groups eg ON eg.event_id = e.id WHERE eg.group_id = ?',
      [groupId],
    );
    return this.withGroups(rows);
  }

  async eventAudienceRoles(hostGroupId: string, userId: string): Promise<GroupRole[] | null> {
    const rows = await this.q.all<{ role: GroupRole | null }>(
      `SELECT m.role FROM network_events e
       LEFT JOIN network_event_groups eg ON eg.event_id = e.id
       LEFT JOIN memberships m ON m.group_id = eg.group_id AND m.user_id = ?
       WHERE e.host_group_id = ?`,
      [userId, hostGroupId],
    );
    if (rows.length === 0) return null;
    return rows.flatMap((r) => (r.role ? [r.role] : []));
  }

  async listEventAudience(hostGroupId: string): Promise<GroupMember[] | null> {
    const rows = await this.q.all<Partial<row.MemberRow> & { event_id: string }>(
      `SELECT e.id AS event_id, m.user_id, u.name, u.email, m.role, m.company FROM network_events e
       LEFT JOIN network_event_groups eg ON eg.event_id = e.id
       LEFT JOIN memberships m ON m.group_id = eg.group_id
       LEFT JOIN users u ON u.id = m.user_id
       WHERE e.host_group_id = ?
       ORDER BY eg."position"`,
      [hostGroupId],
    );
    if (rows.length === 0) return null;
    const byUser = new Map<string, { member: GroupMember; roles: GroupRole[] }>();
    for (const r of rows) {
      if (!r.user_id) continue;
      const seen = byUser.get(r.user_id) ?? { member: row.toMember(r as row.MemberRow), roles: [] };
      seen.roles.push(r.role as GroupRole);
      // Their company from the first group that names one.
      seen.member.company ??= r.company ?? null;
      byUser.set(r.user_id, seen);
    }
    return [...byUser.values()].flatMap(({ member, roles }) => {
      const role = eventAudienceRole(roles);
      return role ? [{ ...member, role }] : [];
    });
  }

  async linkEventMeeting(eventId: string, meetingId: string): Promise<boolean> {
    // ON CONFLICT DO NOTHING: both backends, so a second link is a clean false.
    const n = await this.q.run('INSERT INTO network_event_meetings (meeting_id, event_id) VALUES (?, ?) ON CONFLICT (meeting_id) DO NOTHING', [meetingId, eventId]);
    return n === 1;
  }

  async listEventMeetingIds(eventId: string): Promise<string[]> {
    const rows = await this.q.all<{ meeting_id: string }>('SELECT meeting_id FROM network_event_meetings WHERE event_id = ? ORDER BY meeting_id', [eventId]);
    return rows.map((r) => r.meeting_id);
  }

  async eventOfMeeting(meetingId: string): Promise<string | null> {
    return (await oneRow<{ event_id: string }>(this.q, 'SELECT event_id FROM network_event_meetings WHERE meeting_id = ?', [meetingId]))?.event_id ?? null;
  }

  async eventsOfMeetings(meetingIds: readonly string[]): Promise<Map<string, EventOfMeeting>> {
    const out = new Map<string, EventOfMeeting>();
    for (let i = 0; i < meetingIds.length; i += MEETING_IDS_PER_QUERY) {
      const ids = meetingIds.slice(i, i + MEETING_IDS_PER_QUERY);
      const rows = await this.q.all<{ meeting_id: string } & Pick<EventRow, 'id' | 'network_id' | 'host_group_id' | 'name'>>(
        `SELECT em.meeting_id, e.id, e.network_id, e.host_group_id, e.name FROM network_event_meetings em
         JOIN network_events e ON e.id = em.event_id
         WHERE em.meeting_id IN (${ids.map(() => '?').join(', ')})`,
        ids,
      );
      for (const r of rows) out.set(r.meeting_id, { id: r.id, networkId: r.network_id, hostGroupId: r.host_group_id, name: r.name });
    }
    return out;
  }
}
