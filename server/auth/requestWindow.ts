// A fixed-window request counter kept in storage, so every node counts against the same budget
// (one node's memory would give each node its own). Used for password-reset requests, each of
// which may mail a real person. The counter rows share the login throttle table: `failures` is
// the count and `lastFailureAt` the window's start; keys are hashed and prefixed, so they never
// meet a sign-in key, and old rows go with the login throttle's own clean-up.
import { createHash } from 'node:crypto';
import type { Storage } from '../storage/types.ts';

type CounterStore = Pick<Storage, 'getLoginThrottles' | 'setLoginThrottle'>;

/** Compare-and-set rounds before giving up (each lost round is another request that counted). */
const MAX_ROUNDS = 20;

export const windowKey = (purpose: string, value: string): string => createHash('sha256').update(`${purpose}:${value}`).digest('hex');

/**
 * Counts one request under `key`: `{allowed: true}` while the window holds at most `max`,
 * else how long until the window ends.
 */
export async function countRequest(
  storage: CounterStore,
  key: string,
  max: number,
  windowMs: number,
  now = Date.now(),
): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = (await storage.getLoginThrottles([key]))[0] ?? null;
    const startedAt = stored ? Date.parse(stored.lastFailureAt) : Number.NEGATIVE_INFINITY;
    const open = startedAt + windowMs > now;
    if (open && stored!.failures >= max) return { allowed: false, retryAfterMs: startedAt + windowMs - now };
    const next = open
      ? { ...stored!, failures: stored!.failures + 1 }
      : { key, failures: 1, lastFailureAt: new Date(now).toISOString() };
    if (await storage.setLoginThrottle(next, stored)) return { allowed: true };
  }
  return { allowed: false, retryAfterMs: 1_000 };
}
