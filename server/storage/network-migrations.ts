// The network's migrations (ids 50-59): currency per network and per group, organiser invites.
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
];
