// PostgreSQL backend: a pg.Pool behind the async SqlDriver interface. Queries arrive with `?`
// placeholders (the text SQLite runs too) and are numbered here.
import pg from 'pg';
import { toDriverParam, toNumberedPlaceholders, TransactionHandle, UniqueViolationError } from './driver.ts';
import type { SqlDriver, SqlParam } from './driver.ts';
import { SqlStorage } from './sql-storage.ts';
import type { Storage } from './types.ts';

/** Connections per process: enough for concurrent transactions, well under max_connections (100) with several nodes. */
const POOL_MAX = 10;
/** Give up on connecting after this long so a wrong DATABASE_URL fails at start, not at the first request. */
const CONNECT_TIMEOUT_MS = 5_000;
/** PostgreSQL's SQLSTATE for unique_violation. */
const UNIQUE_VIOLATION = '23505';

type Queryable = pg.Pool | pg.PoolClient;

const numbered = new Map<string, string>();
/**
 * `?` -> `$n`, cached per query text. Unnamed statements on purpose: a named one keeps its
 * plan per connection, and `SELECT *` plans break when a migration adds a column meanwhile.
 */
function numberedSql(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    text = toNumberedPlaceholders(sql);
    numbered.set(sql, text);
  }
  return text;
}

function mapError(err: unknown): unknown {
  const e = err as { code?: unknown; constraint?: string; detail?: string };
  if (e.code === UNIQUE_VIOLATION) return new UniqueViolationError(e.constraint ?? e.detail ?? 'unique', { cause: err });
  return err;
}

async function query<R>(q: Queryable, sql: string, params: readonly SqlParam[]): Promise<pg.QueryResult & { rows: R[] }> {
  try {
    return await q.query(numberedSql(sql), params.map(toDriverParam));
  } catch (err) {
    throw mapError(err);
  }
}

async function exec(q: Queryable, sql: string): Promise<void> {
  try {
    await q.query(sql); // simple protocol: may hold several statements
  } catch (err) {
    throw mapError(err);
  }
}

class PgDriver implements SqlDriver {
  readonly dialect = 'postgres';
  constructor(private readonly pool: pg.Pool) {}

  async all<R>(sql: string, params: readonly SqlParam[] = []): Promise<R[]> {
    return (await query<R>(this.pool, sql, params)).rows;
  }
  async run(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    return (await query(this.pool, sql, params)).rowCount ?? 0;
  }
  exec(sql: string): Promise<void> {
    return exec(this.pool, sql);
  }

  /** One pooled client for the whole transaction; fn gets a handle bound to it. */
  async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx = new PgTransaction(client);
    try {
      return await tx.runTopLevel('BEGIN', fn);
    } finally {
      // A client whose ROLLBACK failed is in an unknown state: release(err) discards it.
      client.release(tx.broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

class PgTransaction extends TransactionHandle {
  readonly dialect = 'postgres';
  constructor(private readonly client: pg.PoolClient) {
    super();
  }
  protected async allRaw<R>(sql: string, params: readonly SqlParam[]): Promise<R[]> {
    return (await query<R>(this.client, sql, params)).rows;
  }
  protected async runRaw(sql: string, params: readonly SqlParam[]): Promise<number> {
    return (await query(this.client, sql, params)).rowCount ?? 0;
  }
  protected execRaw(sql: string): Promise<void> {
    return exec(this.client, sql);
  }
}

/**
 * Connects (and checks the connection) to the database at url. The schema comes from the
 * connection's search_path, e.g. `?options=-c%20search_path%3Dmyschema` in the URL.
 */
export async function openPostgresStorage(url: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_MAX, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The pool replaces the connection on next use.
  pool.on('error', (err) => console.error('postgres: idle connection failed:', err.message));
  try {
    (await pool.connect()).release();
  } catch (err) {
    await pool.end();
    throw err;
  }
  return SqlStorage.over(new PgDriver(pool));
}
