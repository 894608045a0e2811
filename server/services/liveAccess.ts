/*
 * Live access: a change of someone's rights reaches their open connections at once, on every
 * node. Storage is changed first (and committed); then one of these is called:
 *
 *   revokeUserInGroup(userId, groupId)
 *     Removed from the group, role changed (e.g. made an observer), or anything else that may
 *     narrow what they see (an invite accepted with a lower role). Each of the user's /collab
 *     connections is re-authorized: 'write' stays, 'read' stays open read-only (their later
 *     updates are dropped: never stored, applied or relayed), anything less is closed with 4403
 *     "access revoked while connected". Each meeting their sockets joined is re-checked: refused
 *     ones are left (no more meeting:state or other room events), and the socket gets
 *     `access:changed` ({meetingId, you: null} when removed, else their new role and actions).
 *   recheckUser(userId)
 *     The same for a change whose group the caller does not know (every connection is re-checked
 *     anyway: revokeUserInGroup's groupId only says why, in logs).
 *   kickUser(userId, reason)
 *     The user's session ended everywhere (sign out everywhere, account deleted): every /collab
 *     connection is closed with 4403, every socket is told `access:changed` {you: null} for its
 *     meetings and disconnected.
 *
 * Both resolve once this node's connections are dealt with (so an HTTP answer sent after them
 * means: done here). With Redis (REDIS_URL) the request is also published on
 * ACCESS_CHANNEL; every node subscribes and acts on the connections it holds. While Redis is
 * down or paused the Redis client queues the publish (bounded, server/redis.ts); one it refuses
 * is retried every ACCESS_REPUBLISH_MS (at most ACCESS_REPUBLISH_MAX kept), so other nodes
 * still act once Redis is back. New connections are always checked against storage anyway.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { RedisClient } from '../redis.ts';

/** What one transport does to its own connections on this node. */
export interface AccessEnforcer {
  recheckUser(userId: string): Promise<unknown>;
  kickUser(userId: string): unknown;
}

export type KickReason = 'signed_out' | 'account_deleted' | 'session_ended';

export interface LiveAccess {
  revokeUserInGroup(userId: string, groupId: string): Promise<void>;
  recheckUser(userId: string): Promise<void>;
  kickUser(userId: string, reason: KickReason): Promise<void>;
  /** Registers a transport (the collab endpoint, the meeting channel). */
  attach(enforcer: AccessEnforcer): void;
}

/** The Redis pub/sub channel of access changes. */
export const ACCESS_CHANNEL = 'peerboard:access';
/** Retry period of access changes Redis refused to take (queue full or failing). */
export const ACCESS_REPUBLISH_MS = 1_000;
/** Access changes kept for retry: far more than membership edits in an outage; oldest dropped past it. */
export const ACCESS_REPUBLISH_MAX = 1_000;

type AccessMessage =
  | { from: string; kind: 'recheck'; userId: string; groupId: string | null }
  | { from: string; kind: 'kick'; userId: string; reason: KickReason };

function parseMessage(raw: string): AccessMessage | null {
  try {
    const m = JSON.parse(raw) as Partial<AccessMessage>;
    if (typeof m.from !== 'string' || typeof m.userId !== 'string') return null;
    if (m.kind === 'recheck' && (typeof m.groupId === 'string' || m.groupId === null)) return m as AccessMessage;
    if (m.kind === 'kick' && typeof m.reason === 'string') return m as AccessMessage;
  } catch {
    /* not ours */
  }
  return null;
}

export function createLiveAccess(log: Logger, redis?: { pub: RedisClient; sub: RedisClient }): LiveAccess & { ready: Promise<void> } {
  const nodeId = randomUUID();
  const enforcers: AccessEnforcer[] = [];

  const recheckHere = async (userId: string) => {
    const results = await Promise.allSettled(enforcers.map((e) => e.recheckUser(userId)));
    for (const r of results) if (r.status === 'rejected') log.error('live access: re-check failed', { userId, err: String(r.reason) });
  };
  const kickHere = (userId: string) => {
    for (const e of enforcers) {
      try {
        e.kickUser(userId);
      } catch (err) {
        log.error('live access: kick failed', { userId, err: String(err) });
      }
    }
  };
  const unpublished: AccessMessage[] = [];
  let retryTimer: NodeJS.Timeout | null = null;
  const publish = async (m: AccessMessage, retry = false) => {
    if (!redis) return;
    try {
      await redis.pub.publish(ACCESS_CHANNEL, JSON.stringify(m));
    } catch (err) {
      if (!retry) log.warn('live access: not published to other nodes yet; will retry', { kind: m.kind, userId: m.userId, err: String(err) });
      unpublished.push(m);
      if (unpublished.length > ACCESS_REPUBLISH_MAX) log.error('live access: dropped an unpublished change', { userId: unpublished.shift()?.userId });
      retryTimer ??= setTimeout(() => {
        retryTimer = null;
        for (const again of unpublished.splice(0)) void publish(again, true);
      }, ACCESS_REPUBLISH_MS);
      retryTimer.unref();
    }
  };

  const ready = redis
    ? redis.sub.subscribe(ACCESS_CHANNEL, (raw: string) => {
        const m = parseMessage(raw);
        if (!m || m.from === nodeId) return;
        if (m.kind === 'recheck') void recheckHere(m.userId);
        else kickHere(m.userId);
      })
    : Promise.resolve();
  ready.catch((err: unknown) => log.warn('live access: subscribe failed', { err: String(err) }));

  return {
    ready: ready.catch(() => undefined),
    attach: (e) => void enforcers.push(e),
    async revokeUserInGroup(userId, groupId) {
      await Promise.all([recheckHere(userId), publish({ from: nodeId, kind: 'recheck', userId, groupId })]);
    },
    async recheckUser(userId) {
      await Promise.all([recheckHere(userId), publish({ from: nodeId, kind: 'recheck', userId, groupId: null })]);
    },
    async kickUser(userId, reason) {
      kickHere(userId);
      await publish({ from: nodeId, kind: 'kick', userId, reason });
    },
  };
}

/** For tests and tools that change rights with no live connections anywhere. */
export const noLiveAccess: LiveAccess = {
  revokeUserInGroup: async () => undefined,
  recheckUser: async () => undefined,
  kickUser: async () => undefined,
  attach: () => undefined,
};
