// The storage contract against SQLite: a fresh database file per test, and in-memory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { openSqliteStorage } from './sqlite.ts';

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
