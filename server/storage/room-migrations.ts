// Who is in the room (ids 60-64): a group may count its observers in the room (they then read
// "stays in the room" content) and open hot-seat notes to them (shared/access docRight).
import type { Migration } from './migrations.ts';

export const ROOM_MIGRATIONS: readonly Migration[] = [
  {
    id: 60,
    name: 'groups: observers in the room, observers see hot-seat notes',
    sql: `
      ALTER TABLE groups ADD COLUMN observers_in_room INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE groups ADD COLUMN observers_see_hot_seat INTEGER NOT NULL DEFAULT 0;
    `,
  },
];
