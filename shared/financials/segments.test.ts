// The segment k-anonymity rule as a table (K = 5): each row a network of companies, the cuts
// offered, and which are published; then the differencing attacks the rule must stop.
import { describe, expect, it } from 'vitest';
import { cutsOf, publishableCuts, type SegmentCut, type SegmentDimension } from './segments.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const cut = (dimension: SegmentDimension, value: string, members: string[]): SegmentCut => ({ dimension, value, members: new Set(members) });
const published = (all: string[], cuts: SegmentCut[]) =>
  publishableCuts(new Set(all), cuts)
    .filter((v) => v.published)
    .map((v) => `${v.dimension}:${v.value}`);

describe('segment k-anonymity rule table', () => {
  it.each([
    // [name, network size, cuts, published]
    ['a cut of 5 in a network of 10, the rest 5: both halves shown', 10, [['vertical', 'health', 5], ['vertical', 'legal', 5]], ['vertical:health', 'vertical:legal']],
    ['a cut of 4 is withheld (too few); 9 others have no profile', 20, [['vertical', 'health', 4], ['vertical', 'legal', 5], ['vertical', 'retail', 6]], ['vertical:legal', 'vertical:retail']],
    ['a rest of 4 (network minus the shown cuts) withholds the smallest cut', 14, [['vertical', 'health', 4], ['vertical', 'legal', 5], ['vertical', 'retail', 5]], ['vertical:retail']],
    ['a cut equal to the network is fine (difference 0)', 6, [['vertical', 'health', 6]], ['vertical:health']],
    ['a network of 4 shows no cut at all', 4, [['vertical', 'health', 4]], []],
  ] as const)('%s', (_name, size, spec, expected) => {
    const all = ids('c', size);
    let at = 0;
    const cuts = spec.map(([d, v, n]) => {
      const members = all.slice(at, at + n);
      at += n;
      return cut(d, v, members);
    });
    expect(published(all, cuts)).toEqual(expected);
  });

  it('reports why a cut is withheld', () => {
    const all = ids('c', 9);
    const verdicts = publishableCuts(new Set(all), [cut('vertical', 'health', all.slice(0, 6)), cut('vertical', 'legal', all.slice(6, 8))]);
    expect(verdicts.map((v) => [v.value, v.companies, v.reason])).toEqual([
      ['health', 6, 'differencing'],
      ['legal', 2, 'too_few'],
    ]);
  });
});

describe('differencing attacks', () => {
  it('network minus a cut of N-1..N-4 would isolate the rest: the cut is withheld', () => {
    // 8 companies, "health" holds 6: network minus health = 2 companies, traceable.
    const all = ids('c', 8);
    expect(published(all, [cut('vertical', 'health', all.slice(0, 6))])).toEqual([]);
  });

  it('two overlapping cuts of different dimensions differing by fewer than 5: the smaller goes', () => {
    // 20 companies; "10-24" has 7 of them, "health" the same 7 plus 2 more: health minus 10-24 = 2.
    const all = ids('c', 20);
    const size = cut('sizeBand', '10-24', all.slice(0, 7));
    const health = cut('vertical', 'health', all.slice(0, 9));
    const others = [cut('sizeBand', '25-49', all.slice(7)), cut('vertical', 'legal', all.slice(9))];
    expect(published(all, [size, health, ...others])).not.toEqual(expect.arrayContaining(['sizeBand:10-24', 'vertical:health']));
    const verdict = publishableCuts(new Set(all), [size, health, ...others]);
    // Whatever is shown, no published pair differs by 1..4.
    const open = verdict.filter((v) => v.published).map((v) => [size, health, ...others].find((c) => c.dimension === v.dimension && c.value === v.value)!.members);
    for (const a of [new Set(all), ...open]) for (const b of [new Set(all), ...open]) {
      const d = [...a].filter((x) => !b.has(x)).length;
      expect(d === 0 || d >= 5).toBe(true);
    }
  });

  it('the rest of a dimension (network minus its published cuts) never holds 1..4 companies', () => {
    // 14 companies: health 6, legal 5, three in small verticals: network - health - legal = 3.
    const all = ids('c', 14);
    const cuts = [cut('vertical', 'health', all.slice(0, 6)), cut('vertical', 'legal', all.slice(6, 11)), cut('vertical', 'retail', all.slice(11))];
    const shown = published(all, cuts);
    expect(shown).toEqual(['vertical:health']);
    // With legal withheld, the rest is legal + retail = 8: fine; health minus network is 0.
  });

  it('a cut nearly covering the network goes first, so smaller disjoint cuts survive', () => {
    // 12: health 7 / legal 5; managed services 9 (network minus it = 3), resellers 3.
    const all = ids('c', 12);
    const cuts = [cut('vertical', 'health', all.slice(0, 7)), cut('vertical', 'legal', all.slice(7)), cut('businessModel', 'managed', all.slice(0, 9)), cut('businessModel', 'reseller', all.slice(9))];
    expect(published(all, cuts)).toEqual(['vertical:health', 'vertical:legal']);
  });

  it('companies without a profile count in the rest', () => {
    const all = ids('c', 12);
    // 10 with a profile in "health", 2 without: network minus health = 2 → health withheld.
    expect(published(all, [cut('vertical', 'health', all.slice(0, 10))])).toEqual([]);
    expect(published(all, [cut('vertical', 'health', all.slice(0, 7))])).toEqual(['vertical:health']);
  });

  it('is the same set whatever dimension is asked for (computed over all cuts together)', () => {
    const profiles = new Map(ids('c', 10).map((c, i) => [c, { sizeBand: i < 5 ? '10-24' : '25-49', vertical: i < 6 ? 'Health' : 'Legal', businessModel: 'managed-services' }]));
    const cuts = cutsOf(profiles);
    expect(cuts.map((c) => `${c.dimension}:${c.value}:${c.members.size}`)).toEqual(['vertical:legal:4', 'sizeBand:10-24:5', 'sizeBand:25-49:5', 'vertical:health:6', 'businessModel:managed-services:10']);
    // health (6) vs 10-24 (5): health minus 10-24 = 1 → one of them goes; legal is too few.
    const shown = published([...profiles.keys()], cuts);
    expect(shown).toContain('businessModel:managed-services');
    expect(shown).not.toContain('vertical:legal');
    expect(shown.includes('vertical:health') && shown.includes('sizeBand:10-24')).toBe(false);
  });
});
