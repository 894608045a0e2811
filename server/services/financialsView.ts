// The group's financial review as one viewer may see it: pure functions over stored figures.
// Visibility is decided here, once, before any statistic is computed, so stats, ranks and
// history can never carry a figure the viewer may not see.
import { DERIVED_KPIS, deriveFigures } from '../../shared/financials/kpis.ts';
import { groupStats, memberViews, networkBenchmark } from '../../shared/financials/benchmark.ts';
import { addQuarters } from '../../shared/financials/quarters.ts';
import { DEFAULT_CURRENCY } from '../../shared/financials/format.ts';
import type { KpiDefinition, KpiFigure, KpiGroupStats, NetworkBenchmark } from '../../shared/financials/types.ts';
import type { GroupMember } from '../../shared/domain.ts';
import type { FinancialsMember, GroupFinancials } from '../../shared/records.ts';
import type { NetworkFigure } from '../storage/types.ts';

/** Quarters of history sent for charts: two years shows the trend and the same quarter last year. */
export const HISTORY_QUARTERS = 8;

/** The first quarter of the history window; null when it would fall before the supported years. */
export function historyStart(quarter: string): string | undefined {
  try {
    return addQuarters(quarter, -(HISTORY_QUARTERS - 1));
  } catch {
    return undefined;
  }
}

export interface Viewer {
  userId: string;
  /** May see other members' coach-only figures (coach, organisers). */
  seesCoachOnly: boolean;
}

/** A coach-only figure is seen by its owner, the coach and organisers; everyone sees the rest. */
export function visibleTo(viewer: Viewer, figures: readonly KpiFigure[]): KpiFigure[] {
  return figures.filter((f) => !f.coachOnly || viewer.seesCoachOnly || f.userId === viewer.userId);
}

/**
 * Stored figures plus every derived KPI computable from them, per member and quarter. A
 * derived figure is coach-only when any of its inputs is, so it can't reveal a hidden input.
 */
export function withDerived(figures: readonly KpiFigure[]): KpiFigure[] {
  const cells = new Map<string, KpiFigure[]>();
  for (const f of figures) {
    const key = `${f.groupId}\u0000${f.userId}\u0000${f.quarter}`;
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  const out = [...figures];
  for (const cell of cells.values()) {
    const first = cell[0]!;
    const stored = new Map(cell.map((f) => [f.kpiKey, f]));
    const derived = deriveFigures(Object.fromEntries(cell.map((f) => [f.kpiKey, f.value])));
    for (const [kpiKey, value] of Object.entries(derived)) {
      const rule = DERIVED_KPIS[kpiKey];
      if (stored.has(kpiKey) || !rule) continue;
      const inputs = [stored.get(rule.numerator), stored.get(rule.denominator)];
      out.push({
        groupId: first.groupId,
        userId: first.userId,
        quarter: first.quarter,
        kpiKey,
        value,
        coachOnly: inputs.some((f) => f?.coachOnly),
        updatedAt: inputs.reduce((latest, f) => (f && f.updatedAt > latest ? f.updatedAt : latest), ''),
      });
    }
  }
  return out;
}

/** A group's figures (the history window up to `quarter`) as `viewer` may see them. */
export function buildFinancials(
  quarter: string,
  kpis: KpiDefinition[],
  companies: readonly GroupMember[],
  stored: readonly KpiFigure[],
  viewer: Viewer,
): Omit<GroupFinancials, 'currency' | 'showsBenchmarks'> {
  const ids = new Set(companies.map((m) => m.userId));
  // Figures of people who are no longer member companies stay stored but leave the review.
  const figures = withDerived(visibleTo(viewer, stored.filter((f) => ids.has(f.userId))));
  const current = figures.filter((f) => f.quarter === quarter);

  const stats: Record<string, KpiGroupStats> = {};
  for (const k of kpis) stats[k.key] = groupStats(k.key, quarter, current.filter((f) => f.kpiKey === k.key).map((f) => f.value));

  // One pass to split the figures by KPI: each view then scans its KPI's figures, not all of them.
  const byKpi = new Map<string, KpiFigure[]>();
  for (const f of figures) {
    const list = byKpi.get(f.kpiKey);
    if (list) list.push(f);
    else byKpi.set(f.kpiKey, [f]);
  }
  const ofKpi = (key: string) => byKpi.get(key) ?? [];

  const userIds = companies.map((m) => m.userId);
  const views = new Map(kpis.map((k) => [k.key, memberViews(k.key, quarter, userIds, ofKpi(k.key), k.direction, k.unit)]));
  const members: FinancialsMember[] = companies.map((m) => ({
    userId: m.userId,
    name: m.name,
    company: m.company,
    views: Object.fromEntries(kpis.map((k) => [k.key, views.get(k.key)!.get(m.userId)!])),
    // Everyone else must not learn that a hidden figure exists, so they get [].
    coachOnlyKeys:
      viewer.seesCoachOnly || viewer.userId === m.userId
        ? current.filter((f) => f.userId === m.userId && f.coachOnly).map((f) => f.kpiKey).sort()
        : [],
  }));

  const history: GroupFinancials['history'] = {};
  for (const m of companies) {
    const mine = figures.filter((f) => f.userId === m.userId).sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0));
    const byKpi: Record<string, { quarter: string; value: number }[]> = {};
    for (const f of mine) (byKpi[f.kpiKey] ??= []).push({ quarter: f.quarter, value: f.value });
    history[m.userId] = byKpi;
  }
  return { quarter, kpis, members, stats, history, medians: medianHistory(kpis, ofKpi), canSeeFigures: true };
}

