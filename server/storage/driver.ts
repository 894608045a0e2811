// The small SQL surface both backends provide. SqlStorage writes every query once, with `?`
// placeholders, against this interface; sqlite.ts and postgres.ts only move bytes.
import { DomainError } from '../../shared/errors.ts';
import type { HotWrites } from './types.ts';

export type Dialect = 'sqlite' | 'postgres';
export type SqlParam = string | number | null | Uint8Array;

export interface SqlDriver {
  readonly dialect: Dialect;
  /** Rows of a SELECT (or of a statement with RETURNING). */
  all<R>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
  /** Runs several parameterless statements (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn in one transaction with a driver bound to it. On a driver that is already a
   * transaction this nests with a savepoint, so a failed inner step can be caught without
   * poisoning the outer transaction.
   */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Runs a write at once, within the caller's turn, when the backend can and its connection is
   * free (nothing queued on it, no transaction open); null when it cannot, and nothing ran.
   * SQLite only (its connection is in this process): the usual meeting command commits in the
   * turn it arrived in, as a relay would answer it. Absent: never at once.
   */
  runIfFree?(sql: string, params: readonly SqlParam[]): number | null;
  /** The backend's own path for the two hot writes (SQLite's write-behind); absent: plain SQL. */
  readonly writeBehind?: HotWrites;
  /** After the migrations, before the server serves anyone (SQLite checkpoints their pages here). */
  migrated?(): Promise<void>;
}

/** A unique or primary-key constraint refused the write (e.g. an email already registered). */
export class UniqueViolationError extends DomainError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('conflict', 'already exists');
    this.name = 'UniqueViolationError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

let savepointCounter = 0;

/**
 * The handle of one open transaction, shared by both backends so they fail the same way:
 * once a statement fails, the transaction is aborted (PostgreSQL refuses further statements
 * and would turn COMMIT into a silent ROLLBACK). Here the next statement throws and the
 * transaction rejects even if fn caught the error. A step that may fail and be recovered from
 * belongs in a nested transaction(), which rolls back to a savepoint.
 */
export abstract class TransactionHandle implements SqlDriver {
  abstract readonly dialect: Dialect;
  private open = true;
  private failed = false;
  /** Set when even ROLLBACK failed: the connection must not be reused. */
  broken: Error | undefined;

  protected abstract allRaw<R>(sql: string, params: readonly SqlParam[]): Promise<R[]>;
  protected abstract runRaw(sql: string, params: readonly SqlParam[]): Promise<number>;
  protected abstract execRaw(sql: string): Promise<void>;

  private async guarded<T>(op: () => Promise<T>): Promise<T> {
    if (!this.open) throw new Error('storage: transaction handle used after its transaction ended');
    if (this.failed) throw new Error('storage: transaction aborted by an earlier failed statement');
    try {
      return await op();
    } catch (err) {
      this.failed = true;
      throw err;
    }
  }
  all<R>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return this.guarded(() => this.allRaw<R>(sql, params));
  }
  run(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    return this.guarded(() => this.runRaw(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.guarded(() => this.execRaw(sql));
  }

  /** Nested transaction: a savepoint (same syntax in SQLite and PostgreSQL). */
  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const name = `sp_${++savepointCounter}`;
    await this.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      await this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      if (this.open) {
        await this.execRaw(`ROLLBACK TO SAVEPOINT ${name}`);
        await this.execRaw(`RELEASE SAVEPOINT ${name}`);
        this.failed = false;
      }
      throw err;
    }
  }

  /** BEGIN, fn, COMMIT; ROLLBACK on any error, including one fn caught and swallowed. */
  async runTopLevel<T>(begin: string, fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    await this.execRaw(begin);
    try {
      const result = await fn(this);
      if (this.failed) throw new Error('storage: a statement failed inside the transaction; rolled back');
      await this.execRaw('COMMIT');
      return result;
    } catch (err) {
      await this.execRaw('ROLLBACK').catch((e: unknown) => {
        this.broken = e instanceof Error ? e : new Error(String(e));
      });
      throw err;
    } finally {
      this.open = false;
    }
  }

  close(): Promise<void> {
    return Promise.reject(new Error('storage: cannot close a transaction handle'));
  }
}

/**
 * `?` -> `$1..$n` for PostgreSQL, skipping quoted strings and identifiers. Lets each query be
 * written once for both backends.
 */
export function toNumberedPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Both drivers bind binary values as Node Buffers; a Uint8Array view is wrapped, not copied. */
export function toDriverParam(p: SqlParam): SqlParam {
  return p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p;
}
