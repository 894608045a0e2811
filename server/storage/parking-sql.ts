// The group's parking lot: items carried across meetings, each with its history (JSON).
import type { ParkingEvent, ParkingItem, ParkingKind, ParkingStatus } from '../../shared/parking.ts';
import { oneRow, type SqlAccess } from './access.ts';
import type { Migration } from './migrations.ts';

export const PARKING_MIGRATION: Migration = {
  id: 47,
  name: 'the parking lot',
  sql: `
    CREATE TABLE parking_items (
      id TEXT PRIMARY KEY,
      group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('proposal', 'parked', 'need', 'lead')),
      title TEXT NOT NULL,
      detail TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'scheduled', 'resolved', 'dropped')),
      created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
      source_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
      source_item_id TEXT,
      scheduled_meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
      -- Set for items the end of a meeting creates ("topic:<meetingId>:<topicId>"), so running
      -- the end twice (a retry, two nodes) parks each left-over proposal once.
      origin_key TEXT UNIQUE,
      history TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX parking_items_group ON parking_items (group_id, status);
  `,
};

interface ParkingRow {
  id: string;
  group_id: string;
  kind: string;
  title: string;
  detail: string;
  status: string;
  created_by: string | null;
  source_meeting_id: string | null;
  source_item_id: string | null;
  scheduled_meeting_id: string | null;
  history: string;
  created_at: string;
  updated_at: string;
}
const toItem = (r: ParkingRow): ParkingItem => ({
  id: r.id,
  groupId: r.group_id,
  kind: r.kind as ParkingKind,
  title: r.title,
  detail: r.detail,
  status: r.status as ParkingStatus,
  createdBy: r.created_by,
  sourceMeetingId: r.source_meeting_id,
  sourceItemId: r.source_item_id,
  scheduledMeetingId: r.scheduled_meeting_id,
  history: JSON.parse(r.history) as ParkingEvent[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ParkingPatch = Partial<Pick<ParkingItem, 'status' | 'scheduledMeetingId' | 'history'>>;

export interface ParkingStore {
  /** false when an item with the same originKey exists already (nothing written). */
  createParkingItem(item: ParkingItem & { originKey?: string | null }): Promise<boolean>;
  getParkingItem(id: string): Promise<ParkingItem | null>;
  /** Oldest first; only the given statuses when asked. */
  listParkingItems(groupId: string, statuses?: readonly ParkingStatus[]): Promise<ParkingItem[]>;
  /** Stamps updatedAt. */
  updateParkingItem(id: string, patch: ParkingPatch): Promise<ParkingItem | null>;
}

export class ParkingSql implements ParkingStore {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  async createParkingItem(i: ParkingItem & { originKey?: string | null }): Promise<boolean> {
    const n = await this.q.run(
      `INSERT INTO parking_items (id, group_id, kind, title, detail, status, created_by, source_meeting_id, source_item_id,
         scheduled_meeting_id, origin_key, history, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (origin_key) DO NOTHING`,
      [i.id, i.groupId, i.kind, i.title, i.detail, i.status, i.createdBy, i.sourceMeetingId, i.sourceItemId, i.scheduledMeetingId, i.originKey ?? null, JSON.stringify(i.history), i.createdAt, i.updatedAt],
    );
    return n > 0;
  }

  async getParkingItem(id: string): Promise<ParkingItem | null> {
    const r = await oneRow<ParkingRow>(this.q, 'SELECT * FROM parking_items WHERE id = ?', [id]);
    return r ? toItem(r) : null;
  }

  async listParkingItems(groupId: string, statuses?: readonly ParkingStatus[]): Promise<ParkingItem[]> {
    const rows = await this.q.all<ParkingRow>('SELECT * FROM parking_items WHERE group_id = ?', [groupId]);
    return rows
      .map(toItem)
      .filter((i) => !statuses || statuses.includes(i.status))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  async updateParkingItem(id: string, patch: ParkingPatch): Promise<ParkingItem | null> {
    const sets: string[] = [];
    const params: (string | null)[] = [];
    const set = (column: string, value: string | null) => {
      sets.push(`${column} = ?`);
      params.push(value);
    };
    if (patch.status !== undefined) set('status', patch.status);
    if (patch.scheduledMeetingId !== undefined) set('scheduled_meeting_id', patch.scheduledMeetingId);
    if (patch.history !== undefined) set('history', JSON.stringify(patch.history));
    set('updated_at', this.now());
    await this.q.run(`UPDATE parking_items SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
    return this.getParkingItem(id);
  }
}
