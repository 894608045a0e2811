// Login throttling shared by every node (the counters live in storage): per account, whatever
// the address, and per address, whatever the account. Each try beyond a few free failures
// must wait, the wait doubling up to a cap; never a lockout, so after the wait the right
// password gets through. An attempt is counted before the password is checked (so a burst of
// concurrent guesses cannot all slip through) and a success takes it back.
import { createHash } from 'node:crypto';
import { DomainError } from '../../shared/errors.ts';
import { LIMITS } from '../../shared/limits.ts';
import type { LoginThrottle, Storage } from '../storage/types.ts';

type ThrottleStore = Pick<Storage, 'getLoginThrottles' | 'setLoginThrottle' | 'deleteLoginThrottle' | 'deleteLoginThrottlesBefore'>;

interface ThrottleKey {
  key: string;
  /** Failures allowed before waits start. */
  free: number;
  /** On success: 'reset' forgets the count (the account's owner got in); 'refund' takes back this attempt only. */
  onSuccess: 'reset' | 'refund';
}

/** How long after the n-th counted failure the next try must wait. */
export function loginDelayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(LIMITS.loginFirstDelayMs * 2 ** (failures - free), LIMITS.loginMaxDelayMs);
}

const hashed = (s: string): string => createHash('sha256').update(s).digest('hex');

export function loginKeys(email: string, address: string): ThrottleKey[] {
  return [
    { key: hashed(`account:${email.trim().toLowerCase()}`), free: LIMITS.loginFreeFailuresPerAccount, onSuccess: 'reset' },
    // A success from a shared address must not wipe what others there failed.
    { key: hashed(`address:${address}`), free: LIMITS.loginFreeFailuresPerAddress, onSuccess: 'refund' },
  ];
}

export type LoginAttempt =
  | { allowed: true; /** Call when the password was right. */ succeeded(): Promise<void> }
  | { allowed: false; retryAfterMs: number };

/** Counters older than the memory count as none. */
const live = (t: LoginThrottle | undefined, now: number): LoginThrottle | null =>
  t && Date.parse(t.lastFailureAt) > now - LIMITS.loginFailureMemoryMs ? t : null;

/** Bounded: each round is lost only to another attempt that counted itself. */
const MAX_ROUNDS = 20;

/** Counts one attempt under every key, or says how long to wait when any key is still waiting. */
export async function attemptLogin(storage: ThrottleStore, keys: ThrottleKey[], now = Date.now()): Promise<LoginAttempt> {
  const counted: ThrottleKey[] = [];
  let pending = [...keys];
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) return { allowed: false, retryAfterMs: LIMITS.loginFirstDelayMs };
    const rows = await storage.getLoginThrottles(pending.map((k) => k.key));
    const stored = new Map(rows.map((r) => [r.key, r]));
    // Every key is checked before any is counted: a waiting address must not cost the account a try.
    let waitUntil = 0;
    for (const k of pending) {
      const current = live(stored.get(k.key), now);
      if (current) waitUntil = Math.max(waitUntil, Date.parse(current.lastFailureAt) + loginDelayMs(current.failures, k.free));
    }
    if (waitUntil > now) return { allowed: false, retryAfterMs: waitUntil - now };
    for (const k of [...pending]) {
      const current = live(stored.get(k.key), now);
      const after = { key: k.key, failures: (current?.failures ?? 0) + 1, lastFailureAt: new Date(now).toISOString() };
      // Lost to a concurrent attempt: read again in the next round.
      if (!(await storage.setLoginThrottle(after, stored.get(k.key) ?? null))) break;
      counted.push(k);
      pending = pending.filter((p) => p !== k);
    }
  }
  return {
    allowed: true,
    async succeeded() {
      for (const key of counted) {
        if (key.onSuccess === 'reset') await storage.deleteLoginThrottle(key.key);
        else await refund(storage, key.key);
      }
      await storage.deleteLoginThrottlesBefore(new Date(now - LIMITS.loginFailureMemoryMs).toISOString());
    },
  };
}

/** Takes back one counted attempt (concurrent sign-ins from one address each take back their own). */
async function refund(storage: ThrottleStore, key: string): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = (await storage.getLoginThrottles([key]))[0];
    if (!stored || stored.failures === 0) return;
    if (await storage.setLoginThrottle({ ...stored, failures: stored.failures - 1 }, stored)) return;
  }
}

/** The 429 for a throttled attempt; the error handler turns retryAfterSeconds into Retry-After. */
export function throttled(retryAfterMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds === 1 ? '1 second' : seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new DomainError('rate_limited', `Too many failed sign-ins: try again in ${wait}`, { retryAfterSeconds: seconds });
}
