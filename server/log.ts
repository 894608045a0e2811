// Structured JSON logs through pino, one line per event on stdout. Call sites use
// log.info(msg, meta); child(bindings) adds context (a request id, a socket id) to every line.
// Secrets never leave: cookies, authorization headers, passwords and tokens are redacted by
// path wherever they appear in meta, so a careless call site cannot leak them.
import { pino, type DestinationStream, type Logger as Pino } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string, meta?: object): void;
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
  /** A logger whose every line also carries these fields. */
  child(bindings: Record<string, unknown>): Logger;
}

/** Meta keys that may hold a secret, at the top level and one level down (e.g. headers.cookie). */
const SECRET_KEYS = ['cookie', 'Cookie', 'set-cookie', 'authorization', 'password', 'newPassword', 'currentPassword', 'token', 'secret'];
export const REDACT_PATHS = [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), ...SECRET_KEYS.map((k) => `*["${k}"]`)];

function wrap(p: Pino): Logger {
  return {
    debug: (msg, meta) => p.debug(meta ?? {}, msg),
    info: (msg, meta) => p.info(meta ?? {}, msg),
    warn: (msg, meta) => p.warn(meta ?? {}, msg),
    error: (msg, meta) => p.error(meta ?? {}, msg),
    child: (bindings) => wrap(p.child(bindings)),
  };
}

/** `destination` is for tests that read the lines; the default is stdout. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const p = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return wrap(p);
}
