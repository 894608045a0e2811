// Configuration from the environment, read once at start. README lists every variable.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Folder for the SQLite file when DATABASE_URL is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Origin browsers use to reach the app; Origin headers of writes and upgrades must match. */
  publicOrigins: string[];
  /** Serve dist/client (production); dev uses Vite's own server. */
  serveClient: boolean;
  clientDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Tests only: pause between reading a meeting's state and saving it (a deterministic race). */
  testCommandSaveDelayMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0..65535, got ${env.PORT}`);
  const origins = (env.PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/$/, ''))
    .filter(Boolean);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicOrigins: origins,
    serveClient: env.SERVE_CLIENT !== 'false',
    clientDir: path.resolve(env.CLIENT_DIR ?? 'dist/client'),
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    testCommandSaveDelayMs: Number(env.TEST_COMMAND_SAVE_DELAY_MS ?? 0) || 0,
  };
}

/**
 * Origins accepted when PUBLIC_ORIGIN is not set: the server's own localhost addresses and
 * the Vite dev server, so `npm start` and `npm run dev` work with no configuration.
 */
export function defaultOrigins(port: number): string[] {
  const vite = Number(process.env.VITE_PORT ?? 5173);
  return [port, vite].flatMap((p) => [`http://localhost:${p}`, `http://127.0.0.1:${p}`]);
}
