// `npm run backup [-- <file>]` and `npm run restore -- <file>`, on the configured storage.
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { backupSqlite, restoreSqlite } from './backup.ts';

const PG_HELP = {
  backup: 'PostgreSQL is configured (DATABASE_URL): back it up with its own tool, e.g.\n  pg_dump --format=custom --file=peerboard.dump "$DATABASE_URL"',
  restore: 'PostgreSQL is configured (DATABASE_URL): stop the server, then restore with its own tool, e.g.\n  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" peerboard.dump',
};

async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') {
    console.error('usage: backupCli.ts backup [file] | restore <file>');
    return 2;
  }
  const config = loadConfig();
  if (config.databaseUrl) {
    console.error(PG_HELP[command]);
    return 2;
  }
  const dbFile = path.join(config.dataDir, 'peerboard.sqlite');
  if (command === 'backup') {
    const target = file ?? path.join('backups', `peerboard-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    await backupSqlite(dbFile, target);
    process.stdout.write(`Backed up ${dbFile} to ${target}\n`);
    return 0;
  }
  if (!file) {
    console.error('usage: npm run restore -- <backup file>   (stop the server first)');
    return 2;
  }
  const keptAs = restoreSqlite(file, dbFile);
  process.stdout.write(`Restored ${file} into ${dbFile}${keptAs ? `; the replaced database is kept as ${keptAs}` : ''}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`peerboard: ${e instanceof ConfigError ? e.message : (e as Error).message}`);
    process.exit(1);
  },
);
