// /coaching: every group the signed-in coach runs, side by side: the next meetings and who is
// ready for them, commitments past their date, and how completion and ratings trend.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CoachedGroup, CoachingOverview } from '../../../shared/network.ts';
import { errorMessage } from '../api/http.ts';
import { networkApi } from '../api/network.ts';
import { Alert } from '../components/Alert.tsx';
import { LineChart } from '../components/me/LineChart.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { startWhen } from '../lib/meetingTime.ts';

const pct = (r: number) => `${Math.round(r * 100)} %`;

function GroupCard({ g }: { g: CoachedGroup }) {
  const h = `coached-${g.groupId}`;
  return (
    <section className="card section" aria-labelledby={h} data-testid="coached-group">
      <h2 id={h}>
        <Link to={`/groups/${g.groupId}`}>{g.groupName}</Link>
      </h2>
      <h3>Next meetings</h3>
      {g.upcoming.length === 0 ? (
        <p className="muted">None scheduled.</p>
      ) : (
        <ul className="plain-list">
          {g.upcoming.map((m) => (
            <li key={m.meetingId}>
              <Link to={`/meetings/${m.meetingId}`}>{m.title}</Link> · {startWhen(m.startsAt, m.timeZone)}
            </li>
          ))}
        </ul>
      )}
      {g.readiness && (
        <p data-testid="coached-readiness">
          Ready for the next meeting: <strong>{g.readiness.ready} of {g.readiness.total}</strong>
          {g.readiness.notReady.length > 0 && <> · not yet: {g.readiness.notReady.join(', ')}</>}
        </p>
      )}
      <h3>Overdue commitments</h3>
      {g.overdue.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="coached-overdue">
          {g.overdue.map((c, i) => (
            <li key={`${c.meetingId}-${i}`}>
              {c.whoName}: {c.text} (due {c.due})
            </li>
          ))}
        </ul>
      )}
      <div className="chart-grid">
        {!g.completion.some((c) => c.rate !== null) ? (
          <p className="muted">No reviewed goals yet.</p>
        ) : (
        <LineChart
          title="Goal completion per quarter"
          labels={g.completion.map((c) => c.quarter)}
          series={[{ label: 'completion', color: '#1d4ed8', values: g.completion.map((c) => c.rate) }]}
          format={pct}
          domain={[0, 1]}
        />
        )}
        {!g.ratings.some((r) => r.average !== null) ? (
          <p className="muted">No rated meetings yet.</p>
        ) : (
        <LineChart
          title="Meeting rating"
          labels={g.ratings.map((r) => r.quarter)}
          series={[{ label: 'average rating', color: '#047857', values: g.ratings.map((r) => r.average) }]}
          format={(v) => v.toFixed(1)}
          domain={[1, 10]}
        />
        )}
      </div>
    </section>
  );
}

export function CoachingPage() {
  const [data, setData] = useState<CoachingOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle('Coaching');
  useEffect(() => {
    networkApi.coaching().then(setData, (e) => setError(errorMessage(e)));
  }, []);
  return (
    <div className="stack" data-testid="coaching-page">
      <h1>Coaching: your groups</h1>
      <Alert message={error} />
      {!data && !error && <p className="loading">Loading…</p>}
      {data?.groups.length === 0 && <p className="muted">You coach no group yet.</p>}
      {data?.groups.map((g) => <GroupCard key={g.groupId} g={g} />)}
    </div>
  );
}
