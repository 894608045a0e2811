// Storage contract for the network's leadership and library: organiser invites (pending list,
// revoking), reference sets removed, and the network library with its competitions.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { freshStorage, uid, user } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runLibraryContract(name: string, make: () => Promise<Storage>): void {
  describe(`network library storage contract: ${name}`, () => {
    const s = freshStorage(make);

    it('lists organiser invites neither used, revoked nor expired, oldest first; revokes an unused one once', async () => {
      const ada = await user(s(), 'Ada');
      const n = await s().createNetwork({ id: uid('net'), name: 'Leaders' });
      const other = await s().createNetwork({ id: uid('net'), name: 'Elsewhere' });
      const invite = (networkId: string, expiresAt: string, email?: string) =>
        s().createOrganiserInvite({ id: uid('oi'), networkId, tokenHash: uid('hash'), createdBy: ada.id, expiresAt, email });
      const mailed = await invite(n.id, '2030-01-01T00:00:00.000Z', 'nora@example.com');
      expect(mailed).toMatchObject({ email: 'nora@example.com', revokedAt: null, usedAt: null });
      const handed = await invite(n.id, '2030-01-02T00:00:00.000Z');
      const used = await invite(n.id, '2030-01-03T00:00:00.000Z');
      await invite(n.id, '2026-01-01T00:00:00.000Z');
      await invite(other.id, '2030-01-01T00:00:00.000Z');
      expect(await s().markOrganiserInviteUsed(used.id, ada.id, '2026-06-01T00:00:00.000Z')).toBe(true);
      expect((await s().listPendingOrganiserInvites(n.id, '2026-06-01T00:00:00.000Z')).map((i) => i.id)).toEqual([mailed.id, handed.id]);

      expect(await s().revokeOrganiserInvite(mailed.id, '2026-06-02T00:00:00.000Z')).toBe(true);
      expect(await s().revokeOrganiserInvite(mailed.id, '2026-06-03T00:00:00.000Z')).toBe(false);
      expect(await s().revokeOrganiserInvite(used.id, '2026-06-03T00:00:00.000Z')).toBe(false);
      expect(await s().getOrganiserInvite(mailed.id)).toEqual({ ...mailed, revokedAt: '2026-06-02T00:00:00.000Z' });
      expect(await s().getOrganiserInvite('nope')).toBeNull();
      // A revoked link cannot be used any more.
      expect(await s().markOrganiserInviteUsed(mailed.id, ada.id, '2026-06-04T00:00:00.000Z')).toBe(false);
      expect((await s().listPendingOrganiserInvites(n.id, '2026-06-05T00:00:00.000Z')).map((i) => i.id)).toEqual([handed.id]);
    });

    it("deletes a reference set of its own network only", async () => {
      const ada = await user(s(), 'Ada');
      const n = await s().createNetwork({ id: uid('net'), name: 'Leaders' });
      const other = await s().createNetwork({ id: uid('net'), name: 'Elsewhere' });
      const set = (networkId: string, year: number) =>
        s().createReferenceSet({ id: uid('ref'), networkId, source: 'Study', year, currency: 'EUR', values: [{ kpiKey: 'gross_margin_pct', q1: 1, median: 2, q3: 3 }], createdBy: ada.id });
      const a = await set(n.id, 2024);
      const b = await set(n.id, 2025);
      expect(await s().deleteReferenceSet(other.id, a.id)).toBe(false);
      expect(await s().deleteReferenceSet(n.id, a.id)).toBe(true);
      expect(await s().deleteReferenceSet(n.id, a.id)).toBe(false);
      expect((await s().listReferenceSets(n.id)).map((r) => r.id)).toEqual([b.id]);
    });
  });
}
