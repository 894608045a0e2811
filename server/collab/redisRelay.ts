// The collab relay over Redis pub/sub, one channel per doc.
//
// Why pub/sub and not streams: storage already keeps every update, in order, with its seq, and
// each relayed message carries that seq; a node that misses a message (Redis outage, reconnect)
// sees the gap and reads it back from storage (docSync.ts). So Redis only has to wake the other
// nodes up quickly, which pub/sub does with no memory in Redis. Streams would keep a second,
// trimmed copy of the log in Redis and cost a read per delivery for nothing storage lacks.
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis.ts';
import { decodeRelayMessage, encodeRelayMessage, type DocRelay } from './relay.ts';
import type { CollabLog } from './storedDoc.ts';

const channelOf = (docName: string) => `peerboard:collab:${docName}`;

/**
 * How often the relay checks that Redis answers. While it does not (down, or paused so that
 * the connection stays open but silent), every loaded doc re-reads storage at this pace, so
 * notes written on other nodes still arrive within about a second.
 */
export const RELAY_HEALTH_CHECK_MS = 1_000;

export function redisDocRelay(pub: RedisClient, sub: RedisClient, log: CollabLog): DocRelay & { stop(): void } {
  // Pub/sub delivers a node's own messages back to it; they are recognised by this id.
  const nodeId = randomUUID();
  const resyncListeners: (() => void)[] = [];
  const resync = () => {
    for (const l of resyncListeners) l();
  };
  let connectedBefore = sub.isReady;
  sub.on('ready', () => {
    // node-redis subscribes again by itself after a reconnect; what was published meanwhile is lost.
    if (connectedBefore) resync();
    connectedBefore = true;
  });
  // A PING still unanswered a period later, or failed, means Redis is not delivering.
  let inFlight = false;
  let unhealthy = false;
  const health = setInterval(() => {
    if (inFlight) {
      unhealthy = true;
      resync();
      return;
    }
    inFlight = true;
    pub
      .ping()
      .then(
        () => {
          if (unhealthy) resync(); // back: once more for whatever was published meanwhile
          unhealthy = false;
        },
        () => {
          unhealthy = true;
          resync();
        },
      )
      .finally(() => (inFlight = false));
  }, RELAY_HEALTH_CHECK_MS);
  health.unref();
  return {
    stop: () => clearInterval(health),
    publish(docName, message) {
      pub.publish(channelOf(docName), Buffer.from(encodeRelayMessage(nodeId, message))).catch((err: unknown) => {
        // Not lost: it is stored; other nodes read it back when they see the gap.
        log('collab: relay publish failed', { doc: docName, error: String(err) });
      });
    },
    subscribe(docName, onMessage) {
      const listener = (raw: Buffer) => {
        let decoded;
        try {
          decoded = decodeRelayMessage(raw);
        } catch (err) {
          log('collab: ignored a malformed relay message', { doc: docName, error: String(err) });
          return;
        }
        if (decoded.from !== nodeId) onMessage(decoded.message);
      };
      const ready = sub.subscribe(channelOf(docName), listener, true);
      ready.catch((err: unknown) => log('collab: relay subscribe failed', { doc: docName, error: String(err) }));
      return {
        ready,
        close: () => {
          sub.unsubscribe(channelOf(docName), listener, true).catch(() => undefined);
        },
      };
    },
    onResync(listener) {
      resyncListeners.push(listener);
    },
  };
}
