// Percentiles and a small report table for benchmarks.
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, mean, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Cumulative counts of a Prometheus histogram's buckets, keyed by upper bound (seconds; +Inf last). */
export type HistogramBuckets = Map<number, number>;

/** What a histogram counted between two scrapes (after - before), bucket by bucket. */
export function bucketsBetween(before: HistogramBuckets, after: HistogramBuckets): HistogramBuckets {
  return new Map([...after].map(([le, n]) => [le, n - (before.get(le) ?? 0)]));
}

/** Two counts of the same histogram's buckets added up (several drives of one step). */
export function addBuckets(a: HistogramBuckets, b: HistogramBuckets): HistogramBuckets {
  return new Map([...b].map(([le, n]) => [le, n + (a.get(le) ?? 0)]));
}

/**
 * The p-th percentile of what a histogram counted, interpolated linearly inside the bucket it
 * falls in, as Prometheus's histogram_quantile does; NaN when it counted nothing, the last finite
 * bound when it falls in +Inf.
 */
export function histogramPercentile(buckets: HistogramBuckets, p: number): number {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (total === 0) return NaN;
  const rank = (p / 100) * total;
  let lower = 0;
  let below = 0;
  for (const le of bounds) {
    const n = buckets.get(le)!;
    if (n >= rank) return le === Infinity ? lower : lower + ((le - lower) * (rank - below)) / Math.max(1, n - below);
    lower = le;
    below = n;
  }
  return lower;
}
