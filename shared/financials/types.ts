// Financial review: KPI definitions, members' figures, and the benchmark views built from them.

export type KpiUnit = 'currency' | 'percent' | 'count' | 'days';
/** Whether a higher figure is better (revenue) or worse (receivable days, lost clients). */
export type KpiDirection = 'higher' | 'lower';

export interface KpiDefinition {
  /** Stable key, e.g. "total_revenue"; custom KPIs get "custom_<slug>". */
  key: string;
  label: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** Decimal places shown. */
  decimals: number;
  /** Derived KPIs are computed from others and can't be entered (e.g. recurring share). */
  derived: boolean;
  /** null for the network defaults; the group id for a group's own KPI. */
  groupId: string | null;
}

/** One member's figure for one KPI in one quarter. */
export interface KpiFigure {
  groupId: string;
  userId: string;
  quarter: string;
  kpiKey: string;
  value: number;
  /** Visible to the coach and the owner only; left out of what others see, group stats included. */
  coachOnly: boolean;
  updatedAt: string;
}

/** Group statistics of one KPI in one quarter, over the figures the viewer may see. */
export interface KpiGroupStats {
  kpiKey: string;
  quarter: string;
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
}

/** One member's figure with its context: own history and place in the group. */
export interface KpiMemberView {
  kpiKey: string;
  quarter: string;
  value: number | null;
  /** Change against the previous quarter and the same quarter a year earlier, as fractions (0.1 = +10%). */
  qoq: number | null;
  yoy: number | null;
  /** The same changes in percentage points (value − base), for percent KPIs only; else null. */
  qoqPoints: number | null;
  yoyPoints: number | null;
  /** 1 = best, direction-aware; ties share the better rank. null when the member has no figure. */
  rank: number | null;
  of: number;
}

/** Network-wide benchmark: only where at least LIMITS.benchmarkMinCompanies reported. */
export interface NetworkBenchmark {
  kpiKey: string;
  quarter: string;
  /** null when fewer companies than the cut-off reported: nothing is shown. */
  stats: Omit<KpiGroupStats, 'kpiKey' | 'quarter'> | null;
  companies: number;
  /** For a money KPI, the currency its figures are in (the network's); null for other units. */
  currency?: string | null;
}
