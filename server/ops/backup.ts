// Backup and restore of the SQLite database (`npm run backup`, `npm run restore`). A backup is
// SQLite's online backup: a consistent copy taken while the server runs and writes. A restore
// replaces the database with a checked backup while the server is stopped, keeping the
// replaced files beside it. PostgreSQL is backed up with its own tools (README, Operations).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Copies the live database at dbFile to target (which must not exist yet). */
export async function backupSqlite(dbFile: string, target: string): Promise<void> {
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  if (fs.existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  check(target);
}

/** A backup must be an intact SQLite file with Peerboard's schema. */
function check(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged: ${String(integrity)}`);
    const migrations = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!migrations) throw new Error(`${file} is not a Peerboard database (no schema_migrations table)`);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${file} is not an SQLite database`);
    throw e;
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at dbFile with the backup. The server must be stopped. The replaced
 * database (with its WAL and write-behind files) is renamed to `<dbFile>.before-restore-<time>`; returns that
 * name, or null when there was none.
 */
export function restoreSqlite(backup: string, dbFile: string, now = new Date()): string | null {
  check(backup);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  let keptAs: string | null = null;
  if (fs.existsSync(dbFile)) {
    keptAs = `${dbFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    // -wb: the write-behind journal of a server that crashed (sqliteWriteBehind.ts), which belongs to the replaced database.
    for (const suffix of ['', '-wal', '-shm', '-wb']) {
      if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, keptAs + suffix);
    }
  }
  fs.copyFileSync(backup, dbFile);
  return keptAs;
}
