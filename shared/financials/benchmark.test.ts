import { describe, expect, it } from 'vitest';
import { groupStats, median, memberView, memberViews, networkBenchmark, quartiles, rankWithTies, relativeChange } from './benchmark.ts';
import type { KpiFigure } from './types.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
    expect(median([5, 5, 1, 5])).toBe(5);
  });

  it('ignores non-finite values', () => {
    expect(median([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(median([Number.NaN])).toBeNull();
  });
});

describe('quartiles (inclusive linear interpolation, as Excel QUARTILE.INC / numpy default)', () => {
  it('matches Excel QUARTILE.INC on a textbook set', () => {
    // QUARTILE.INC({7,15,36,39,40,41}, 1..3) = 20.25, 37.5, 39.75
    expect(quartiles([41, 7, 39, 15, 40, 36])).toEqual({ q1: 20.25, median: 37.5, q3: 39.75 });
  });

  it('odd count: numpy.percentile(range(1, 12), [25, 50, 75]) = 3.5, 6, 8.5', () => {
    expect(quartiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ q1: 3.5, median: 6, q3: 8.5 });
  });

  it('even count: [1, 2, 3, 4] → 1.75, 2.5, 3.25', () => {
    expect(quartiles([4, 3, 2, 1])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });

  it('five values land exactly on ranks 2, 3, 4', () => {
    expect(quartiles([10, 20, 30, 40, 50])).toEqual({ q1: 20, median: 30, q3: 40 });
  });

  it('single value and empty set', () => {
    expect(quartiles([42])).toEqual({ q1: 42, median: 42, q3: 42 });
    expect(quartiles([])).toBeNull();
  });

  it('duplicates: [1, 1, 1, 2] → 1, 1, 1.25', () => {
    expect(quartiles([1, 2, 1, 1])).toEqual({ q1: 1, median: 1, q3: 1.25 });
  });

  it('negative values', () => {
    expect(quartiles([-10, -5, 0, 5])).toEqual({ q1: -6.25, median: -2.5, q3: 1.25 });
  });
});

describe('groupStats', () => {
  it('returns n, quartiles and extremes', () => {
    expect(groupStats('gross_margin_pct', '2026-Q3', [30, 10, 20, 40])).toEqual({
      kpiKey: 'gross_margin_pct', quarter: '2026-Q3', n: 4, median: 25, q1: 17.5, q3: 32.5, min: 10, max: 40,
    });
  });

  it('is all null for no figures', () => {
    expect(groupStats('k', '2026-Q3', [])).toEqual({ kpiKey: 'k', quarter: '2026-Q3', n: 0, median: null, q1: null, q3: null, min: null, max: null });
  });
});

describe('rankWithTies', () => {
  const values = [
    { id: 'a', value: 100 },
    { id: 'b', value: 80 },
    { id: 'c', value: 80 },
    { id: 'd', value: 50 },
  ];

  it('higher is better: competition ranking 1, 2, 2, 4', () => {
    expect(Object.fromEntries(rankWithTies(values, 'higher'))).toEqual({ a: 1, b: 2, c: 2, d: 4 });
  });

  it('lower is better: 1, 2, 2, 4 from the other end', () => {
    expect(Object.fromEntries(rankWithTies(values, 'lower'))).toEqual({ d: 1, b: 2, c: 2, a: 4 });
  });

  it('a tie at the top shares rank 1 and the next is 3', () => {
    const r = rankWithTies([{ id: 'x', value: 5 }, { id: 'y', value: 5 }, { id: 'z', value: 1 }], 'higher');
    expect(Object.fromEntries(r)).toEqual({ x: 1, y: 1, z: 3 });
  });

  it('all equal share rank 1; non-finite values get no rank; empty gives an empty map', () => {
    expect([...rankWithTies([{ id: 'x', value: 0 }, { id: 'y', value: 0 }], 'lower').values()]).toEqual([1, 1]);
    expect(rankWithTies([{ id: 'x', value: Number.NaN }, { id: 'y', value: 3 }], 'higher').has('x')).toBe(false);
    expect(rankWithTies([], 'higher').size).toBe(0);
  });
});

describe('memberView', () => {
  const fig = (userId: string, quarter: string, value: number, kpiKey = 'total_revenue'): KpiFigure => ({
    groupId: 'g', userId, quarter, kpiKey, value, coachOnly: false, updatedAt: '2026-10-01T00:00:00Z',
  });

  const figures = [
    fig('ann', '2025-Q3', 800), fig('ann', '2026-Q2', 1000), fig('ann', '2026-Q3', 1100),
    fig('bob', '2026-Q3', 1500), fig('bob', '2026-Q2', 0),
    fig('cem', '2026-Q3', 1100),
    fig('dan', '2026-Q3', 900, 'cash_on_hand'),
  ];

  it('gives value, QoQ and YoY as fractions, and the rank among members with a figure', () => {
    const v = memberView('total_revenue', '2026-Q3', 'ann', figures, 'higher');
    expect(v).toMatchObject({ kpiKey: 'total_revenue', quarter: '2026-Q3', value: 1100, rank: 2, of: 3 });
    expect(v.qoq).toBeCloseTo(0.1);
    expect(v.yoy).toBeCloseTo(0.375);
  });

  it('null QoQ for a zero base and null YoY for a missing one', () => {
    const v = memberView('total_revenue', '2026-Q3', 'bob', figures, 'higher');
    expect(v).toMatchObject({ value: 1500, qoq: null, yoy: null, rank: 1, of: 3 });
  });

  it('gives every listed member their view at once, ties sharing a rank', () => {
    const views = memberViews('total_revenue', '2026-Q3', ['ann', 'bob', 'cem', 'dan'], figures, 'higher');
    expect([...views.keys()]).toEqual(['ann', 'bob', 'cem', 'dan']);
    expect([...views.values()].map((v) => [v.value, v.rank, v.of])).toEqual([[1100, 2, 3], [1500, 1, 3], [1100, 2, 3], [null, null, 3]]);
    expect(views.get('ann')).toEqual(memberView('total_revenue', '2026-Q3', 'ann', figures, 'higher'));
  });

  it('ranks by direction', () => {
    expect(memberView('total_revenue', '2026-Q3', 'bob', figures, 'lower').rank).toBe(3);
    expect(memberView('total_revenue', '2026-Q3', 'ann', figures, 'lower').rank).toBe(1);
  });

  it('a member without a figure has no value, change or rank', () => {
    expect(memberView('total_revenue', '2026-Q3', 'dan', figures, 'higher')).toEqual({
      kpiKey: 'total_revenue', quarter: '2026-Q3', value: null, qoq: null, yoy: null, qoqPoints: null, yoyPoints: null, rank: null, of: 3,
    });
  });

  it('a percent KPI also changes in points; other units never get points', () => {
    const margins = [fig('ann', '2026-Q2', 44.8, 'gross_margin_pct'), fig('ann', '2026-Q3', 52.5, 'gross_margin_pct'), fig('ann', '2025-Q3', 50, 'gross_margin_pct')];
    const v = memberView('gross_margin_pct', '2026-Q3', 'ann', margins, 'higher', 'percent');
    expect(v.qoqPoints).toBeCloseTo(7.7);
    expect(v.yoyPoints).toBeCloseTo(2.5);
    expect(v.qoq).toBeCloseTo(0.1719, 3);
    expect(memberView('total_revenue', '2026-Q3', 'ann', figures, 'higher', 'currency')).toMatchObject({ qoqPoints: null, yoyPoints: null });
  });

  it('uses the latest figure when a member has two for the same quarter', () => {
    const newer = { ...fig('ann', '2026-Q3', 2), updatedAt: '2026-10-02T00:00:00Z' };
    const older = { ...fig('ann', '2026-Q3', 1), updatedAt: '2026-10-01T00:00:00Z' };
    const twice = [newer, older];
    expect(memberView('total_revenue', '2026-Q3', 'ann', twice, 'higher')).toMatchObject({ value: 2, of: 1 });
  });

  it('has no QoQ/YoY at the start of the supported range instead of throwing', () => {
    expect(memberView('total_revenue', '2000-Q1', 'ann', [fig('ann', '2000-Q1', 5)], 'higher')).toMatchObject({ value: 5, qoq: null, yoy: null });
  });

  it('reads a shrinking loss as an improvement', () => {
    expect(relativeChange(-2, -5)).toBeCloseTo(0.6);
    expect(relativeChange(-8, -5)).toBeCloseTo(-0.6);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 5)).toBeNull();
  });
});

