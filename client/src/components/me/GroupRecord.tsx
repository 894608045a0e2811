// One group's part of "my page": goals, completion trend, commitments, numbers, attendance.
import { Link } from 'react-router';
import { DEFAULT_KPIS, formatKpiValue } from '../../../../shared/financials/kpis.ts';
import type { MyGroupOverview } from '../../api/overview.ts';
import { LineChart } from './LineChart.tsx';

const STATUS = { open: 'Open', done: 'Done', partly: 'Partly done', not_done: 'Not done' } as const;
const pct = (v: number) => `${Math.round(v * 100)} %`;

export function GroupRecord({ g }: { g: MyGroupOverview }) {
  const quarters = [...new Set(g.goals.map((x) => x.quarter))];
  const rates = g.completion.filter((c) => c.rate !== null);
  return (
    <section className="card section" aria-labelledby={`g-${g.group.id}`}>
      <h2 id={`g-${g.group.id}`}>
        <Link to={`/groups/${g.group.id}`}>{g.group.name}</Link>
      </h2>

      <h3>My open commitments</h3>
      {g.openCommitments.length === 0 ? <p className="muted">None open.</p> : (
        <ul className="recap-list" data-testid="my-commitments">
          {g.openCommitments.map((c) => (
            <li key={`${c.meetingId}-${c.id}`} className={c.overdue ? 'overdue' : undefined}>
              {c.what}
              {c.due && <> — due {c.due}</>}
              {c.overdue && <strong className="overdue-label"> overdue</strong>} · <Link to={`/meetings/${c.meetingId}/recap`}>{c.meetingTitle}</Link>
            </li>
          ))}
        </ul>
      )}

      <h3>My goals</h3>
      <div data-testid="my-goals">
        {quarters.length === 0 && <p className="muted">No goals yet.</p>}
        {quarters.map((q) => (
          <div key={q}>
            <h4>{q}</h4>
            <ul className="recap-list">
              {g.goals.filter((x) => x.quarter === q).map((x) => (
                <li key={x.id}>
                  {x.text} — {STATUS[x.status]}
                  {x.carriedCount > 0 && <span className="badge"> carried ×{x.carriedCount}</span>}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {rates.length > 0 && (
        <LineChart title="My goal completion" labels={rates.map((r) => r.quarter)} series={[{ label: 'completion', color: '#1d4ed8', values: rates.map((r) => r.rate) }]} format={pct} />
      )}

      {g.figures.length > 0 && (
        <div data-testid="my-figures">
          <h3>My numbers against the group median</h3>
          <div className="chart-grid">
            {g.figures.map((f) => {
              const def = DEFAULT_KPIS.find((k) => k.key === f.kpiKey);
              const fmt = (v: number) => (def ? formatKpiValue(def, v, 'EUR', 'en', 'compact') : String(v));
              return (
                <LineChart
                  key={f.kpiKey}
                  title={f.label}
                  labels={f.points.map((p) => p.quarter)}
                  series={[
                    { label: 'mine', color: '#1d4ed8', values: f.points.map((p) => p.mine) },
                    { label: 'group median', color: '#6b7280', dashed: true, values: f.points.map((p) => p.median) },
                  ]}
                  format={fmt}
                />
              );
            })}
          </div>
        </div>
      )}

      <h3>My attendance</h3>
      {g.attendance.length === 0 ? <p className="muted">No past meetings.</p> : (
        <p>{g.attendance.map((a) => `${a.quarter}: ${a.status ?? 'not recorded'}`).join(' · ')}</p>
      )}
    </section>
  );
}
