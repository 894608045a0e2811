// Storage contract, group norms: the group's own text, and every acceptance with its date.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { freshStorage, group, member } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

const TEXT = { confidentiality: 'What is said here stays here.', recording: 'No recordings.', advice: 'Experience, not advice.' };

export function runNormsContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract, norms: ${name}`, () => {
    const storage = freshStorage(make);

    it('a group without norms of its own reads null; set twice keeps the last, with who and when', async () => {
      const s = storage();
      const { group: g } = await group(s);
      const { group: other } = await group(s);
      const coach = await member(s, g.id, 'coach', 'Cora');
      expect(await s.getGroupNorms(g.id)).toBeNull();
      await s.setGroupNorms(g.id, TEXT, coach.id);
      const set = await s.setGroupNorms(g.id, { ...TEXT, recording: 'Audio only with consent.' }, coach.id);
      expect(await s.getGroupNorms(g.id)).toEqual(set);
      expect(set).toMatchObject({ groupId: g.id, recording: 'Audio only with consent.', updatedBy: coach.id });
      expect(new Date(set.updatedAt!).toISOString()).toBe(set.updatedAt);
      expect(await s.getGroupNorms(other.id)).toBeNull();
    });

    it('keeps every acceptance; the group list gives each member their latest, per group', async () => {
      const s = storage();
      const { group: g } = await group(s);
      const { group: other } = await group(s);
      const ann = await member(s, g.id, 'member', 'Ann', 'Ann IT');
      const bob = await member(s, g.id, 'member', 'Bob', 'Bob IT');
      await s.acceptNorms(g.id, ann.id, '2025-01-10T09:00:00.000Z');
      await s.acceptNorms(g.id, ann.id, '2026-01-09T09:00:00.000Z');
      // The same moment twice is one acceptance, not an error.
      await s.acceptNorms(g.id, ann.id, '2026-01-09T09:00:00.000Z');
      await s.acceptNorms(other.id, ann.id, '2026-02-01T09:00:00.000Z');
      await s.acceptNorms(g.id, bob.id, '2025-06-01T09:00:00.000Z');
      const latest = await s.listNormsAcceptances(g.id);
      expect(latest).toEqual(
        [
          { userId: ann.id, acceptedAt: '2026-01-09T09:00:00.000Z' },
          { userId: bob.id, acceptedAt: '2025-06-01T09:00:00.000Z' },
        ].sort((a, b) => a.userId.localeCompare(b.userId)),
      );
      expect(await s.listUserNormsAcceptances(ann.id)).toEqual([
        { groupId: g.id, acceptedAt: '2025-01-10T09:00:00.000Z' },
        { groupId: g.id, acceptedAt: '2026-01-09T09:00:00.000Z' },
        { groupId: other.id, acceptedAt: '2026-02-01T09:00:00.000Z' },
      ]);
    });
  });
}
