// Configuration from the environment, parsed once at start with zod. README lists every
// variable. A wrong value stops the server with a ConfigError naming the variable, never a
// silent default (a mistyped LOG_LEVEL must not quietly log everything, or nothing).
import path from 'node:path';
import { z } from 'zod';
import type { CollabLimits } from './collab/limits.ts';
import { LOG_LEVELS } from './log.ts';
import { MAIL_LIMITS } from './mail/limits.ts';

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
  logLevel: (typeof LOG_LEVELS)[number];
  /** Overrides of COLLAB_LIMITS from the COLLAB_* variables (tests lower compaction and unload thresholds). */
  collabLimits: Partial<CollabLimits>;
  /** Tests only: pause between reading a meeting's state and saving it (a deterministic race). */
  testCommandSaveDelayMs: number;
  /** Bearer token for GET /metrics from other hosts; unset: loopback only. */
  metricsToken: string | undefined;
  /** smtp:// or smtps:// URL; without it mails are held and shown on the organiser's outbox page. */
  smtpUrl: string | undefined;
  /** Sender of every mail. */
  mailFrom: string;
  /** How often the mail worker looks for due mail and jobs (ms). */
  mailPollMs: number;
  /** First retry delay after a failed send (ms), doubled per attempt. */
  mailRetryBaseMs: number;
}

export class ConfigError extends Error {}

/** An unset variable and an empty one both mean "use the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const urlWithScheme = (schemes: string[]) =>
  z.string().refine((s) => URL.canParse(s) && schemes.includes(new URL(s).protocol), `must be a ${schemes.map((p) => p + '//').join(' or ')} URL`);
const origin = z.string().refine((s) => URL.canParse(s) && ['http:', 'https:'].includes(new URL(s).protocol) && new URL(s).origin === s, 'must be origins like https://peerboard.example.com (scheme, host, optional port; no path)');

const envSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)).default(3000),
  HOST: optional(z.string()).default('0.0.0.0'),
  DATA_DIR: optional(z.string()).default('data'),
  DATABASE_URL: optional(urlWithScheme(['postgres:', 'postgresql:'])),
  REDIS_URL: optional(urlWithScheme(['redis:', 'rediss:'])),
  PUBLIC_ORIGIN: optional(
    z
      .string()
      .transform((s) => s.split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean))
      .pipe(z.array(origin)),
  ).default([]),
  SERVE_CLIENT: optional(z.enum(['true', 'false'])).default('true'),
  CLIENT_DIR: optional(z.string()).default('dist/client'),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  /** At least 16 characters: a short token is guessable by anyone who can reach the port. */
  METRICS_TOKEN: optional(z.string().min(16)),
  SMTP_URL: optional(urlWithScheme(['smtp:', 'smtps:'])),
  MAIL_FROM: optional(z.string().min(3)).default('Peerboard <peerboard@localhost>'),
  /** Several nodes only (mail/queue.ts); at least 10 ms: anything shorter only spins the database. */
  MAIL_POLL_MS: optional(z.coerce.number().int().min(10)).default(MAIL_LIMITS.pollMs),
  MAIL_RETRY_BASE_MS: optional(z.coerce.number().int().min(10)).default(MAIL_LIMITS.retryBaseMs),
  COLLAB_COMPACT_AFTER_UPDATES: optional(z.coerce.number().int().min(1)),
  COLLAB_IDLE_COMPACT_MS: optional(z.coerce.number().int().min(1)),
  COLLAB_UNLOAD_GRACE_MS: optional(z.coerce.number().int().min(1)),
  TEST_COMMAND_SAVE_DELAY_MS: optional(z.coerce.number().int().min(0)).default(0),
  NODE_ENV: optional(z.string()),
});

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = r.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicOrigins: e.PUBLIC_ORIGIN,
    serveClient: e.SERVE_CLIENT === 'true',
    clientDir: path.resolve(e.CLIENT_DIR),
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    metricsToken: e.METRICS_TOKEN,
    collabLimits: {
      ...(e.COLLAB_COMPACT_AFTER_UPDATES && { compactAfterUpdates: e.COLLAB_COMPACT_AFTER_UPDATES }),
      ...(e.COLLAB_IDLE_COMPACT_MS && { idleCompactMs: e.COLLAB_IDLE_COMPACT_MS }),
      ...(e.COLLAB_UNLOAD_GRACE_MS && { unloadGraceMs: e.COLLAB_UNLOAD_GRACE_MS }),
    },
    testCommandSaveDelayMs: e.TEST_COMMAND_SAVE_DELAY_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPollMs: e.MAIL_POLL_MS,
    mailRetryBaseMs: e.MAIL_RETRY_BASE_MS,
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
