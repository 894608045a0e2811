// The wall during the financial review. A member in focus: every KPI the room may see, each
// with the change on last quarter and the rank, the group median and middle half, and the
// revenue trend against the group median. Nobody in focus: the whole group, a row per company.
// The wall asks for the room's view (?audience=room): coach-only figures stay off it.
import { formatKpiChange } from '../../../../shared/financials/format.ts';
import { formatKpiValue } from '../../../../shared/financials/kpis.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { previousQuarter } from '../../../../shared/financials/quarters.ts';
import type { KpiDefinition } from '../../../../shared/financials/types.ts';
import type { Meeting } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GroupFinancials } from '../../../../shared/records.ts';
import { useRecords } from './useRecords.ts';
import { wallLabel } from './wallData.ts';
import { WallTrend } from './WallTrend.tsx';

/** Columns of the whole-group table: what the room compares first (the rest is on laptops). */
const GROUP_COLUMNS = ['total_revenue', 'recurring_share', 'gross_margin_pct', 'net_profit_pct', 'headcount'];
/** The trend beside the member's figures. */
const TREND_KPI = 'total_revenue';

export function ProjectorFigures({ state, meeting }: { state: MeetingState; meeting: Meeting }) {
  const quarter = previousQuarter(meeting.quarter);
  const { data } = useRecords<GroupFinancials>(`/api/groups/${meeting.groupId}/financials/${quarter}?audience=room`, 'figures');
  if (!data || !data.canSeeFigures) return null;
  const locale = viewerLocale();
  const fmt = (k: KpiDefinition, v: number | null | undefined) => (v === null || v === undefined ? '–' : formatKpiValue(k, v, data.currency, locale, 'compact'));
  const focus = data.members.find((m) => m.userId === state.focusUserId);

  if (!focus) {
    const columns = GROUP_COLUMNS.map((key) => data.kpis.find((k) => k.key === key)).filter((k) => k !== undefined);
    return (
      <div className="projector-figures" data-testid="projector-figures">
        <p className="projector-figures-who" data-testid="focus-member">The group — {quarter}</p>
        <table className="wall-table">
          <thead>
            <tr>
              <th scope="col">Company</th>
              {columns.map((k) => (
                <th scope="col" key={k.key}>{wallLabel(k.label)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <tr key={m.userId}>
                <th scope="row">{m.company ?? m.name}</th>
                {columns.map((k) => (
                  <td key={k.key}>{fmt(k, m.views[k.key]?.value)}</td>
                ))}
              </tr>
            ))}
            <tr className="wall-median-row" data-testid="wall-median-row">
              <th scope="row">Median</th>
              {columns.map((k) => (
                <td key={k.key}>{fmt(k, data.stats[k.key]?.median)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    );
  }

  const trendDef = data.kpis.find((k) => k.key === TREND_KPI);
  const trend = data.history[focus.userId]?.[TREND_KPI] ?? [];
  // Rows: every KPI the room sees a figure for, from this member or the group.
  const rows = data.kpis.filter((k) => focus.views[k.key]?.value != null || (data.stats[k.key]?.n ?? 0) > 0);
  return (
    <div className="projector-figures" data-testid="projector-figures">
      <div className="wall-figures-top">
        <p className="projector-figures-who" data-testid="focus-member">
          {focus.name}
          {focus.company ? ` · ${focus.company}` : ''} — {quarter}
        </p>
        {trendDef && trend.length > 1 && (
          <WallTrend
            title={wallLabel(trendDef.label)}
            points={trend.map((p) => ({ label: p.quarter, value: p.value, median: data.medians[TREND_KPI]?.find((m) => m.quarter === p.quarter)?.median ?? null }))}
            format={(v) => fmt(trendDef, v)}
            who={focus.name}
          />
        )}
      </div>
      <table className="wall-table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col">{focus.name}</th>
            <th scope="col">QoQ · rank</th>
            <th scope="col">Group median</th>
            <th scope="col">Middle half</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => {
            const v = focus.views[k.key];
            const s = data.stats[k.key];
            // Percentages change in points (pp), amounts in per cent (shared/financials/format.ts).
            const change = v ? formatKpiChange(k, v, 'qoq', locale) : '–';
            const qoq = change === '–' ? null : change;
            return (
              <tr key={k.key} className="projector-figure">
                <th scope="row">{wallLabel(k.label)}</th>
                <td className="projector-figure-value">{fmt(k, v?.value)}</td>
                <td>{[qoq, v?.rank ? `${v.rank} of ${v.of}` : null].filter(Boolean).join(' · ') || '–'}</td>
                <td>{fmt(k, s?.median)}</td>
                <td>{s?.q1 != null && s.q3 != null ? `${fmt(k, s.q1)} – ${fmt(k, s.q3)}` : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
