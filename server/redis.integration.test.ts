// The Redis clients' offline queue is bounded: while Redis does not answer (paused with the
// connection open, as after SIGSTOP), commands beyond REDIS_COMMANDS_QUEUE_MAX fail at once
// instead of piling up in memory; the ones queued complete once Redis answers again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';
import { connectRedis, REDIS_COMMANDS_QUEUE_MAX, type RedisConnections } from './redis.ts';
import { startPrivateRedis, type PrivateRedis } from './testing/cluster.ts';

let redis: PrivateRedis;
let conns: RedisConnections;

beforeAll(async () => {
  redis = await startPrivateRedis();
  conns = await connectRedis(redis.url, createLogger('error'));
});
afterAll(async () => {
  redis?.proc.kill('SIGCONT');
  await conns?.close();
  await redis?.stop();
});

describe('redis clients', () => {
  it(`hold at most REDIS_COMMANDS_QUEUE_MAX (${REDIS_COMMANDS_QUEUE_MAX}) commands while Redis is paused; the rest fail at once`, async () => {
    await conns.pub.ping();
    redis.proc.kill('SIGSTOP');
    const extra = 25;
    const outcomes = Array.from({ length: REDIS_COMMANDS_QUEUE_MAX + extra }, (_, i) =>
      conns.pub.publish('peerboard:test', `m${i}`).then(
        () => 'sent' as const,
        (err: Error) => (/queue is full/i.test(err.message) ? ('refused' as const) : ('failed' as const)),
      ),
    );
    // The refusals settle while Redis is still paused: nothing waits for it.
    const refused = await Promise.all(outcomes.slice(REDIS_COMMANDS_QUEUE_MAX));
    expect(refused).toEqual(Array(extra).fill('refused'));
    redis.proc.kill('SIGCONT');
    const queued = await Promise.all(outcomes.slice(0, REDIS_COMMANDS_QUEUE_MAX));
    expect(queued.every((o) => o === 'sent')).toBe(true);
    expect(await conns.pub.ping()).toBe('PONG');
  });
});
