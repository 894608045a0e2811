// The network's migrations (ids 50-59): currency per network and per group, organiser invites, company profiles, reference sets.
import type { Migration } from './migrations.ts';

export const NETWORK_MIGRATIONS: readonly Migration[] = [
  {
    id: 50,
    name: 'currency per network, per group override',
    sql: `
      ALTER TABLE networks ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR';
      -- NULL: the group's money is in its network's currency.
      ALTER TABLE groups ADD COLUMN currency TEXT;
    `,
  },
  {
    id: 51,
    name: 'invitations to organise a network',
    sql: `
      CREATE TABLE organiser_invites (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX organiser_invites_network ON organiser_invites (network_id);
    `,
  },
  {
    id: 52,
    name: 'company profiles, memberships pointing to them, non-competing checks',
    sql: `
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        size_band TEXT NOT NULL,
        revenue_band TEXT NOT NULL,
        vertical TEXT NOT NULL,
        business_model TEXT NOT NULL,
        territory TEXT NOT NULL,
        tools TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- One profile per owner and network: the owner-member's company.
        UNIQUE (network_id, owner_id)
      );
      ALTER TABLE memberships ADD COLUMN company_id TEXT REFERENCES companies(id) ON DELETE SET NULL;
      CREATE TABLE company_checks (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        company_id TEXT NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        "overlaps" TEXT NOT NULL,
        proposed_by TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        decision TEXT CHECK (decision IN ('invite', 'decline')),
        reason TEXT,
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at TEXT
      );
      CREATE INDEX company_checks_group ON company_checks (group_id);
    `,
  },
  {
    id: 53,
    name: 'industry reference sets (quartiles per KPI from a published study)',
    sql: `
      CREATE TABLE reference_sets (
        id TEXT PRIMARY KEY,
        network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        year INTEGER NOT NULL,
        currency TEXT NOT NULL,
        -- JSON [{kpiKey, q1, median, q3}]: read and written as one set.
        kpi_values TEXT NOT NULL,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX reference_sets_network ON reference_sets (network_id);
    `,
  },
  {
    id: 54,
    name: "the financial review shows the network and the reference beside the group (the coach's switch)",
    sql: 'ALTER TABLE groups ADD COLUMN review_shows_benchmarks INTEGER NOT NULL DEFAULT 0;',
  },
];
