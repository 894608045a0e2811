// The network benchmark cut by segment of the company profiles: a cut shows only where at least
// five companies are in it and no difference of two shown sets singles out fewer than five.
import { useEffect, useState } from 'react';
import type { SegmentBenchmarks as Segments } from '../../../../shared/benchmarks.ts';
import { DEFAULT_KPIS, formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { SegmentDimension } from '../../../../shared/financials/segments.ts';
import { errorMessage } from '../../api/http.ts';
import { benchmarksApi } from '../../api/network.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { Alert } from '../Alert.tsx';
import { TableWrap } from '../TableWrap.tsx';

const DIMENSIONS: Record<SegmentDimension, string> = { sizeBand: 'Size band', vertical: 'Vertical', businessModel: 'Business model' };
const WITHHELD = { too_few: 'fewer than 5 companies', differencing: 'withheld: would single out companies' } as const;

export function SegmentBenchmarks({ networkId, quarter, currency }: { networkId: string; quarter: string; currency: string }) {
  const [dimension, setDimension] = useState<SegmentDimension>('vertical');
  const [data, setData] = useState<Segments | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    benchmarksApi.segments(networkId, quarter, dimension).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [networkId, quarter, dimension]);
  const locale = viewerLocale();
  const values = data?.kpis[0]?.cuts.map((c) => c.value) ?? [];

  return (
    <section className="card section" aria-labelledby="seg-h" data-testid="segment-benchmarks">
      <h2 id="seg-h">The network by segment in {quarter}</h2>
      <label>
        Cut by{' '}
        <select value={dimension} onChange={(e) => setDimension(e.target.value as SegmentDimension)}>
          {Object.entries(DIMENSIONS).map(([d, l]) => <option key={d} value={d}>{l}</option>)}
        </select>
      </label>
      <p className="muted small">Medians of each segment of the company profiles. A segment shows only with at least 5 companies, and only where subtracting one shown figure from another can't single anyone out.</p>
      <Alert message={error} />
      {data && values.length === 0 && <p className="muted">No company profiles in this network yet.</p>}
      {data && values.length > 0 && (
        <TableWrap label="The network by segment">
          <table className="table">
            <thead>
              <tr><th scope="col">KPI</th>{values.map((v) => <th scope="col" key={v}>{v}</th>)}</tr>
            </thead>
            <tbody>
              {data.kpis.map((k) => {
                const def = DEFAULT_KPIS.find((d) => d.key === k.kpiKey);
                if (!def) return null;
                return (
                  <tr key={k.kpiKey}>
                    <th scope="row">{def.label}</th>
                    {k.cuts.map((c) => (
                      <td key={c.value} className={c.stats ? undefined : 'muted'}>
                        {c.stats ? `${formatKpiValue(def, c.stats.median, currency, locale)} (${c.companies})` : c.withheld ? WITHHELD[c.withheld] : '–'}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
