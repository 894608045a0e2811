// In the meeting's financial review, once the coach turns it on: the network median and the
// industry reference beside the group's, per KPI. The switch is the group's setting, so every
// screen of the room follows it (the review is refetched when it changes).
import { useEffect, useState } from 'react';
import type { ReferenceSet } from '../../../../shared/benchmarks.ts';
import { formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { NetworkBenchmark } from '../../../../shared/financials/types.ts';
import type { GroupFinancials } from '../../../../shared/records.ts';
import { api } from '../../api/endpoints.ts';
import { errorMessage } from '../../api/http.ts';
import { benchmarksApi } from '../../api/network.ts';
import { recordsApi } from '../../api/records.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { Alert } from '../Alert.tsx';
import { TableWrap } from '../TableWrap.tsx';

export function ReviewBenchmarks({ groupId, quarter, data, canSwitch }: { groupId: string; quarter: string; data: GroupFinancials; canSwitch: boolean }) {
  const [network, setNetwork] = useState<{ rows: NetworkBenchmark[]; currency: string; reference: ReferenceSet | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const on = data.showsBenchmarks;
  useEffect(() => {
    if (!on) return;
    let live = true;
    (async () => {
      const detail = await api.group(groupId);
      const [rows, sets] = await Promise.all([recordsApi.benchmarks(detail.group.networkId, quarter), benchmarksApi.references(detail.group.networkId)]);
      if (live) setNetwork({ rows, currency: detail.networkCurrency, reference: sets[0] ?? null });
    })().catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [on, groupId, quarter]);
  const toggle = () => api.updateGroup(groupId, { reviewShowsBenchmarks: !on }).catch((e: unknown) => setError(errorMessage(e)));
  const locale = viewerLocale();
  const ref = network?.reference;

  return (
    <div data-testid="review-benchmarks">
      {canSwitch && (
        <button type="button" className="btn btn-small" onClick={() => void toggle()}>
          {on ? 'Hide network and reference' : 'Show network and reference'}
        </button>
      )}
      <Alert message={error} />
      {on && network && (
        <TableWrap label="Group, network and reference">
          <table className="table fin-table">
            <thead>
              <tr><th scope="col">KPI</th><th scope="col">Group median</th><th scope="col">Network median</th>{ref && <th scope="col">{ref.source} {ref.year}</th>}</tr>
            </thead>
            <tbody>
              {data.kpis.map((k) => {
                const n = network.rows.find((b) => b.kpiKey === k.key)?.stats;
                const r = ref?.values.find((v) => v.kpiKey === k.key);
                return (
                  <tr key={k.key}>
                    <th scope="row">{k.label}</th>
                    <td>{formatKpiValue(k, data.stats[k.key]?.median ?? null, data.currency, locale, 'compact')}</td>
                    <td>{n ? formatKpiValue(k, n.median, network.currency, locale, 'compact') : '–'}</td>
                    {ref && <td>{r ? formatKpiValue(k, r.median, ref.currency, locale, 'compact') : '–'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
