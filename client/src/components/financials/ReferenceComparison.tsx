// The group beside the network and industry references (quartiles from a published study, with
// its source and year); organisers load a reference set from CSV here.
import { useEffect, useState } from 'react';
import type { ReferenceSet } from '../../../../shared/benchmarks.ts';
import { DEFAULT_KPIS, formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { KpiGroupStats, NetworkBenchmark } from '../../../../shared/financials/types.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { benchmarksApi } from '../../api/network.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { Alert } from '../Alert.tsx';
import { TableWrap } from '../TableWrap.tsx';
import { LazyReferenceSetForm } from './LazyReferenceSetForm.tsx';

interface Props {
  networkId: string;
  quarter: string;
  group: Readonly<Record<string, KpiGroupStats>>;
  groupCurrency: string;
  networkCurrency: string;
  canLoad: boolean;
}

export function ReferenceComparison({ networkId, quarter, group, groupCurrency, networkCurrency, canLoad }: Props) {
  const [sets, setSets] = useState<ReferenceSet[]>([]);
  const [network, setNetwork] = useState<NetworkBenchmark[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    benchmarksApi.references(networkId).then(setSets, (e) => setError(errorMessage(e)));
    recordsApi.benchmarks(networkId, quarter).then(setNetwork, (e) => setError(errorMessage(e)));
  }, [networkId, quarter, tick]);
  const locale = viewerLocale();
  const ref = sets[0];

  return (
    <section className="card section" aria-labelledby="ref-h" data-testid="reference-comparison">
      <h2 id="ref-h">The group, the network and the industry</h2>
      {ref ? <p className="muted">Reference: {ref.source}, {ref.year} (quartiles; money in {ref.currency}).</p> : <p className="muted">No industry reference loaded yet.</p>}
      <TableWrap label="The group, the network and the industry">
        <table className="table">
          <thead>
            <tr><th scope="col">KPI</th><th scope="col">Group median</th><th scope="col">Network median</th>{ref && <th scope="col">{ref.source} {ref.year}: median (middle half)</th>}</tr>
          </thead>
          <tbody>
            {DEFAULT_KPIS.map((k) => {
              const r = ref?.values.find((v) => v.kpiKey === k.key);
              const n = network.find((b) => b.kpiKey === k.key)?.stats;
              return (
                <tr key={k.key}>
                  <th scope="row">{k.label}</th>
                  <td>{formatKpiValue(k, group[k.key]?.median ?? null, groupCurrency, locale)}</td>
                  <td>{n ? formatKpiValue(k, n.median, networkCurrency, locale) : '–'}</td>
                  {ref && <td>{r ? `${formatKpiValue(k, r.median, ref.currency, locale)} (${formatKpiValue(k, r.q1, ref.currency, locale)} – ${formatKpiValue(k, r.q3, ref.currency, locale)})` : '–'}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <Alert message={error} />
      {canLoad && (
        <>
          <h3>Add an industry reference set</h3>
          <LazyReferenceSetForm networkId={networkId} networkCurrency={networkCurrency} onAdded={() => setTick((t) => t + 1)} />
        </>
      )}
    </section>
  );
}
