// The network's benchmark for a quarter next to my own figures: median and middle half across
// every company of the network, shown only where enough companies reported that no figure can
// be traced to one of them (the server withholds the rest).
import { useEffect, useState } from 'react';
import { DEFAULT_KPIS } from '../../../../shared/financials/kpis.ts';
import type { KpiMemberView, NetworkBenchmark } from '../../../../shared/financials/types.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { Alert } from '../Alert.tsx';
import { KpiStatsTable } from './KpiStatsTable.tsx';

interface Props {
  networkId: string;
  quarter: string;
  /** My views by KPI key, for a member company; absent for a coach or organiser. */
  mine?: Readonly<Record<string, KpiMemberView>>;
  /** The network's currency (the benchmark's money) and my group's (my figures' money). */
  networkCurrency: string;
  groupCurrency: string;
}

export function NetworkBenchmarks({ networkId, quarter, mine, networkCurrency, groupCurrency }: Props) {
  // My money in another currency than the network's is no point of comparison: not shown beside it.
  const comparable = (unit: string) => unit !== 'currency' || networkCurrency === groupCurrency;
  const [rows, setRows] = useState<NetworkBenchmark[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setRows(null);
    recordsApi.benchmarks(networkId, quarter).then(
      (b) => live && (setRows(b), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [networkId, quarter]);

  return (
    <section className="card section" aria-labelledby="net-h" data-testid="network-benchmarks">
      <h2 id="net-h">Across the network in {quarter}</h2>
      <p className="muted">Every company of every group in the network, each counted once. A KPI is shown only where at least {LIMITS.benchmarkMinCompanies} companies reported; coach-only figures never count. Money is in {networkCurrency}, from the groups that report in it.</p>
      <Alert message={error} />
      {rows && (
        <KpiStatsTable
          showMine={mine !== undefined}
          medianLabel="Network median"
          currency={networkCurrency}
          rows={rows.flatMap((b) => {
            const kpi = DEFAULT_KPIS.find((k) => k.key === b.kpiKey);
            return kpi ? [{ kpi, mine: comparable(kpi.unit) ? mine?.[b.kpiKey]?.value : undefined, stats: b.stats, companies: b.companies }] : [];
          })}
        />
      )}
    </section>
  );
}
