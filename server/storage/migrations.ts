// Numbered schema migrations. Append new ones at the end; never edit one that has shipped.
// The SQL is portable between SQLite and PostgreSQL 15: TEXT ids, ISO-8601 TEXT timestamps
// (generated in JS so both backends store the same strings), JSON as TEXT, INTEGER/BIGINT.
// Only the binary column type differs, so that migration has a per-dialect variant built
// from one template.
import type { Dialect, SqlDriver } from './driver.ts';
import { RESOURCES_MIGRATION } from './resources-sql.ts';
import { SEARCH_MIGRATION } from './search-sql.ts';
import { CALENDAR_MIGRATION, RECAP_FINAL_MIGRATION } from './calendar-sql.ts';
import { MAIL_MIGRATION } from './mail-sql.ts';
import { NETWORK_MIGRATIONS } from './network-migrations.ts';
import { LIBRARY_MIGRATIONS } from './library-migrations.ts';
import { ROOM_MIGRATIONS } from './room-migrations.ts';
import { RSVP_MIGRATION, UPDATES_MIGRATION } from './prep-sql.ts';
import { ACCOUNTS_MIGRATION } from './accounts-sql.ts';
import { PARKING_MIGRATION } from './parking-sql.ts';
import { NORMS_MIGRATION } from './norms-sql.ts';
import { EVENTS_MIGRATION } from './events-sql.ts';
import { FIGURE_STAMPS_MIGRATION, GOAL_CHANGES_MIGRATION } from './records-sql.ts';
import { TEMPLATE_PROTOCOL_MIGRATION } from './meetings-sql.ts';
import { GROUP_KIND_MIGRATIONS } from './groupKinds-sql.ts';
import { NEXT_MEETING_MIGRATION } from './meetings-sql.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string | Record<Dialect, string>;
}

const ROLE_CHECK = "CHECK (role IN ('coach', 'member', 'observer'))";

