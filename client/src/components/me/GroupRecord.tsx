// One group's part of "my page": goals, completion trend, commitments, numbers, attendance.
import { viewerLocale } from '../../lib/locale.ts';
import { hasCompany } from '../../../../shared/access/index.ts';
import { Link } from 'react-router';
import { DEFAULT_KPIS, formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { MyGroupOverview } from '../../api/overview.ts';
import { LineChart, type Series } from './LineChart.tsx';
import { SeriesTable } from './SeriesTable.tsx';
import { GoalChangeNote } from '../goals/GoalChangeNote.tsx';

const STATUS = { open: 'Open', done: 'Done', partly: 'Partly done', not_done: 'Not done' } as const;
const pct = (v: number) => `${Math.round(v * 100)} %`;

function Chart(props: { title: string; labels: string[]; series: Series[]; format: (v: number) => string; domain?: [number, number] }) {
  return (
    <div>
      <LineChart {...props} />
      <SeriesTable {...props} />
    </div>
  );
}

export function GroupRecord({ g }: { g: MyGroupOverview }) {
  const quarters = [...new Set(g.goals.map((x) => x.quarter))];
  const rates = g.completion.filter((c) => c.rate !== null);
  // A KPI nobody entered yet is noise on this page; the financial review shows the gaps.
  const figures = g.figures.filter((f) => f.points.some((p) => p.mine !== null || p.median !== null));
  const h = (part: string) => `g-${g.group.id}-${part}`;
  const locale = viewerLocale();
  return (
    <section className="card section" aria-labelledby={h('name')}>
      <h2 id={h('name')}>
        <Link to={`/groups/${g.group.id}`}>{g.group.name}</Link>
      </h2>

      <section className="record-part" aria-labelledby={h('commitments')} data-testid="my-commitments">
        <h3 id={h('commitments')}>My open commitments</h3>
        {g.openCommitments.length === 0 ? <p className="muted">None open.</p> : (
          <ul className="recap-list">
            {g.openCommitments.map((c) => (
              <li key={`${c.meetingId}-${c.id}`} className={c.overdue ? 'overdue' : undefined}>
                {c.what}
                {c.due ? <> — due {c.due}</> : <span className="muted"> — no due date</span>}
                {c.overdue && <strong className="badge badge-overdue">Overdue</strong>} · <Link to={`/meetings/${c.meetingId}/recap`}>{c.meetingTitle}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="record-part" aria-labelledby={h('goals')} data-testid="my-goals">
        <h3 id={h('goals')}>My goals</h3>
        {quarters.length === 0 && <p className="muted">No goals yet.</p>}
        {quarters.map((q) => (
          <div key={q}>
            <h4>{q}</h4>
            <ul className="recap-list goal-record">
              {g.goals.filter((x) => x.quarter === q).map((x) => (
                <li key={x.id}>
                  {x.text} <span className={`badge goal-badge-${x.status}`}>{STATUS[x.status]}</span>
                  {x.carriedCount > 0 && <span className="badge badge-warn">Carried over ×{x.carriedCount}</span>}
                  <GoalChangeNote goal={x} />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {rates.length > 0 && (
          <Chart title="My goal completion" labels={rates.map((r) => r.quarter)} series={[{ label: 'completion', color: '#1d4ed8', values: rates.map((r) => r.rate) }]} format={pct} domain={[0, 1]} />
        )}
      </section>

      {hasCompany(g.role) && (
        <section className="record-part" aria-labelledby={h('figures')} data-testid="my-figures">
          <h3 id={h('figures')}>My numbers against the group median</h3>
          {figures.length === 0 && <p className="muted">No figures yet: enter them for the financial review.</p>}
          <div className="chart-grid">
            {figures.map((f) => {
              const def = DEFAULT_KPIS.find((k) => k.key === f.kpiKey);
              const fmt = (v: number) => (def ? formatKpiValue(def, v, g.currency, locale, 'compact') : String(v));
              const series: Series[] = [
                { label: 'mine', color: '#1d4ed8', values: f.points.map((p) => p.mine) },
                { label: 'group median', color: '#6b7280', dashed: true, values: f.points.map((p) => p.median) },
              ];
              return <Chart key={f.kpiKey} title={f.label} labels={f.points.map((p) => p.quarter)} series={series} format={fmt} />;
            })}
          </div>
        </section>
      )}

      <section className="record-part" aria-labelledby={h('attendance')}>
        <h3 id={h('attendance')}>My attendance</h3>
        {g.attendance.length === 0 ? <p className="muted">No past meetings.</p> : (
          <ul className="attendance-record">
            {g.attendance.map((a) => (
              <li key={a.meetingId}>
                {a.quarter}: <span className={`attendance-${a.status ?? 'none'}`}>{a.status ?? 'not recorded'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
