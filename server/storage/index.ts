// Picks the backend: PostgreSQL when a database URL is configured, else the SQLite file.
import { openSqliteStorage } from './sqlite.ts';
import type { Storage } from './types.ts';

export type { Storage } from './types.ts';
export { UniqueViolationError } from './driver.ts';

/** Opens the configured backend and brings its schema up to date. */
export async function openStorage(opts: { databaseUrl?: string; sqliteFile: string; log?: (message: string, fields: Record<string, unknown>) => void }): Promise<Storage> {
  // The PostgreSQL driver loads only when configured: a SQLite node does not carry it.
  const storage = opts.databaseUrl ? await (await import('./postgres.ts')).openPostgresStorage(opts.databaseUrl) : openSqliteStorage(opts.sqliteFile, { log: opts.log });
  try {
    await storage.migrate();
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}
