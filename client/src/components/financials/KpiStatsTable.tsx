// One table for a set of companies' figures per KPI: mine (optional), median, middle half and
// how many companies reported. Used for the group and for the network; a row whose stats are
// withheld (too few companies, k-anonymity) says so instead of showing numbers.
import { formatKpiValue } from '../../../../shared/financials/kpis.ts';
import { viewerLocale } from '../../lib/locale.ts';
import type { KpiDefinition } from '../../../../shared/financials/types.ts';
import { TableWrap } from '../TableWrap.tsx';

export interface KpiStatsRow {
  kpi: KpiDefinition;
  mine?: number | null;
  /** null: withheld. */
  stats: { median: number | null; q1: number | null; q3: number | null } | null;
  companies: number;
}

/** `currency`: what the money rows are in (the group's, or the network's for the network benchmark). */
export function KpiStatsTable({ rows, showMine, medianLabel, currency }: { rows: readonly KpiStatsRow[]; showMine: boolean; medianLabel: string; currency: string }) {
  const locale = viewerLocale();
  return (
    <TableWrap label="Figures against the group">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            {showMine && <th scope="col">Mine</th>}
            <th scope="col">{medianLabel}</th>
            <th scope="col">Middle half</th>
            <th scope="col">Companies</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ kpi, mine, stats, companies }) => {
            const f = (v: number | null | undefined) => formatKpiValue(kpi, v ?? null, currency, locale);
            return (
              <tr key={kpi.key}>
                <th scope="row">{kpi.label}</th>
                {showMine && <td>{f(mine)}</td>}
                {stats ? (
                  <>
                    <td>{f(stats.median)}</td>
                    <td>{stats.q1 != null && stats.q3 != null ? `${f(stats.q1)} – ${f(stats.q3)}` : '–'}</td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">
                    Too few companies reported
                  </td>
                )}
                <td>{companies}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
