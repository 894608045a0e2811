// Benchmark math for the financial review: group stats, direction-aware ranks, a member's
// change over time, and k-anonymous network benchmarks.
import { LIMITS } from '../limits.ts';
import { previousQuarter, sameQuarterLastYear } from './quarters.ts';
import { pointsChange } from './format.ts';
import type { KpiDirection, KpiFigure, KpiGroupStats, KpiMemberView, KpiUnit, NetworkBenchmark } from './types.ts';

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/** Non-finite values are figures nobody can compare against; they are left out of every statistic. */
function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/**
 * Quantile p (0..1) of sorted values by linear interpolation between closest ranks, the
 * inclusive method (Excel QUARTILE.INC, numpy's default "linear"): position h = (n-1)p,
 * result = x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
 */
function quantileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return below + (h - lo) * (above - below);
}

export function median(values: readonly number[]): number | null {
  const sorted = sortedFinite(values);
  return sorted.length === 0 ? null : quantileOfSorted(sorted, 0.5);
}

/** Q1, median and Q3 by the inclusive linear-interpolation method above; null when empty. */
export function quartiles(values: readonly number[]): Quartiles | null {
  const sorted = sortedFinite(values);
  if (sorted.length === 0) return null;
  return { q1: quantileOfSorted(sorted, 0.25), median: quantileOfSorted(sorted, 0.5), q3: quantileOfSorted(sorted, 0.75) };
}

/**
 * Stats over the figures the viewer may see: the caller leaves coach-only figures out for
 * anyone but the coach (and the owner's own view of them), so the stats can't leak them.
 */
export function groupStats(kpiKey: string, quarter: string, values: readonly number[]): KpiGroupStats {
  const sorted = sortedFinite(values);
  const q = quartiles(sorted);
  return {
    kpiKey,
    quarter,
    n: sorted.length,
    median: q?.median ?? null,
    q1: q?.q1 ?? null,
    q3: q?.q3 ?? null,
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
  };
}

/**
 * Competition ranking ("1224"): 1 is best in the KPI's direction, equal values share the better
 * rank and the next rank skips. Non-finite values get no rank.
 */
export function rankWithTies(values: readonly { id: string; value: number }[], direction: KpiDirection): Map<string, number> {
  const better = direction === 'higher' ? (a: number, b: number) => b - a : (a: number, b: number) => a - b;
  const ordered = values.filter((v) => Number.isFinite(v.value)).sort((a, b) => better(a.value, b.value));
  const ranks = new Map<string, number>();
  let rank = 0;
  ordered.forEach((entry, index) => {
    if (index === 0 || entry.value !== ordered[index - 1]?.value) rank = index + 1;
    ranks.set(entry.id, rank);
  });
  return ranks;
}

/**
 * Relative change from base to value as a fraction (0.1 = +10 %). Divides by |base| so a
 * loss shrinking from -5 to -2 reads as an improvement (+0.6), not as a fall.
 */
export function relativeChange(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value == null || base == null || base === 0 || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  return (value - base) / Math.abs(base);
}

/** The quarter `shift` moves to, or null when it falls outside the supported years. */
function shifted(quarter: string, shift: (q: string) => string): string | null {
  try {
    return shift(quarter);
  } catch {
    return null;
  }
}

/** Latest figure per member for one KPI and quarter; a member's figure is unique, this guards re-imports. */
function latestByUser(figures: readonly KpiFigure[], kpiKey: string, quarter: string | null): Map<string, number> {
  const latest = new Map<string, KpiFigure>();
  for (const f of figures) {
    if (f.kpiKey !== kpiKey || f.quarter !== quarter) continue;
    const seen = latest.get(f.userId);
    if (!seen || f.updatedAt >= seen.updatedAt) latest.set(f.userId, f);
  }
  return new Map([...latest].map(([userId, f]) => [userId, f.value]));
}

/**
 * Every listed member's figure for a KPI with its own history (QoQ, YoY) and place in the
 * group, computed once for all of them (the group's figures are scanned three times, not three
 * times per member). `figures` are the group's figures the viewer may see, any KPI and quarter;
 * rank and `of` count the members with a figure for this KPI in this quarter. A percent KPI
 * also gets its changes in points (a margin moving 44.8 -> 52.5 is +7.7 pp).
 */
export function memberViews(
  kpiKey: string,
  quarter: string,
  userIds: readonly string[],
  figures: readonly KpiFigure[],
  direction: KpiDirection,
  unit?: KpiUnit,
): Map<string, KpiMemberView> {
  const current = latestByUser(figures, kpiKey, quarter);
  const prev = latestByUser(figures, kpiKey, shifted(quarter, previousQuarter));
  const lastYear = latestByUser(figures, kpiKey, shifted(quarter, sameQuarterLastYear));
  const ranks = rankWithTies([...current].map(([id, v]) => ({ id, value: v })), direction);
  return new Map(
    userIds.map((userId) => {
      const value = current.get(userId) ?? null;
      return [
        userId,
        {
          kpiKey,
          quarter,
          value,
          qoq: relativeChange(value, prev.get(userId)),
          yoy: relativeChange(value, lastYear.get(userId)),
          qoqPoints: unit === 'percent' ? pointsChange(value, prev.get(userId)) : null,
          yoyPoints: unit === 'percent' ? pointsChange(value, lastYear.get(userId)) : null,
          rank: value === null ? null : (ranks.get(userId) ?? null),
          of: ranks.size,
        },
      ];
    }),
  );
}

/** One member's view (see memberViews). */
export function memberView(kpiKey: string, quarter: string, userId: string, figures: readonly KpiFigure[], direction: KpiDirection, unit?: KpiUnit): KpiMemberView {
  return memberViews(kpiKey, quarter, [userId], figures, direction, unit).get(userId)!;
}

/**
 * Network-wide benchmark, k-anonymous: no figure is derived from fewer than
 * LIMITS.benchmarkMinCompanies companies. `minCompanies` may raise the cut-off, never lower it.
 * min and max are always null here: the extremes of a network set are real companies'
 * figures (and often guessable: "the biggest shop in the network"), while quartiles and the
 * median of five or more can't be traced to one of them.
 * `valuesByCompany` holds one value per company (the caller picks one member per company).
 */
export function networkBenchmark(
  kpiKey: string,
  quarter: string,
  valuesByCompany: readonly number[],
  minCompanies: number = LIMITS.benchmarkMinCompanies,
): NetworkBenchmark {
  const sorted = sortedFinite(valuesByCompany);
  const cutOff = Math.max(minCompanies, LIMITS.benchmarkMinCompanies);
  const q = sorted.length >= cutOff ? quartiles(sorted) : null;
  return {
    kpiKey,
    quarter,
    companies: sorted.length,
    stats: q && { n: sorted.length, median: q.median, q1: q.q1, q3: q.q3, min: null, max: null },
  };
}
