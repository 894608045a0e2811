// The storage contract against SQLite: a fresh database file per test, and in-memory.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runStorageContract } from './contract.ts';
import { runRecordsContract } from './contract-records.ts';
import { runMailContract } from './contract-mail.ts';
import { runPrepContract } from './contract-prep.ts';
import { runParkingContract } from './contract-parking.ts';
import { runGroupKindsContract } from './contract-groupKinds.ts';
import { runAccountsContract } from './contract-accounts.ts';
import { runMyDataContract } from './contract-mydata.ts';
import { runNormsContract } from './contract-norms.ts';
import { runEventsContract } from './contract-events.ts';
import { runNextMeetingContract } from './contract-next.ts';
import { runResourcesContract } from './contract-resources.ts';
import { runLibraryContract } from './contract-library.ts';
import { runCalendarFeedContract, runSearchContract } from './contract-search.ts';
import { openStorage } from './index.ts';
import { openSqliteStorage, type SqliteOptions } from './sqlite.ts';
import { group, meetingState, newMeeting, user } from './contract-fixtures.ts';
import type { MeetingStateSave } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'peerboard-storage-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A nested path also checks that the parent folder is created.
runStorageContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runStorageContract('sqlite :memory:', async () => openSqliteStorage(':memory:'));
runRecordsContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runResourcesContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runLibraryContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runSearchContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runCalendarFeedContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runMailContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runPrepContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runParkingContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runGroupKindsContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runAccountsContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runNormsContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runNextMeetingContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runMyDataContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));
runEventsContract('sqlite file', async () => openSqliteStorage(join(dir, `db${++n}`, 'peerboard.sqlite')));

describe('sqlite storage', () => {
  it('keeps data across reopening the file, and openStorage migrates it', async () => {
    const file = join(dir, 'reopen', 'peerboard.sqlite');
    const first = await openStorage({ sqliteFile: file });
    await first.appendDocUpdate('doc', new Uint8Array([7]));
    await first.close();
    const second = await openStorage({ sqliteFile: file });
    expect((await second.loadDoc('doc')).updates).toEqual([new Uint8Array([7])]);
    await second.close();
  });
});

describe('sqlite: a meeting state written at once (saveMeetingStatesNow)', () => {
  /** A migrated database in its own folder, holding one live meeting at version 1. */
  async function live(folder: string, options: SqliteOptions = {}) {
    const file = join(dir, folder, 'peerboard.sqlite');
    const s = openSqliteStorage(file, options);
    await s.migrate();
    const { group: g } = await group(s);
    const facilitator = await user(s);
    const m = newMeeting(g.id);
    await s.createMeeting(m, meetingState(m.id, facilitator.id, 1, 'live'));
    const save = (version: number, expectedVersion = version - 1, status: 'live' | 'ended' = 'live'): MeetingStateSave => ({
      meetingId: m.id,
      state: meetingState(m.id, facilitator.id, version, status),
      expectedVersion,
      previousStatus: 'live',
    });
    return { s, file, id: m.id, save };
  }

  it('stores the usual save within the call, by the same compare-and-set; anything else is left to saveMeetingStates', async () => {
    const { s, file, id, save } = await live('now');
    expect(s.saveMeetingStatesNow!([save(2)])).toEqual([true]);
    expect((await s.getMeetingState(id))?.version).toBe(2);
    // A stale base loses and changes nothing.
    expect(s.saveMeetingStatesNow!([save(3, 1)])).toEqual([false]);
    expect((await s.getMeetingState(id))?.version).toBe(2);
    // A status change (the meetings row too) and a batch need a transaction: not at once.
    expect(s.saveMeetingStatesNow!([save(3, 2, 'ended')])).toBeNull();
    expect(s.saveMeetingStatesNow!([save(3), save(4)])).toBeNull();
    expect((await s.getMeetingState(id))?.version).toBe(2);
    expect((await s.getMeeting(id))?.status).toBe('live');
    // A malformed save is refused as saveMeetingStates refuses it.
    expect(() => s.saveMeetingStatesNow!([save(2, 2)])).toThrow('does not follow');
    await s.close();
    // Committed: a reopened file has it.
    const again = openSqliteStorage(file);
    expect((await again.getMeetingState(id))?.version).toBe(2);
    await again.close();
  });

  it('declines while the connection is taken: a statement queued, a transaction open', async () => {
    const { s, id, save } = await live('busy');
    const read = s.getMeetingState(id); // queued on the connection, not yet run
    expect(s.saveMeetingStatesNow!([save(2)])).toBeNull();
    expect((await read)?.version).toBe(1);

    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    const tx = s.transaction(async (t) => {
      await t.saveMeetingStates([save(2)]);
      opened();
      await held;
      throw new Error('rolled back');
    });
    await isOpen;
    // Had it run, this write would have joined the open transaction and rolled back with it.
    expect(s.saveMeetingStatesNow!([save(2)])).toBeNull();
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(s.saveMeetingStatesNow!([save(2)])).toEqual([true]);
    expect((await s.getMeetingState(id))?.version).toBe(2);
    await s.close();
  });

  it('writes journaled notes into the database first, as any statement does', async () => {
    const { s, file, save } = await live('flush', { flushMs: 3_600_000 });
    await s.appendDocBatch([{ docName: 'notes-1', updates: [new Uint8Array([1, 2])] }]);
    const rows = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT COUNT(*) FROM doc_updates WHERE doc_name = ?').pluck().get('notes-1') as number;
      } finally {
        db.close();
      }
    };
    expect(statSync(`${file}-wb`).size).toBeGreaterThan(0);
    expect(rows()).toBe(0); // journaled, not yet in the database
    expect(s.saveMeetingStatesNow!([save(2)])).toEqual([true]);
    expect(rows()).toBe(1);
    expect(statSync(`${file}-wb`).size).toBe(0);
    // The next append's seq still follows what the database holds.
    expect(await s.appendDocUpdates('notes-1', [new Uint8Array([3])])).toBe(2);
    await s.close();
  });

  it('compares with the stored version, whoever wrote it: the group commit or another process', async () => {
    const { s, file, id, save } = await live('around');
    expect(s.saveMeetingStatesNow!([save(2)])).toEqual([true]);
    // Plain SQL (a batch: the group commit's path) moves the meeting on to 3.
    expect(await s.saveMeetingStates([save(3), save(9, 8)])).toEqual([true, false]);
    expect(s.saveMeetingStatesNow!([save(3, 2)])).toEqual([false]);
    expect(s.saveMeetingStatesNow!([save(4)])).toEqual([true]);
    const other = new Database(file);
    other.prepare('UPDATE meeting_states SET version = 7 WHERE meeting_id = ?').run(id);
    other.close();
    expect(s.saveMeetingStatesNow!([save(5)])).toEqual([false]);
    expect(s.saveMeetingStatesNow!([save(8)])).toEqual([true]);
    expect((await s.getMeetingState(id))?.version).toBe(8);
    // A meeting without a state is no save.
    expect(s.saveMeetingStatesNow!([{ ...save(2), meetingId: 'nope', state: { ...save(2).state, meetingId: 'nope' } }])).toEqual([false]);
    await s.close();
  });
});
