// What the SQL stores (directory, meetings, records, docs, search, resources, calendar) are
// given by SqlStorage: its guarded connection, so each handle, transaction handles included,
// runs their queries on its own connection. Plus the two query helpers they share.
import type { SqlParam } from './driver.ts';

/** The part of SqlStorage these queries need; every call goes through its transaction guard. */
export interface SqlAccess {
  all<R>(sql: string, params?: readonly SqlParam[]): Promise<R[]>;
  run(sql: string, params: readonly SqlParam[]): Promise<number>;
  atomic<T>(fn: (q: Pick<SqlAccess, 'all' | 'run'>) => Promise<T>): Promise<T>;
  /** A write within the caller's turn, or null when the backend cannot run it now (SqlDriver.runIfFree). */
  runIfFree(sql: string, params: readonly SqlParam[]): number | null;
}

/** The first row, or null. */
export async function oneRow<R>(q: Pick<SqlAccess, 'all'>, sql: string, params: readonly SqlParam[]): Promise<R | null> {
  return (await q.all<R>(sql, params))[0] ?? null;
}

/** UPDATE of the columns present in patch; keys outside `columns` are ignored. */
export function patchRow(q: Pick<SqlAccess, 'run'>, table: string, id: string, columns: Record<string, string>, patch: Record<string, SqlParam | undefined>): Promise<number> {
  const keys = Object.keys(columns).filter((k) => patch[k] !== undefined);
  if (keys.length === 0) return Promise.resolve(0);
  const sets = keys.map((k) => `${columns[k]} = ?`).join(', ');
  return q.run(`UPDATE ${table} SET ${sets} WHERE id = ?`, [...keys.map((k) => patch[k] ?? null), id]);
}