/** The group median of each KPI per quarter of the window, over the figures the viewer sees. */
function medianHistory(kpis: readonly KpiDefinition[], ofKpi: (key: string) => readonly KpiFigure[]): GroupFinancials['medians'] {
  const out: GroupFinancials['medians'] = {};
  for (const k of kpis) {
    const byQuarter = new Map<string, number[]>();
    for (const f of ofKpi(k.key)) {
      const values = byQuarter.get(f.quarter);
      if (values) values.push(f.value);
      else byQuarter.set(f.quarter, [f.value]);
    }
    out[k.key] = [...byQuarter.keys()].sort().map((q) => ({ quarter: q, median: groupStats(k.key, q, byQuarter.get(q)!).median }));
  }
  return out;
}

/**
 * Network benchmarks over one value per company: coach-only figures never count, derived KPIs
 * are computed per member, and where a company reports in several groups the first member
 * (by id, so the choice is stable) speaks for it. Money is compared in one currency only: a
 * money KPI counts the figures of groups in the network's currency (`inCurrency`), never a
 * group that keeps its books in another one.
 */
export function buildNetworkBenchmarks(
  quarter: string,
  kpis: readonly KpiDefinition[],
  stored: readonly NetworkFigure[],
  money?: NetworkMoney,
): NetworkBenchmark[] {
  const byCompany = networkValuesByCompany(kpis, stored, money);
  return kpis.map((k) => ({
    ...networkBenchmark(k.key, quarter, [...byCompany.values()].flatMap((v) => (v.has(k.key) ? [v.get(k.key)!] : []))),
    currency: k.unit === 'currency' ? (money?.currency ?? DEFAULT_CURRENCY) : null,
  }));
}

/** The network's currency and the groups that report in it (money is compared in it alone). */
export interface NetworkMoney {
  currency: string;
  inCurrency: ReadonlySet<string>;
}

/** The key a company is counted under across groups: its (profile) name, else its member. */
export const companyKey = (f: Pick<NetworkFigure, 'userId' | 'company'>): string => f.company?.trim().toLowerCase() || `user:${f.userId}`;

/** company key -> kpi key -> the one value that speaks for the company (see buildNetworkBenchmarks). */
export function networkValuesByCompany(kpis: readonly KpiDefinition[], stored: readonly NetworkFigure[], money?: NetworkMoney): Map<string, Map<string, number>> {
  const unitOf = new Map(kpis.map((k) => [k.key, k.unit]));
  const companyOf = new Map(stored.map((f) => [f.userId, companyKey(f)]));
  const open = withDerived(stored.filter((f) => !f.coachOnly)).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const byCompany = new Map<string, Map<string, number>>();
  for (const f of open) {
    if (money && unitOf.get(f.kpiKey) === 'currency' && !money.inCurrency.has(f.groupId)) continue;
    const company = companyOf.get(f.userId)!;
    const values = byCompany.get(company) ?? new Map<string, number>();
    if (!values.has(f.kpiKey)) values.set(f.kpiKey, f.value);
    byCompany.set(company, values);
  }
  return byCompany;
}
