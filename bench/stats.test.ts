import { describe, expect, it } from 'vitest';
import { addBuckets, bucketsBetween, histogramPercentile, percentile, type HistogramBuckets } from './stats.ts';

// Cumulative counts as /metrics exports them: le=0.001 -> 10 means 10 observations of at most 1 ms.
const buckets = (counts: [number, number][]): HistogramBuckets => new Map(counts);

describe('histogramPercentile', () => {
  it('interpolates inside the bucket the rank falls in, as Prometheus does', () => {
    // 100 observations: 20 up to 0.5 ms, 60 more up to 1 ms, 20 more up to 2.5 ms.
    const h = buckets([[0.0005, 20], [0.001, 80], [0.0025, 100], [Infinity, 100]]);
    expect(histogramPercentile(h, 50)).toBeCloseTo(0.0005 + 0.0005 * (30 / 60), 10);
    expect(histogramPercentile(h, 20)).toBeCloseTo(0.0005, 10);
    expect(histogramPercentile(h, 90)).toBeCloseTo(0.001 + 0.0015 * (10 / 20), 10);
    expect(histogramPercentile(h, 10)).toBeCloseTo(0.0005 * (10 / 20), 10);
  });

  it('answers the last finite bound when the rank falls in +Inf, NaN when nothing was counted', () => {
    expect(histogramPercentile(buckets([[0.001, 1], [0.01, 2], [Infinity, 10]]), 99)).toBe(0.01);
    expect(histogramPercentile(buckets([[0.001, 0], [Infinity, 0]]), 50)).toBeNaN();
  });

  it('skips empty buckets below the rank', () => {
    const h = buckets([[0.0001, 0], [0.00025, 0], [0.0005, 4], [Infinity, 4]]);
    expect(histogramPercentile(h, 50)).toBeCloseTo(0.00025 + 0.00025 * (2 / 4), 10);
  });
});

describe('bucket arithmetic', () => {
  it('takes what was counted between two scrapes, and adds two such counts', () => {
    const before = buckets([[0.001, 5], [Infinity, 7]]);
    const after = buckets([[0.001, 8], [Infinity, 12]]);
    const between = bucketsBetween(before, after);
    expect([...between]).toEqual([[0.001, 3], [Infinity, 5]]);
    expect([...addBuckets(between, between)]).toEqual([[0.001, 6], [Infinity, 10]]);
    expect([...addBuckets(new Map(), between)]).toEqual([[0.001, 3], [Infinity, 5]]);
  });
});

describe('percentile', () => {
  it('is the nearest rank of sorted samples', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });
});
