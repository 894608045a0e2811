// Benchmarks beyond the group: the network cut by segment, and industry reference sets.
import { z } from 'zod';
import { SEGMENT_DIMENSIONS, type SegmentDimension } from './financials/segments.ts';
import type { NetworkBenchmark } from './financials/types.ts';

export const segmentQuery = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'Quarter must look like 2026-Q4'),
  dimension: z.enum(SEGMENT_DIMENSIONS),
});

export interface SegmentCutStats {
  /** The segment value, lower-cased ("healthcare", "10-24", "managed-services"). */
  value: string;
  companies: number;
  /** null when shown; else why not: fewer than 5 companies, or a difference with another set would isolate fewer than 5. */
  withheld: 'too_few' | 'differencing' | null;
  /** Median and quartiles (min and max always null); null when withheld. */
  stats: NetworkBenchmark['stats'];
}

export interface SegmentBenchmarks {
  quarter: string;
  dimension: SegmentDimension;
  kpis: { kpiKey: string; network: NetworkBenchmark; cuts: SegmentCutStats[] }[];
}

/** An industry reference: quartiles per KPI from a published study. */
export interface ReferenceSet {
  id: string;
  networkId: string;
  /** Who published it, e.g. "Service Leadership Index". */
  source: string;
  year: number;
  /** The currency its money KPIs are in. */
  currency: string;
  createdAt: string;
  values: { kpiKey: string; q1: number; median: number; q3: number }[];
}

/** POST /api/networks/:id/reference-sets: the study's quartiles as CSV, header kpi,q1,median,q3. */
export const referenceSetBody = z.object({
  source: z.string().trim().min(1).max(120),
  year: z.number().int().min(1990).max(2100),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).optional(),
  csv: z.string().min(1).max(64 * 1024),
});
export type ReferenceSetBody = z.infer<typeof referenceSetBody>;

/** Reads kpi,q1,median,q3 rows: every bad line is named; nothing is taken from a file with one. */
export function parseReferenceCsv(
  records: readonly { line: number; cells: string[]; error?: string }[],
  kpiKeys: ReadonlySet<string>,
): { values: ReferenceSet['values']; errors: { line: number; message: string }[] } {
  const errors: { line: number; message: string }[] = [];
  const values: ReferenceSet['values'] = [];
  const [head, ...rows] = records;
  if (!head || head.cells.map((c) => c.trim().toLowerCase()).join(',') !== 'kpi,q1,median,q3') {
    return { values, errors: [{ line: head?.line ?? 0, message: 'The header must be kpi,q1,median,q3' }] };
  }
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.error) {
      errors.push({ line: r.line, message: r.error });
      continue;
    }
    const [kpi = '', ...nums] = r.cells.map((c) => c.trim());
    const [q1, median, q3] = nums.map(Number);
    if (!kpiKeys.has(kpi)) errors.push({ line: r.line, message: `Unknown KPI "${kpi}"` });
    else if (seen.has(kpi)) errors.push({ line: r.line, message: `${kpi} is listed twice` });
    else if (nums.length !== 3 || ![q1, median, q3].every((n) => n !== undefined && Number.isFinite(n))) errors.push({ line: r.line, message: `${kpi}: q1, median and q3 must be numbers` });
    else if (!(q1! <= median! && median! <= q3!)) errors.push({ line: r.line, message: `${kpi}: q1 <= median <= q3 does not hold` });
    else {
      seen.add(kpi);
      values.push({ kpiKey: kpi, q1: q1!, median: median!, q3: q3! });
    }
  }
  if (errors.length === 0 && values.length === 0) errors.push({ line: 0, message: 'The file has no KPI rows' });
  return { values, errors };
}
