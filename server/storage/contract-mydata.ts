// Storage contract, my data: whole documents deleted (and nothing else), an account made anonymous.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { bytes, freshStorage, user } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runMyDataContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract, my data: ${name}`, () => {
    const storage = freshStorage(make);

    it('deletes the named documents whole (log, snapshot, head) and leaves the others', async () => {
      const s = storage();
      await s.appendDocUpdate('meeting:m1:private:u1', bytes(1, 2));
      await s.appendDocUpdate('meeting:m1:private:u1', bytes(3));
      await s.compactDoc('meeting:m1:private:u1', () => bytes(9));
      await s.appendDocUpdate('meeting:m1:private:u1', bytes(4));
      await s.appendDocUpdate('meeting:m1:private:u2', bytes(5));
      expect(await s.deleteDocs(['meeting:m1:private:u1', 'meeting:m1:private:nobody'])).toBe(1);
      expect(await s.loadDoc('meeting:m1:private:u1')).toMatchObject({ snapshot: null, updates: [] });
      expect(await s.listDocNames('meeting:m1:private:')).toEqual(['meeting:m1:private:u2']);
      // A new doc by the same name starts afresh.
      expect(await s.appendDocUpdate('meeting:m1:private:u1', bytes(6))).toBe(1);
    });

    it('makes an account anonymous: "Former member", its address free again, no password that signs in', async () => {
      const s = storage();
      const ada = await user(s, 'Ada Lovelace', 'ada@example.com');
      expect(await s.anonymizeUser(ada.id)).toBe(true);
      expect(await s.getUser(ada.id)).toMatchObject({ id: ada.id, name: 'Former member' });
      expect(await s.getUserByEmail('ada@example.com')).toBeNull();
      const anon = await s.getUserByEmail((await s.getUser(ada.id))!.email);
      expect(anon?.passwordHash).toBe('!deleted');
      await user(s, 'Ada again', 'ada@example.com');
      expect(await s.anonymizeUser('nobody')).toBe(false);
    });
  });
}
