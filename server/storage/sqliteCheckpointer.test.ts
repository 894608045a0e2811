// WAL checkpoints run on the worker's connection, never inside a commit on the main thread: the
// main connection's automatic checkpoint is off, and a checkpoint by the worker moves the
// committed pages into the database file while the main connection keeps writing.
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECKPOINT_DELAY_MS, SqliteCheckpointer } from './sqliteCheckpointer.ts';

let db: Database.Database | null = null;
let checkpointer: SqliteCheckpointer | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await checkpointer?.close();
  db?.close();
});

describe('SQLite checkpoints on a worker thread', () => {
  it('turns the automatic checkpoint off and moves committed pages into the database file itself', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pb-ckpt-')), 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    checkpointer = new SqliteCheckpointer(db, file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await checkpointer.checkpoint();
    const before = statSync(file).size;
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    // Far past SQLite's default of 1000 pages: with the automatic checkpoint on, a commit would have copied them.
    for (let i = 0; i < 3000; i++) insert.run('x'.repeat(2000));
    expect(statSync(file).size).toBe(before);
    await checkpointer.checkpoint();
    expect(statSync(file).size).toBeGreaterThan(before + 3000 * 2000);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3000 });
  });

  it('starts its worker with the first checkpoint; the start-up checkpoint runs on the main connection without one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pb-ckpt-')), 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    checkpointer = new SqliteCheckpointer(db, file);
    expect(checkpointer.workerStarted).toBe(false);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(2000));
    checkpointer.wrote();
    const before = statSync(file).size;
    checkpointer.checkpointBeforeServing();
    expect(statSync(file).size).toBeGreaterThan(before + 500 * 2000);
    // It disarmed the checkpoint the writes had armed: no worker starts for them.
    vi.advanceTimersByTime(CHECKPOINT_DELAY_MS * 2);
    expect(checkpointer.workerStarted).toBe(false);
    // A later write arms the worker's checkpoint as usual, when its delay has passed.
    for (let i = 0; i < 500; i++) insert.run('y'.repeat(2000));
    const served = statSync(file).size;
    checkpointer.wrote();
    expect(checkpointer.workerStarted).toBe(false);
    vi.advanceTimersByTime(CHECKPOINT_DELAY_MS);
    expect(checkpointer.workerStarted).toBe(true);
    await checkpointer.checkpoint(); // joins the one the timer started
    expect(statSync(file).size).toBeGreaterThan(served + 500 * 2000);
  });

  it('closes without ever starting a worker', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pb-ckpt-')), 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    checkpointer = new SqliteCheckpointer(db, file);
    await checkpointer.close();
    expect(checkpointer.workerStarted).toBe(false);
  });
});
