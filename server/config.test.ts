// The environment is parsed once: defaults when unset or empty, a ConfigError naming every
// wrong variable otherwise.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults with nothing set; empty means unset', () => {
    const c = loadConfig({ DATABASE_URL: '', LOG_LEVEL: '' });
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: undefined, redisUrl: undefined, publicOrigins: [], serveClient: true, logLevel: 'info', metricsToken: undefined });
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('warn');
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u@db/peerboard',
      REDIS_URL: 'rediss://cache:6380',
      PUBLIC_ORIGIN: 'https://a.example/, https://b.example:8443',
      SERVE_CLIENT: 'false',
      LOG_LEVEL: 'debug',
      METRICS_TOKEN: 'a'.repeat(16),
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://u@db/peerboard',
      redisUrl: 'rediss://cache:6380',
      publicOrigins: ['https://a.example', 'https://b.example:8443'],
      serveClient: false,
      logLevel: 'debug',
      metricsToken: 'a'.repeat(16),
    });
  });

  it.each([
    ['LOG_LEVEL', 'verbose'],
    ['LOG_LEVEL', 'INFO'],
    ['PORT', '3000x'],
    ['PORT', '-1'],
    ['SERVE_CLIENT', 'yes'],
    ['PUBLIC_ORIGIN', 'https://a.example/app'],
    ['PUBLIC_ORIGIN', 'ftp://a.example'],
    ['REDIS_URL', 'localhost:6379'],
    ['DATABASE_URL', 'sqlite://x'],
    ['METRICS_TOKEN', 'short'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(`${name}=${JSON.stringify(value)}`);
  });

  it('names every wrong variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT=.*\n.*LOG_LEVEL=/);
  });
});
