// The group's resource library in SQL: links and small files shared at meetings. File bytes
// live in their own table so listing the library never reads them.
import type { Resource, ResourceKind } from '../../shared/resources.ts';
import type { Migration } from './migrations.ts';
import type { SqlAccess } from './access.ts';
import { byCode, toBytes, toInt, type DbInt } from './rows.ts';
import type { NewResource, ResourceFilter } from './types.ts';

/** `blob` is BLOB in SQLite and BYTEA in PostgreSQL. */
const resourceTables = (blob: string): string => `
  CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    item_id TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('link', 'file')),
    url TEXT,
    file_name TEXT,
    content_type TEXT,
    size BIGINT,
    shared_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    CHECK ((kind = 'link' AND url IS NOT NULL) OR (kind = 'file' AND file_name IS NOT NULL AND content_type IS NOT NULL))
  );
  CREATE INDEX resources_group ON resources (group_id, created_at);
  CREATE INDEX resources_meeting ON resources (meeting_id);
  CREATE TABLE resource_files (
    resource_id TEXT PRIMARY KEY REFERENCES resources(id) ON DELETE CASCADE,
    data ${blob} NOT NULL
  );
`;

export const RESOURCES_MIGRATION: Migration = {
  id: 5,
  name: 'resource library',
  sql: { sqlite: resourceTables('BLOB'), postgres: resourceTables('BYTEA') },
};

interface ResourceRow {
  id: string;
  group_id: string;
  meeting_id: string | null;
  item_id: string;
  title: string;
  kind: string;
  url: string | null;
  file_name: string | null;
  content_type: string | null;
  size: DbInt | null;
  shared_by: string | null;
  created_at: string;
}
const COLUMNS = 'id, group_id, meeting_id, item_id, title, kind, url, file_name, content_type, size, shared_by, created_at';

const toResource = (r: ResourceRow): Resource => ({
  id: r.id,
  groupId: r.group_id,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  title: r.title,
  kind: r.kind as ResourceKind,
  url: r.url,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size == null ? null : toInt(r.size),
  sharedBy: r.shared_by,
  createdAt: r.created_at,
});
/** Newest first; the id breaks ties so both backends agree. */
const newestFirst = (a: Resource, b: Resource): number => byCode(b.createdAt, a.createdAt) || byCode(b.id, a.id);

export class ResourcesSql {
  constructor(
    private readonly q: SqlAccess,
    private readonly now: () => string,
  ) {}

  /** The row and, for a file, its bytes, in one unit. */
  async createResource(r: NewResource): Promise<Resource> {
    const { data, createdAt, ...fields } = r;
    const created: Resource = { ...fields, size: data ? data.byteLength : null, createdAt: createdAt ?? this.now() };
    await this.q.atomic(async (db) => {
      await db.run(
        `INSERT INTO resources (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          created.id, created.groupId, created.meetingId, created.itemId, created.title, created.kind, created.url,
          created.fileName, created.contentType, created.size, created.sharedBy, created.createdAt,
        ],
      );
      if (data) await db.run('INSERT INTO resource_files (resource_id, data) VALUES (?, ?)', [r.id, data]);
    });
    return created;
  }

  async getResource(id: string): Promise<Resource | null> {
    const [row] = await this.q.all<ResourceRow>(`SELECT ${COLUMNS} FROM resources WHERE id = ?`, [id]);
    return row ? toResource(row) : null;
  }

  async getResourceFile(id: string): Promise<{ resource: Resource; data: Uint8Array } | null> {
    const [row] = await this.q.all<ResourceRow & { data: Uint8Array }>(
      `SELECT r.*, f.data FROM resources r JOIN resource_files f ON f.resource_id = r.id WHERE r.id = ?`,
      [id],
    );
    return row ? { resource: toResource(row), data: toBytes(row.data) } : null;
  }

  async listResources(groupId: string, filter: ResourceFilter = {}): Promise<Resource[]> {
    const rows = filter.meetingId
      ? await this.q.all<ResourceRow>(`SELECT ${COLUMNS} FROM resources WHERE group_id = ? AND meeting_id = ?`, [groupId, filter.meetingId])
      : await this.q.all<ResourceRow>(`SELECT ${COLUMNS} FROM resources WHERE group_id = ?`, [groupId]);
    return rows.map(toResource).sort(newestFirst);
  }

  /** Deletes the resource and its bytes (ON DELETE CASCADE). */
  async deleteResource(id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM resources WHERE id = ?', [id])) > 0;
  }
}