describe('networkBenchmark (k-anonymity)', () => {
  it('shows nothing from 4 companies', () => {
    expect(networkBenchmark('gross_margin_pct', '2026-Q3', [10, 20, 30, 40])).toEqual({
      kpiKey: 'gross_margin_pct', quarter: '2026-Q3', companies: 4, stats: null,
    });
  });

  it('shows median and quartiles from exactly 5 companies, never min or max', () => {
    expect(networkBenchmark('gross_margin_pct', '2026-Q3', [50, 10, 30, 20, 40])).toEqual({
      kpiKey: 'gross_margin_pct', quarter: '2026-Q3', companies: 5,
      stats: { n: 5, median: 30, q1: 20, q3: 40, min: null, max: null },
    });
  });

  it('never exposes min or max, however many companies', () => {
    const many = Array.from({ length: 200 }, (_, i) => i);
    const b = networkBenchmark('k', '2026-Q3', many);
    expect(b.stats).toMatchObject({ n: 200, min: null, max: null });
    expect(JSON.stringify(b)).not.toMatch(/"(min|max)":\d/);
  });

  it('counts only finite figures towards the cut-off', () => {
    expect(networkBenchmark('k', '2026-Q3', [1, 2, 3, 4, Number.NaN]).stats).toBeNull();
  });

  it('a custom cut-off can raise the bar but never lower it below the limit', () => {
    const five = [1, 2, 3, 4, 5];
    expect(networkBenchmark('k', '2026-Q3', five, 6).stats).toBeNull();
    expect(networkBenchmark('k', '2026-Q3', [1, 2], 1).stats).toBeNull();
    expect(networkBenchmark('k', '2026-Q3', five, 1).stats).not.toBeNull();
  });
});
