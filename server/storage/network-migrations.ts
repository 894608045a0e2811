// The network's migrations (ids 50-59): currency per network and per group, ...
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
];
