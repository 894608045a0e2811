// /groups/:id/coach: every member company's record at a glance, overdue commitments first.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Group } from '../../../shared/domain.ts';
import { errorMessage, http } from '../api/http.ts';
import type { PersonRecord } from '../api/overview.ts';
import { Alert } from '../components/Alert.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { TableWrap } from '../components/TableWrap.tsx';


const GOAL_STATUS = { open: 'Open', done: 'Done', partly: 'Partly done', not_done: 'Not done' } as const;
const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)} %`);

export function CoachPage() {
  const { id = '' } = useParams();
  const [data, setData] = useState<{ group: Group; members: PersonRecord[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(data ? `${data.group.name}: coach's view` : "Coach's view");
  useEffect(() => {
    http.get<{ group: Group; members: PersonRecord[] }>(`/api/groups/${encodeURIComponent(id)}/overview`).then(setData, (e) => setError(errorMessage(e)));
  }, [id]);
  if (error) return <><h1>Coach's view</h1><Alert message={error} /></>;
  if (!data) return <p className="loading">Loading…</p>;
  return (
    <>
      <h1>{data.group.name}: coach's view</h1>
      <p><Link to={`/groups/${id}`}>Back to the group</Link></p>
      <TableWrap label="Members at a glance" className="card section">
        <table className="table" data-testid="coach-overview">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Latest goals</th>
              <th scope="col">Completion (latest)</th>
              <th scope="col">Open commitments</th>
              <th scope="col">Attendance</th>
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => {
              const latestQuarter = m.goals[0]?.quarter;
              const latest = m.goals.filter((g) => g.quarter === latestQuarter);
              const rate = [...m.completion].reverse().find((c) => c.rate !== null);
              const overdue = m.openCommitments.filter((c) => c.overdue);
              return (
                <tr key={m.userId}>
                  <th scope="row">{m.name}<div className="muted small">{m.company}</div></th>
                  <td>
                    {latest.length === 0 ? '–' : (
                      <>
                        <div className="muted small">{latestQuarter}</div>
                        <ul className="recap-list goal-record">
                          {latest.map((g) => (
                            <li key={g.id}>
                              {g.text} <span className={`badge goal-badge-${g.status}`}>{GOAL_STATUS[g.status]}</span>
                              {g.carriedCount > 0 && <span className="badge badge-warn">Carried ×{g.carriedCount}</span>}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>{rate ? `${pct(rate.rate)} in ${rate.quarter}` : '–'}</td>
                  <td>
                    {m.openCommitments.length}
                    {overdue.length > 0 && <strong className="overdue-label"> ({overdue.length} overdue: {overdue.map((c) => c.what).join('; ')})</strong>}
                  </td>
                  <td>{m.attendance.map((a) => `${a.quarter}: ${a.status ?? '–'}`).join(', ') || '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
