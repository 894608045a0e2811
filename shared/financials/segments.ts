// Network benchmarks cut by segment (size band, vertical, business model), k-anonymous per cut
// and safe against differencing. The rule, for one KPI in one quarter:
//
// 1. A set of companies is published (median and quartiles, never min or max) only when it holds
//    at least K = LIMITS.benchmarkMinCompanies companies with a figure.
// 2. The candidate sets are the whole network and every cut of every dimension, computed together
//    (not per request), so what one request shows and what another shows are the same sets.
// 3. No pair of published sets may differ by 1..K-1 companies: for every published A and B,
//    |A \ B| and |B \ A| are each 0 or at least K. Otherwise "A minus B" singles out fewer than
//    K companies (network minus "everyone but one vertical" is that vertical).
// 4. Per dimension, the companies outside every published cut of it (the rest, including those
//    without a profile) number 0 or at least K: the network minus the published cuts is a set too.
// While a set breaks 3 or 4, a cut is withheld and the check runs again: first any cut the
// network minus it isolates, then the smaller of an offending pair (ties: by dimension, value),
// then the smallest cut of a dimension whose rest is too small. The network set itself is never withheld
// by 3 or 4; it follows rule 1 alone.
import { LIMITS } from '../limits.ts';

export const SEGMENT_DIMENSIONS = ['sizeBand', 'vertical', 'businessModel'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

export interface SegmentCut {
  dimension: SegmentDimension;
  value: string;
  /** Company keys in the cut (with a figure for the KPI). */
  members: ReadonlySet<string>;
}

export interface CutVerdict {
  dimension: SegmentDimension;
  value: string;
  companies: number;
  published: boolean;
  /** Why it is withheld: too few companies, or a difference with another set isolates too few. */
  reason: 'ok' | 'too_few' | 'differencing';
}

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let n = 0;
  for (const x of a) if (!b.has(x)) n++;
  return n;
};
const isolates = (n: number, k: number) => n > 0 && n < k;
const order = (a: SegmentCut, b: SegmentCut) => a.members.size - b.members.size || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value);

/**
 * Which cuts may be published beside the network set `all` (see the rule above). `all` is every
 * company with a figure; `cuts` every segment value of every dimension over those companies.
 */
export function publishableCuts(all: ReadonlySet<string>, cuts: readonly SegmentCut[], k: number = LIMITS.benchmarkMinCompanies): CutVerdict[] {
  const verdict = new Map<SegmentCut, CutVerdict['reason']>(cuts.map((c) => [c, c.members.size >= k ? 'ok' : 'too_few']));
  if (all.size < k) for (const c of cuts) verdict.set(c, 'too_few');
  const published = () => cuts.filter((c) => verdict.get(c) === 'ok');
  const withhold = (offenders: SegmentCut[]) => verdict.set([...offenders].sort(order)[0]!, 'differencing');

  for (let changed = true; changed; ) {
    changed = false;
    const open = published();
    // Rule 3 against the network first: a cut that nearly covers it goes before it can knock
    // out smaller, harmless cuts in pairs.
    const nearlyAll = open.find((a) => isolates(minus(all, a.members), k));
    if (nearlyAll) {
      withhold([nearlyAll]);
      changed = true;
      continue;
    }
    // Rule 3: every other pair of published sets.
    for (const a of open) {
      const b = open.find((b) => b !== a && (isolates(minus(a.members, b.members), k) || isolates(minus(b.members, a.members), k)));
      if (b) {
        withhold([a, b]);
        changed = true;
        break;
      }
    }
    if (changed) continue;
    // Rule 4: the rest of each dimension.
    for (const d of SEGMENT_DIMENSIONS) {
      const mine = open.filter((c) => c.dimension === d);
      const covered = new Set(mine.flatMap((c) => [...c.members]));
      if (mine.length > 0 && isolates(minus(all, covered), k)) {
        withhold(mine);
        changed = true;
        break;
      }
    }
  }
  return cuts.map((c) => ({ dimension: c.dimension, value: c.value, companies: c.members.size, published: verdict.get(c) === 'ok', reason: verdict.get(c)! }));
}

/** The cuts of every dimension over companies with a profile: company key -> its segment values. */
export function cutsOf(profiles: ReadonlyMap<string, Readonly<Record<SegmentDimension, string>>>): SegmentCut[] {
  const cuts = new Map<string, SegmentCut & { members: Set<string> }>();
  for (const [key, p] of profiles) {
    for (const d of SEGMENT_DIMENSIONS) {
      const value = p[d].trim().toLowerCase();
      const id = `${d}\u0000${value}`;
      const cut = cuts.get(id) ?? { dimension: d, value, members: new Set<string>() };
      cut.members.add(key);
      cuts.set(id, cut);
    }
  }
  return [...cuts.values()].sort(order);
}
