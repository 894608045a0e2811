// The network's benchmark for a quarter next to my own figures: median and middle half across
// every company of the network, shown only where enough companies reported that no figure can
// be traced to one of them (the server withholds the rest).
import { useEffect, useState } from 'react';
import { DEFAULT_KPIS, formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { KpiMemberView, NetworkBenchmark } from '../../../../shared/financials/types.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { Alert } from '../Alert.tsx';

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
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                {mine && <th scope="col">Mine</th>}
                <th scope="col">Network median</th>
                <th scope="col">Middle half</th>
                <th scope="col">Companies</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const kpi = DEFAULT_KPIS.find((k) => k.key === b.kpiKey);
                if (!kpi) return null;
                const f = (v: number | null | undefined) => formatKpiValue(kpi, v ?? null);
                return (
                  <tr key={b.kpiKey}>
                    <th scope="row">{kpi.label}</th>
                    {mine && <td>{f(mine[b.kpiKey]?.value)}</td>}
                    {b.stats ? (
                      <>
                        <td>{f(b.stats.median)}</td>
                        <td>{b.stats.q1 !== null && b.stats.q3 !== null ? `${f(b.stats.q1)} – ${f(b.stats.q3)}` : '–'}</td>
                      </>
                    ) : (
                      <td colSpan={2} className="muted">Too few companies reported</td>
                    )}
                    <td>{b.companies}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
