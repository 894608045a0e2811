// Financial review: the focused member's numbers against their own history (QoQ, YoY) and the
// group (median, quartiles, rank); with nobody in focus, the group summary table.
import { Link } from 'react-router';
import { formatKpiChange } from '../../../../shared/financials/format.ts';
import { formatKpiValue } from '../../../../shared/financials/kpis.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { previousQuarter } from '../../../../shared/financials/quarters.ts';
import type { ListedMember } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GroupFinancials } from '../../../../shared/records.ts';
import { Alert } from '../Alert.tsx';
import { BoxPlot } from './BoxPlot.tsx';
import { LineChart } from '../me/LineChart.tsx';
import { MemberStepper } from './MemberStepper.tsx';
import { ReviewBenchmarks } from './ReviewBenchmarks.tsx';
import { useStore } from '../../store/index.ts';
import { useRecords } from './useRecords.ts';
import { TableWrap } from '../TableWrap.tsx';
import { WallDifference } from './WallDifference.tsx';

/** Charted for the member in focus: the numbers these groups compare first. */
const CHARTED = ['total_revenue', 'gross_margin_pct', 'net_profit_pct'];

interface Props {
  state: MeetingState;
  groupId: string;
  quarter: string;
  companies: ListedMember[];
  isFacilitator: boolean;
  userId: string;
}

export function FinancialsStage({ state, groupId, quarter, companies, isFacilitator, userId }: Props) {
  // The meeting reviews the quarter that just ended.
  const reviewed = previousQuarter(quarter);
  const { data, error } = useRecords<GroupFinancials>(`/api/groups/${groupId}/financials/${reviewed}`, 'figures');
  const focus = data?.members.find((m) => m.userId === state.focusUserId) ?? null;
  // The coach (or an organiser) turns the network and the reference on for the room.
  const canSwitch = useStore((s) => s.allowed.includes('group.edit'));
  const locale = viewerLocale();
  const currency = data?.currency ?? 'EUR';
  const fmt = (key: string, v: number | null | undefined) => {
    const def = data?.kpis.find((k) => k.key === key);
    return v === null || v === undefined || !def ? '–' : formatKpiValue(def, v, currency, locale, 'compact');
  };
  return (
    <div data-testid="financials-view">
      <h3>Numbers of {reviewed}</h3>
      {companies.some((m) => m.userId === userId) && (
        <p>
          {/* A new tab, so the meeting stays open; the room refetches when the figures are saved. */}
          <Link to={`/groups/${groupId}/financials?quarter=${reviewed}`} target="_blank" rel="noopener">
            Enter or correct my figures for {reviewed}
          </Link>
        </p>
      )}
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error} />
      {data && !data.canSeeFigures && <p className="muted">This group keeps its figures from observers.</p>}
      {focus && data && data.canSeeFigures && (
        <div className="chart-grid">
          {CHARTED.map((key) => {
            const points = data.history[focus.userId]?.[key] ?? [];
            const def = data.kpis.find((k) => k.key === key);
            if (!def || points.length === 0) return null;
            return (
              <LineChart
                key={key}
                title={`${def.label} of ${focus.name}, with the group median`}
                labels={points.map((p) => p.quarter)}
                series={[
                  { label: focus.name, color: '#1d4ed8', values: points.map((p) => p.value) },
                  { label: 'group median', color: '#6b7280', dashed: true, values: points.map((p) => data.medians[key]?.find((m) => m.quarter === p.quarter)?.median ?? null) },
                ]}
                format={(v) => formatKpiValue(def, v, currency, locale, 'compact')}
              />
            );
          })}
        </div>
      )}
      {isFacilitator && data && data.canSeeFigures && <WallDifference data={data} groupId={groupId} quarter={reviewed} />}
      {data && data.canSeeFigures && <ReviewBenchmarks groupId={groupId} quarter={reviewed} data={data} canSwitch={canSwitch} />}
      {data && data.canSeeFigures && (
        <TableWrap label="Figures">
          {focus ? (
            <table className="table fin-table">
              <thead>
                <tr><th scope="col">KPI</th><th scope="col">{focus.name}</th><th scope="col">QoQ</th><th scope="col">YoY</th><th scope="col">Group median</th><th scope="col">Middle half</th><th scope="col">Rank</th><th scope="col">In the group</th></tr>
              </thead>
              <tbody>
                {data.kpis.map((k) => {
                  const v = focus.views[k.key];
                  const s = data.stats[k.key];
                  return (
                    <tr key={k.key}>
                      <th scope="row">{k.label}</th>
                      <td>
                        {fmt(k.key, v?.value)}
                        {/* Only the coach and the owner get these: a sign not to read the number out in the room. */}
                        {focus.coachOnlyKeys.includes(k.key) && <> <span className="badge">coach only</span></>}
                      </td>
                      <td>{v ? formatKpiChange(k, v, 'qoq', locale) : '–'}</td>
                      <td>{v ? formatKpiChange(k, v, 'yoy', locale) : '–'}</td>
                      <td>{fmt(k.key, s?.median)}</td>
                      <td>{s?.q1 != null && s?.q3 != null ? `${fmt(k.key, s.q1)} – ${fmt(k.key, s.q3)}` : '–'}</td>
                      <td>{v?.rank ? `${v.rank} of ${v.of}` : '–'}</td>
                      <td><BoxPlot stats={s} value={v?.value} who={focus.name} label={k.label} format={(x) => fmt(k.key, x)} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <table className="table fin-table">
              <thead>
                <tr><th scope="col">KPI</th><th scope="col">Median</th><th scope="col">Middle half</th><th scope="col">Companies</th><th scope="col">Spread</th></tr>
              </thead>
              <tbody>
                {data.kpis.map((k) => {
                  const s = data.stats[k.key];
                  return (
                    <tr key={k.key}>
                      <th scope="row">{k.label}</th>
                      <td>{fmt(k.key, s?.median)}</td>
                      <td>{s?.q1 != null && s?.q3 != null ? `${fmt(k.key, s.q1)} – ${fmt(k.key, s.q3)}` : '–'}</td>
                      <td>{s?.n ?? 0}</td>
                      <td><BoxPlot stats={s} label={k.label} format={(x) => fmt(k.key, x)} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </TableWrap>
      )}
    </div>
  );
}