/** The document log; `blob` is BLOB in SQLite and BYTEA in PostgreSQL. */
const docTables = (blob: string): string => `
  -- Append-only Yjs update log. seq is per document and assigned in commit order (see doc_heads).
  CREATE TABLE doc_updates (
    doc_name TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data ${blob} NOT NULL,
    PRIMARY KEY (doc_name, seq)
  );
  CREATE TABLE doc_snapshots (
    doc_name TEXT PRIMARY KEY,
    snapshot ${blob} NOT NULL,
    upto_seq BIGINT NOT NULL
  );
  -- One row per document holding its last seq. Appends bump it with an upsert, whose row lock
  -- serialises appends to one document until commit, so seq order is commit order and a
  -- compaction up to seq N can never delete an update that commits later with a lower seq.
  -- It also lists every document, including ones that only have a snapshot.
  CREATE TABLE doc_heads (
    doc_name TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
  );
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'accounts, networks and groups',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        -- Lower-cased in JS: SQLite's lower() only folds ASCII, so the two backends would differ.
        email_lower TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE INDEX sessions_expires_at ON sessions (expires_at);
      CREATE TABLE networks (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE network_organisers (
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (network_id, user_id)
      );
      CREATE INDEX network_organisers_user_id ON network_organisers (user_id);
      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        leadership TEXT NOT NULL CHECK (leadership IN ('coach-led', 'peer-led')),
        format TEXT NOT NULL CHECK (format IN ('in-person', 'online', 'hybrid')),
        tags TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX groups_network_id ON groups (network_id);
      CREATE TABLE memberships (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL ${ROLE_CHECK},
        company TEXT,
        joined_at TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id)
      );
      CREATE INDEX memberships_user_id ON memberships (user_id);
      CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        role TEXT NOT NULL ${ROLE_CHECK},
        created_by TEXT NOT NULL REFERENCES users(id),
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX invites_group_id ON invites (group_id);
      CREATE TABLE agenda_templates (
        id TEXT PRIMARY KEY,
        group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        items TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX agenda_templates_group_id ON agenda_templates (group_id);
    `,
  },
  {
    id: 2,
    name: 'meetings and their live state',
    sql: `
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        quarter TEXT NOT NULL,
        title TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        location TEXT,
        online_url TEXT,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'live', 'ended')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX meetings_group_id ON meetings (group_id, starts_at);
      CREATE TABLE meeting_states (
        meeting_id TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    id: 3,
    name: 'collaborative documents',
    sql: { sqlite: docTables('BLOB'), postgres: docTables('BYTEA') },
  },
  {
    id: 4,
    name: 'financial review and goals',
    // DOUBLE PRECISION is float8 in PostgreSQL; SQLite gives any type name containing "DOUB"
    // REAL affinity, so one spelling serves both. Booleans are INTEGER 0/1 for the same reason.
    sql: `
      ALTER TABLE groups ADD COLUMN observers_see_financials INTEGER NOT NULL DEFAULT 0;
      -- A group's own KPIs; the network defaults live in shared code (DEFAULT_KPIS).
      CREATE TABLE kpi_definitions (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        kpi_key TEXT NOT NULL,
        label TEXT NOT NULL,
        unit TEXT NOT NULL CHECK (unit IN ('currency', 'percent', 'count', 'days')),
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        decimals INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (group_id, kpi_key)
      );
      -- One figure per member, quarter and KPI; derived KPIs are computed, never stored.
      CREATE TABLE kpi_figures (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        quarter TEXT NOT NULL,
        kpi_key TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        coach_only INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id, quarter, kpi_key)
      );
      CREATE INDEX kpi_figures_quarter ON kpi_figures (group_id, quarter);
      CREATE INDEX kpi_figures_network ON kpi_figures (quarter, kpi_key);
      CREATE TABLE goals (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        quarter TEXT NOT NULL,
        meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
        text TEXT NOT NULL,
        target TEXT NOT NULL,
        due_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'partly', 'not_done')),
        comment TEXT NOT NULL,
        progress TEXT NOT NULL,
        carried_from_id TEXT REFERENCES goals(id) ON DELETE SET NULL,
        carried_count INTEGER NOT NULL,
        vague INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX goals_group_quarter ON goals (group_id, quarter);
      -- A goal carries into at most one later goal, so two carry-overs racing (the review and
      -- the end of the meeting) can never both insert a copy. NULLs are distinct in both backends.
      CREATE UNIQUE INDEX goals_carried_from_id ON goals (carried_from_id);
    `,
  },
  RESOURCES_MIGRATION,
  SEARCH_MIGRATION,
  CALENDAR_MIGRATION,
  RECAP_FINAL_MIGRATION,
  MAIL_MIGRATION,
  {
    id: 45,
    name: 'when a goal progress note was written',
    // Existing notes get their goal's last change, the best guess there is.
    sql: `
      ALTER TABLE goals ADD COLUMN progress_at TEXT;
      UPDATE goals SET progress_at = updated_at WHERE progress <> '';
    `,
  },
  {
    id: 35,
    name: 'meeting days',
    // JSON MeetingDay[] in the meeting's zone; NULL for meetings scheduled before days existed.
    sql: 'ALTER TABLE meetings ADD COLUMN days TEXT;',
  },
  ...NETWORK_MIGRATIONS,
  ...LIBRARY_MIGRATIONS,
  UPDATES_MIGRATION,
  ACCOUNTS_MIGRATION,
  PARKING_MIGRATION,
  NORMS_MIGRATION,
  ...ROOM_MIGRATIONS,
  RSVP_MIGRATION,
  EVENTS_MIGRATION,
  GOAL_CHANGES_MIGRATION,
  TEMPLATE_PROTOCOL_MIGRATION,
  ...GROUP_KIND_MIGRATIONS,
  NEXT_MEETING_MIGRATION,
  FIGURE_STAMPS_MIGRATION,
];

// Any constant works; it only has to be the same in every process sharing the database.
const PG_MIGRATION_LOCK = 7_274_001;

/**
 * Applies the migrations not yet recorded in schema_migrations, all in one transaction, so a
 * failure leaves the schema as it was. Safe to call on every start and from several processes.
 */
export async function applyMigrations(
  db: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    // SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL needs an explicit one
    // so two servers starting together don't both apply migration 1.
    if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [PG_MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ id: number }>('SELECT id FROM schema_migrations');
    const done = new Set(rows.map((r) => Number(r.id)));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      await tx.exec(typeof m.sql === 'string' ? m.sql : m.sql[tx.dialect]);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
        m.id,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.id);
    }
    return applied;
  });
}
