// Storage contract for account security: the sessions listed on the account page (ended one by
// one or all but the current) and the login throttle counters shared by every node. Run against
// SQLite and PostgreSQL like the rest of the contract.
import { describe, expect, it } from 'vitest';
import { uid, user, freshStorage } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

const FAR = '2030-01-01T00:00:00.000Z';
const NOW = '2026-11-01T08:00:00.000Z';

export function runAccountsContract(name: string, make: () => Promise<Storage>): void {
  describe(`accounts storage contract: ${name}`, () => {
    const s = freshStorage(make);

    describe('sessions', () => {
      it('keep their public id and user agent; last seen starts at creation and moves when touched', async () => {
        const u = await user(s());
        await s().createSession({ tokenHash: 'hash-a', id: 'sess-a', userId: u.id, expiresAt: FAR, userAgent: 'Firefox on Linux' });
        const got = (await s().getSession('hash-a'))!;
        expect(got).toMatchObject({ tokenHash: 'hash-a', id: 'sess-a', userId: u.id, userAgent: 'Firefox on Linux' });
        expect(got.lastSeenAt).toBe(got.createdAt);
        await s().touchSession('hash-a', '2029-05-05T05:05:05.000Z');
        expect((await s().getSession('hash-a'))!.lastSeenAt).toBe('2029-05-05T05:05:05.000Z');
      });

      it("list a user's unexpired sessions only, most recently used first", async () => {
        const [u, other] = [await user(s()), await user(s())];
        await s().createSession({ tokenHash: 'h1', id: 's1', userId: u.id, expiresAt: FAR });
        await s().createSession({ tokenHash: 'h2', id: 's2', userId: u.id, expiresAt: FAR });
        await s().createSession({ tokenHash: 'h3', id: 's3', userId: u.id, expiresAt: '2026-01-01T00:00:00.000Z' });
        await s().createSession({ tokenHash: 'h4', id: 's4', userId: other.id, expiresAt: FAR });
        await s().touchSession('h1', '2029-01-01T00:00:00.000Z');
        await s().touchSession('h2', '2029-02-01T00:00:00.000Z');
        expect((await s().listSessionsOfUser(u.id, NOW)).map((x) => x.id)).toEqual(['s2', 's1']);
        await s().touchSession('h1', '2029-03-01T00:00:00.000Z');
        expect((await s().listSessionsOfUser(u.id, NOW)).map((x) => x.id)).toEqual(['s1', 's2']);
      });

      it("end one by id only for its owner, and all but the kept one, naming those ended", async () => {
        const [u, other] = [await user(s()), await user(s())];
        for (const n of [1, 2, 3]) await s().createSession({ tokenHash: `h${n}`, id: `s${n}`, userId: u.id, expiresAt: FAR });
        await s().createSession({ tokenHash: 'h9', id: 's9', userId: other.id, expiresAt: FAR });
        expect(await s().deleteSessionOfUser(other.id, 's1')).toBe(false);
        expect(await s().getSession('h1')).not.toBeNull();
        expect(await s().deleteSessionOfUser(u.id, 's1')).toBe(true);
        expect(await s().getSession('h1')).toBeNull();
        expect(await s().deleteSessionOfUser(u.id, 's1')).toBe(false);
        await s().createSession({ tokenHash: 'h4', id: 's4', userId: u.id, expiresAt: FAR });
        expect(await s().deleteOtherSessions(u.id, 'h3')).toEqual(['s2', 's4']);
        expect((await s().listSessionsOfUser(u.id, NOW)).map((x) => x.id)).toEqual(['s3']);
        expect(await s().getSession('h9')).not.toBeNull();
      });

      it('get an id when none is given, unique per session', async () => {
        const u = await user(s());
        await s().createSession({ tokenHash: uid('th'), userId: u.id, expiresAt: FAR });
        await s().createSession({ tokenHash: uid('th'), userId: u.id, expiresAt: FAR });
        const ids = (await s().listSessionsOfUser(u.id, NOW)).map((x) => x.id);
        expect(new Set(ids).size).toBe(2);
      });
    });

    describe('login throttles', () => {
      const t = (key: string, failures: number, lastFailureAt = NOW) => ({ key, failures, lastFailureAt });

      it('are created once, then changed only from the value the writer read (compare-and-set)', async () => {
        expect(await s().getLoginThrottles(['k1', 'k2'])).toEqual([]);
        expect(await s().setLoginThrottle(t('k1', 1), null)).toBe(true);
        // A second writer who also saw no row loses and must read again.
        expect(await s().setLoginThrottle(t('k1', 1), null)).toBe(false);
        expect(await s().setLoginThrottle(t('k1', 2, '2026-11-01T08:00:01.000Z'), t('k1', 1))).toBe(true);
        // A writer holding the stale value loses.
        expect(await s().setLoginThrottle(t('k1', 2, '2026-11-01T08:00:02.000Z'), t('k1', 1))).toBe(false);
        await s().setLoginThrottle(t('k2', 7), null);
        expect(await s().getLoginThrottles(['k2', 'k1', 'k3'])).toEqual([t('k1', 2, '2026-11-01T08:00:01.000Z'), t('k2', 7)]);
      });

      it('concurrent attempts from the same read: exactly one wins', async () => {
        await s().setLoginThrottle(t('k', 3), null);
        const seen = (await s().getLoginThrottles(['k']))[0]!;
        const wins = await Promise.all([1, 2, 3, 4].map((i) => s().setLoginThrottle(t('k', 4, `2026-11-01T08:00:0${i}.000Z`), seen)));
        expect(wins.filter(Boolean)).toHaveLength(1);
        expect((await s().getLoginThrottles(['k']))[0]!.failures).toBe(4);
      });

      it('are deleted one by one, and forgotten when their last failure is old', async () => {
        await s().setLoginThrottle(t('old', 5, '2026-10-01T00:00:00.000Z'), null);
        await s().setLoginThrottle(t('new', 5, NOW), null);
        await s().setLoginThrottle(t('gone', 1), null);
        await s().deleteLoginThrottle('gone');
        expect(await s().deleteLoginThrottlesBefore('2026-10-15T00:00:00.000Z')).toBe(1);
        expect((await s().getLoginThrottles(['old', 'new', 'gone'])).map((x) => x.key)).toEqual(['new']);
      });
    });
  });
}
