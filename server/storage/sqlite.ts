// SQLite backend: one better-sqlite3 connection behind the async SqlDriver interface.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { toDriverParam, TransactionHandle, UniqueViolationError } from './driver.ts';
import type { SqlDriver, SqlParam } from './driver.ts';
import { SqlStorage } from './sql-storage.ts';
import { SqliteCheckpointer } from './sqliteCheckpointer.ts';
import { SqliteWriteBehind } from './sqliteWriteBehind.ts';
import type { HotWrites, Storage } from './types.ts';

/** How long a statement waits for another process's write lock (a backup, a CLI) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/** Fixed statements that begin and end every top-level transaction (not savepoints: their names vary). */
const TRANSACTION_CONTROL = new Set(['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK']);

/** A SqliteError from a UNIQUE or PRIMARY KEY constraint, as our typed conflict. */
function mapError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new UniqueViolationError((err as Error).message, { cause: err });
  }
  return err;
}

class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, Statement>();
  /** Doc appends, journaled and flushed in batches (sqliteWriteBehind.ts). */
  private readonly writeBehindLog: SqliteWriteBehind;
  readonly writeBehind: HotWrites;
  /**
   * Promise-chain mutex. The connection is shared, so while a transaction awaits between its
   * statements nothing else may run on it: a plain write would silently join (and roll back
   * with) the transaction, and a second BEGIN would fail. Every operation queues here.
   */
  private tail: Promise<unknown> = Promise.resolve();
  /** Operations queued on the mutex and not yet settled: the connection is free only at 0. */
  private queued = 0;
  private readonly settled = () => {
    this.queued--;
  };

  constructor(
    private readonly db: Database.Database,
    /** Runs WAL checkpoints on a worker thread (file databases); told of every statement. */
    private readonly checkpointer: SqliteCheckpointer | null,
    /** The write-behind journal's file; null for an in-memory database. */
    journalFile: string | null,
    options: SqliteOptions,
  ) {
    const host = { exclusive: <T>(fn: () => T) => this.exclusive(fn, false), wrote: () => this.checkpointer?.wrote(), log: options.log ?? (() => undefined) };
    this.writeBehindLog = new SqliteWriteBehind(db, journalFile, host, options.flushMs);
    this.writeBehind = { appendDocBatch: (appends) => this.writeBehindLog.appendDocBatch(appends) };
  }

  /**
   * Queues fn behind every earlier operation. Anything but the write-behind's own writes first
   * flushes what it holds, so every statement sees the journaled writes as committed.
   */
  private exclusive<T>(fn: () => T | Promise<T>, flush = true): Promise<T> {
    this.queued++;
    const result = this.tail.then(() => {
      if (flush) this.writeBehindLog.flushNow();
      return fn();
    });
    this.tail = result.then(this.settled, this.settled);
    return result;
  }

  /**
   * A write now, when no operation is queued on the connection or running on it: a write while
   * a transaction awaits between its statements would join it (and roll back with it). Journaled
   * notes go into the database first, as before any statement (exclusive).
   */
  runIfFree(sql: string, params: readonly SqlParam[]): number | null {
    if (this.queued > 0 || this.db.inTransaction || !this.db.open) return null;
    this.writeBehindLog.flushNow();
    return this.runNow(sql, params);
  }

  /** A statement of ours writes: the write-behind's caches of heads and versions may be stale now. */
  private wrote(): void {
    this.checkpointer?.wrote();
    this.writeBehindLog.forget();
  }

  private prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs immediately; only for the mutex holder (a queued operation or the open transaction). */
  allNow<R>(sql: string, params: readonly SqlParam[]): R[] {
    try {
      const stmt = this.prepare(sql);
      // A plain SELECT adds nothing to the WAL; only a write (... RETURNING) asks for a checkpoint.
      if (!stmt.readonly) this.wrote();
      return stmt.all(...params.map(toDriverParam)) as R[];
    } catch (err) {
      throw mapError(err);
    }
  }
  runNow(sql: string, params: readonly SqlParam[]): number {
    this.wrote();
    try {
      return this.prepare(sql).run(...params.map(toDriverParam)).changes;
    } catch (err) {
      throw mapError(err);
    }
  }
  execNow(sql: string): void {
    this.wrote();
    try {
      // The transaction statements run on every write: prepared once, not parsed each time.
      if (TRANSACTION_CONTROL.has(sql)) this.prepare(sql).run();
      else this.db.exec(sql);
    } catch (err) {
      throw mapError(err);
    }
  }

  all<R>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return this.exclusive(() => this.allNow<R>(sql, params));
  }
  run(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    return this.exclusive(() => this.runNow(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.exclusive(() => this.execNow(sql));
  }

  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    // IMMEDIATE takes the write lock up front, so a transaction that reads then writes
    // cannot fail halfway with SQLITE_BUSY because another process wrote in between.
    return this.exclusive(() => new SqliteTransaction(this).runTopLevel('BEGIN IMMEDIATE', fn));
  }

  /** The migrations' checkpoint on this thread: a node nobody has written to yet starts no worker. */
  migrated(): Promise<void> {
    return this.exclusive(() => this.checkpointer?.checkpointBeforeServing());
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.writeBehindLog.close();
      await this.checkpointer?.close();
      this.db.close();
    });
  }
}

/** The open transaction's handle: runs directly on the connection the mutex holds for it. */
class SqliteTransaction extends TransactionHandle {
  readonly dialect = 'sqlite';
  constructor(private readonly driver: SqliteDriver) {
    super();
  }
  protected async allRaw<R>(sql: string, params: readonly SqlParam[]): Promise<R[]> {
    return this.driver.allNow<R>(sql, params);
  }
  protected async runRaw(sql: string, params: readonly SqlParam[]): Promise<number> {
    return this.driver.runNow(sql, params);
  }
  protected async execRaw(sql: string): Promise<void> {
    this.driver.execNow(sql);
  }
}

export interface SqliteOptions {
  /** What the write-behind reports (a replay after a crash, a failed flush); silent unless given. */
  log?: (message: string, fields: Record<string, unknown>) => void;
  /** Tests only: how long journaled writes wait for their flush (default WRITE_BEHIND_FLUSH_MS). */
  flushMs?: number;
}

/** Opens (creating if needed) the database file; `:memory:` gives a private in-memory database. */
export function openSqliteStorage(file: string, options: SqliteOptions = {}): Storage {
  if (file !== ':memory:' && file !== '') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL, not FULL: in WAL mode a commit is written to the WAL file before it returns and only
  // the fsync is deferred to checkpoints. A killed or crashed process therefore loses nothing
  // (the OS still has the pages); only a power cut or kernel crash can drop the last commits.
  // FULL would fsync on every Yjs update, which costs far more than that risk is worth here.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const inMemory = file === ':memory:' || file === '';
  return SqlStorage.over(new SqliteDriver(db, inMemory ? null : new SqliteCheckpointer(db, file), inMemory ? null : `${file}-wb`, options));
}
