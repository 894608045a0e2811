// Storage contract, search part: the same tests on SQLite FTS5 and PostgreSQL text search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARK_END, MARK_START } from './search-sql.ts';
import type { SearchEntry, Storage } from './types.ts';

const at = '2026-11-22T10:00:00.000Z';
const entry = (over: Partial<SearchEntry>): SearchEntry => ({
  id: 'notes:m1:i1:full',
  groupId: 'g1',
  meetingId: 'm1',
  itemId: 'i1',
  kind: 'notes',
  title: 'Hot seat',
  body: '',
  visibility: 'members',
  updatedAt: at,
  ...over,
});

export function runSearchContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract (search): ${name}`, () => {
    let s: Storage;
    beforeEach(async () => {
      s = await make();
      await s.migrate();
      await s.upsertSearchEntries([
        entry({ body: 'Anna will raise her prices by ten percent; pricing workshop in January' }),
        entry({ id: 'notes:m1:i1:public', body: 'pricing workshop in January', visibility: 'observers' }),
        entry({ id: 'goal:x', kind: 'goal', title: 'Goal', body: 'Hire a dispatcher for the help desk', visibility: 'all', itemId: null }),
        entry({ id: 'goal:other', groupId: 'g2', kind: 'goal', body: 'Raise prices in the other group', visibility: 'all' }),
        entry({ id: 'goal:weird', kind: 'goal', body: "Literal 100% and under_score and O'Brien \\ backslash", visibility: 'all' }),
      ]);
    });
    afterEach(async () => s.close());
    const find = (text: string, visibilities: ('members' | 'observers' | 'all')[] = ['members', 'all'], groupIds = ['g1']) =>
      s.search({ text, groupIds, visibilities, limit: 20 });

    it('finds words by prefix, ranked, with the match marked in the snippet', async () => {
      const hits = await find('pric');
      expect(hits.map((h) => h.id)).toEqual(['notes:m1:i1:full']);
      expect(hits[0]!.snippet).toContain(`${MARK_START}`);
      expect(hits[0]!.snippet).toContain(MARK_END);
      expect((await find('dispatcher help')).map((h) => h.id)).toEqual(['goal:x']);
    });

    it('never leaves the given groups or visibilities', async () => {
      expect((await find('prices', ['members', 'all'], ['g1'])).map((h) => h.id)).toEqual(['notes:m1:i1:full']);
      expect((await find('prices', ['observers', 'all'], ['g1'])).map((h) => h.id)).toEqual([]);
      expect((await find('workshop', ['observers', 'all'])).map((h) => h.id)).toEqual(['notes:m1:i1:public']);
      expect(await find('prices', ['members', 'all'], [])).toEqual([]);
    });

    it('treats injection and wildcard input literally', async () => {
      for (const evil of ["' OR 1=1 --", '%', '_', '"', '\\', '*', 'NEAR(a b)', 'body:x', '" OR "']) {
        const hits = await find(evil);
        expect(hits.every((h) => h.groupId === 'g1')).toBe(true);
      }
      expect(await find('%')).toEqual([]);
      expect(await find("' OR 1=1 --")).toEqual([]);
      expect((await find('under_score')).map((h) => h.id)).toEqual(['goal:weird']);
      expect((await find("O'Brien")).map((h) => h.id)).toEqual(['goal:weird']);
    });

    it('updates and deletes entries', async () => {
      await s.upsertSearchEntries([entry({ body: 'completely different words now' })]);
      expect((await find('pricing')).map((h) => h.id)).toEqual([]);
      expect((await find('different')).map((h) => h.id)).toEqual(['notes:m1:i1:full']);
      expect(await s.deleteSearchEntries('g1', 'goal:', ['goal:x'])).toBe(1);
      expect((await find('backslash')).map((h) => h.id)).toEqual([]);
      expect((await find('dispatcher')).map((h) => h.id)).toEqual(['goal:x']);
    });

    it('strips highlight markers from indexed text', async () => {
      await s.upsertSearchEntries([entry({ id: 'goal:m', kind: 'goal', body: `fake ${MARK_START}mark${MARK_END} here`, visibility: 'all' })]);
      const hit = (await find('here'))[0]!;
      expect(hit.snippet.split(MARK_START)).toHaveLength(2);
    });
  });
}

export function runCalendarFeedContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract (calendar feeds): ${name}`, () => {
    let s: Storage;
    beforeEach(async () => {
      s = await make();
      await s.migrate();
    });
    afterEach(async () => s.close());

    it('one feed per user: a new secret revokes the old; delete revokes', async () => {
      const u = await s.createUser({ id: 'u-cal', email: 'cal@example.com', name: 'Cal', passwordHash: 'x' });
      await s.setCalendarFeed(u.id, 'hash-1', at);
      expect(await s.calendarFeedUser('hash-1')).toBe(u.id);
      await s.setCalendarFeed(u.id, 'hash-2', at);
      expect(await s.calendarFeedUser('hash-1')).toBeNull();
      expect(await s.calendarFeedUser('hash-2')).toBe(u.id);
      expect(await s.deleteCalendarFeed(u.id)).toBe(true);
      expect(await s.calendarFeedUser('hash-2')).toBeNull();
      expect(await s.deleteCalendarFeed(u.id)).toBe(false);
    });
  });
}
