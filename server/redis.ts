// The node's Redis connections (REDIS_URL): the socket.io adapter's publisher and subscriber and
// the collab relay's subscriber (a subscriber connection can do nothing else). Every client has
// an error listener (node-redis emits 'error' on each failed reconnect; without a listener the
// process would crash) and reconnects by itself with a capped backoff.
import { createClient } from 'redis';
import type { Logger } from './log.ts';

/** Longest pause between reconnect attempts: after an outage, nodes are back within a second. */
export const REDIS_RECONNECT_MAX_MS = 1_000;
/**
 * Commands one client holds while Redis does not answer (down, or paused with the connection
 * open): past this many, new commands fail at once instead of queueing. A failed publish is
 * logged and costs nothing lasting (other nodes read notes back from storage; a revocation
 * still applies at the next connect), so an outage cannot grow a node's memory without bound.
 */
export const REDIS_COMMANDS_QUEUE_MAX = 10_000;
/** One 'Redis unavailable' line per client per this long, not one per reconnect attempt. */
const ERROR_LOG_EVERY_MS = 10_000;

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnections {
  pub: RedisClient;
  sub: RedisClient;
  relaySub: RedisClient;
  close(): Promise<void>;
}

export async function connectRedis(url: string, log: Logger): Promise<RedisConnections> {
  const pub = createClient({
    url,
    commandsQueueMaxLength: REDIS_COMMANDS_QUEUE_MAX,
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, REDIS_RECONNECT_MAX_MS) },
  });
  const sub = pub.duplicate();
  const relaySub = pub.duplicate();
  const named = { pub, sub, relaySub };
  for (const [name, client] of Object.entries(named)) {
    let lastLogged = 0;
    client.on('error', (err: unknown) => {
      if (Date.now() - lastLogged < ERROR_LOG_EVERY_MS) return;
      lastLogged = Date.now();
      log.warn('redis unavailable; reconnecting', { client: name, err: String(err) });
    });
    client.on('ready', () => {
      if (lastLogged > 0) log.info('redis reconnected', { client: name });
      lastLogged = 0;
    });
  }
  await Promise.all([pub.connect(), sub.connect(), relaySub.connect()]);
  return {
    ...named,
    async close() {
      // destroy(), not quit(): quit waits for Redis to answer, which a paused Redis never does.
      for (const c of [pub, sub, relaySub]) if (c.isOpen) c.destroy();
    },
  };
}
