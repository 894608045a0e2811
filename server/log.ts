// A tiny structured logger. Never pass secrets (passwords, tokens, cookies) in meta.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, meta?: object): void;
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
}

export function createLogger(level: LogLevel): Logger {
  const min = LEVELS[level];
  const out = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, meta?: object) => {
    if (LEVELS[lvl] < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), lvl, msg, ...meta });
    (lvl === 'error' || lvl === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  };
  return { debug: out('debug'), info: out('info'), warn: out('warn'), error: out('error') };
}
