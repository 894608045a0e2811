// /groups/:id/goals: between meetings. My current goals with progress notes; every member
// company's goals of the quarter at a glance (status, carry-overs, completion) for the coach.
import { allows } from '../lib/rights.ts';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { GoalsOverview } from '../../../shared/records.ts';
import { errorMessage } from '../api/http.ts';
import { recordsApi } from '../api/records.ts';
import { Alert } from '../components/Alert.tsx';
import { GOAL_STATUS_LABEL, ratePct } from '../components/goals/labels.ts';
import { ProgressEditor } from '../components/goals/ProgressEditor.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';
import { CarriedBadge } from '../components/goals/CarriedBadge.tsx';
import { TableWrap } from '../components/TableWrap.tsx';

export function GoalsPage() {
  const { id = '' } = useParams();
  const detail = useStore((s) => (s.groupDetail?.group.id === id ? s.groupDetail : null));
  const loadGroup = useStore((s) => s.loadGroup);
  const userId = useStore((s) => s.me?.user.id ?? '');
  const [data, setData] = useState<GoalsOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(detail ? `${detail.group.name}: goals` : 'Goals');

  useEffect(() => {
    void loadGroup(id);
  }, [id, loadGroup]);
  useEffect(() => {
    recordsApi.goalsOverview(id).then(setData, (e) => setError(errorMessage(e)));
  }, [id]);

  const me = data?.members.find((m) => m.userId === userId);
  const canManage = allows(detail, 'group.members.manage');

  return (
    <div className="stack" data-testid="goals-page">
      <h1>{detail?.group.name ?? 'Group'}: goals {data && <span className="muted">({data.quarter})</span>}</h1>
      <p>
        <Link to={`/groups/${id}`}>Back to the group</Link>
      </p>
      <Alert message={error} />
      {!data && !error && <p className="loading">Loading goals…</p>}
      {data && allows(detail, 'goals.write') && (
        <section className="card section" aria-labelledby="my-goals-h">
          <h2 id="my-goals-h">My goals for {data.quarter}</h2>
          {!me || me.goals.length === 0 ? (
            <p className="muted">No goals for this quarter yet: they are set at the meeting.</p>
          ) : (
            <ul className="goal-list" data-testid="my-current-goals">
              {me.goals.map((g) => (
                <ProgressEditor
                  key={g.id}
                  goal={g}
                  onSaved={(saved) => setData((d) => d && { ...d, members: d.members.map((m) => ({ ...m, goals: m.goals.map((x) => (x.id === saved.id ? saved : x)) })) })}
                />
              ))}
            </ul>
          )}
        </section>
      )}
      {data && (
        <section className="card section" aria-labelledby="all-goals-h">
          <h2 id="all-goals-h">{canManage ? 'Every member at a glance' : 'The group’s goals'}</h2>
          <TableWrap label="Goals of every member">
            <table className="table" data-testid="goals-overview">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Goals of {data.quarter}</th>
                  <th scope="col">Carried in</th>
                  <th scope="col">Completion {data.quarter}</th>
                  <th scope="col">Completion overall</th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.userId}>
                    <th scope="row">
                      {m.name}
                      {m.company && <div className="muted small">{m.company}</div>}
                    </th>
                    <td>
                      {m.goals.length === 0 ? (
                        '–'
                      ) : (
                        <ul className="recap-list">
                          {m.goals.map((g) => (
                            <li key={g.id}>
                              {g.text} — <span className={`goal-${g.status}`}>{GOAL_STATUS_LABEL[g.status]}</span>
                              <CarriedBadge count={g.carriedCount} />
                              {g.progress && <div className="muted small">Progress: {g.progress}</div>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{m.carried}</td>
                    <td>{ratePct(m.completion.rate)}</td>
                    <td>{ratePct(m.overallRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      )}
    </div>
  );
}
