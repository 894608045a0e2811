// The network benchmark cut by segment (size band, vertical, business model of the company
// profiles), each cut published only under the k-anonymity and differencing rule of
// shared/financials/segments.ts, computed per KPI over every dimension at once.
import type { Company } from '../../shared/companies.ts';
import { networkBenchmark } from '../../shared/financials/benchmark.ts';
import { cutsOf, publishableCuts, type SegmentDimension } from '../../shared/financials/segments.ts';
import type { KpiDefinition } from '../../shared/financials/types.ts';
import type { SegmentBenchmarks } from '../../shared/benchmarks.ts';
import type { NetworkFigure } from '../storage/types.ts';
import { buildNetworkBenchmarks, networkValuesByCompany, type NetworkMoney } from './financialsView.ts';

export function buildSegmentBenchmarks(
  quarter: string,
  dimension: SegmentDimension,
  kpis: readonly KpiDefinition[],
  stored: readonly NetworkFigure[],
  profiles: readonly Company[],
  money?: NetworkMoney,
): SegmentBenchmarks {
  const byCompany = networkValuesByCompany(kpis, stored, money);
  const network = buildNetworkBenchmarks(quarter, kpis, stored, money);
  const profileOf = new Map(profiles.map((p) => [p.name.trim().toLowerCase(), p]));
  return {
    quarter,
    dimension,
    kpis: kpis.map((k, i) => {
      const reporting = [...byCompany].filter(([, v]) => v.has(k.key));
      const all = new Set(reporting.map(([key]) => key));
      const profiled = new Map(reporting.flatMap(([key]) => {
        const p = profileOf.get(key);
        return p ? [[key, { sizeBand: p.sizeBand, vertical: p.vertical, businessModel: p.businessModel }] as const] : [];
      }));
      const cuts = cutsOf(profiled);
      const verdicts = publishableCuts(all, cuts);
      return {
        kpiKey: k.key,
        network: network[i]!,
        cuts: verdicts
          .map((v, j) => ({ v, members: cuts[j]!.members }))
          .filter(({ v }) => v.dimension === dimension)
          .map(({ v, members }) => ({
            value: v.value,
            companies: v.companies,
            withheld: v.reason === 'ok' ? null : v.reason,
            stats: v.published ? networkBenchmark(k.key, quarter, [...members].map((key) => byCompany.get(key)!.get(k.key)!)).stats : null,
          })),
      };
    }),
  };
}
