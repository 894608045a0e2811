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
];
