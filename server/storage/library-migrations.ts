// The network library's migrations (ids 61-69): organiser invites by mail and revocable,
// reference sets removable (no schema change), the network library and its competitions.
import type { Migration } from './migrations.ts';

export const LIBRARY_MIGRATIONS: readonly Migration[] = [
  {
    id: 61,
    name: 'organiser invites mailed to an address, revocable',
    sql: `
      ALTER TABLE organiser_invites ADD COLUMN email TEXT;
      ALTER TABLE organiser_invites ADD COLUMN revoked_at TEXT;
    `,
  },
  {
    id: 62,
    name: 'the network library: proposals of group resources, published once the coach approves',
    sql: `
      CREATE TABLE library_entries (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        -- Removing the resource from the group removes its entry: nothing outlives its source.
        resource_id TEXT NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        -- JSON string[]
        tags TEXT NOT NULL,
        author_id TEXT REFERENCES users(id) ON DELETE SET NULL,
        show_author INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected', 'withdrawn')),
        reason TEXT,
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at TEXT,
        published_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX library_entries_network ON library_entries (network_id, status);
      CREATE INDEX library_entries_group ON library_entries (group_id);
      CREATE INDEX library_entries_resource ON library_entries (resource_id);
    `,
  },
  {
    id: 63,
    name: 'best-practice competitions over the network library, one vote per person',
    sql: `
      CREATE TABLE library_competitions (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX library_competitions_network ON library_competitions (network_id);
      -- One row per voter and competition: changing one's vote overwrites it.
      CREATE TABLE library_votes (
        competition_id TEXT NOT NULL REFERENCES library_competitions(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        entry_id TEXT NOT NULL REFERENCES library_entries(id) ON DELETE CASCADE,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (competition_id, user_id)
      );
    `,
  },
];
