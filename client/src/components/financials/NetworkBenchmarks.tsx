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
}

export function NetworkBenchmarks({ networkId, quarter, mine }: Props) {
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
      <p className="muted">Every company of every group in the network, each counted once. A KPI is shown only where at least {LIMITS.benchmarkMinCompanies} companies reported; coach-only figures never count.</p>
      <Alert message={error} />
      {rows && (
        <KpiStatsTable
          showMine={mine !== undefined}
          medianLabel="Network median"
          rows={rows.flatMap((b) => {
            const kpi = DEFAULT_KPIS.find((k) => k.key === b.kpiKey);
            return kpi ? [{ kpi, mine: mine?.[b.kpiKey]?.value, stats: b.stats, companies: b.companies }] : [];
          })}
        />
      )}
    </section>
  );
}
