// Before the next meeting: who has entered figures and goal progress and sent their update, with
// a reminder per member and one for everyone not ready. Members of a coach-led group see their own row only.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Meeting } from '../../../../shared/domain.ts';
import type { FiguresReadiness, MeetingReadiness } from '../../../../shared/readiness.ts';
import { errorMessage } from '../../api/http.ts';
import { mailApi } from '../../api/mail.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';

/** The norms column: accepted and when, or why not (never, or more than twelve months ago). */
function normsWords(acceptedAt: string | null, current: boolean): string {
  if (!acceptedAt) return 'Not yet';
  const day = new Date(acceptedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return current ? `✓ ${day}` : `Expired (${day})`;
}

const RSVP_WORDS = { room: 'In the room', remote: 'Remote', excused: 'Excused' } as const;
const FIGURES_WORDS: Record<FiguresReadiness, string> = { complete: 'Complete', partial: 'Partial', none: 'None' };

export function ReadinessGrid({ meeting, groupId, canRemind, userId }: { meeting: Meeting; groupId: string; canRemind: boolean; userId: string }) {
  const [grid, setGrid] = useState<MeetingReadiness | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const load = useCallback(() => mailApi.readiness(meeting.id).then(setGrid, (e: unknown) => setError(errorMessage(e))), [meeting.id, setError]);
  useEffect(() => {
    void load();
  }, [load]);
  const remind = (userIds?: string[]) =>
    void run(async () => {
      const { queued } = await mailApi.remind(meeting.id, userIds);
      setNotice(queued === 0 ? 'Nobody to remind now (ready, reminded this hour, or prep reminders turned off).' : `Reminder sent to ${queued} member${queued === 1 ? '' : 's'}.`);
    });
  if (!grid) return <Alert message={error} />;
  const notReady = grid.members.filter((m) => !m.ready);
  // Only the columns the meeting asks for: a shared session of a network event has no figures,
  // goals or norms of its own (its grid would read "Complete (0 of 0)" and "Not yet" for all).
  const { expects } = grid;
  return (
    <section aria-labelledby="readiness" className="card section">
      <h2 id="readiness">Readiness for {meeting.title}</h2>
      {expects.figures && expects.goals ? (
        <p className="muted">
          Figures for {grid.figuresQuarter}; progress on the goals of {grid.goalsQuarter}. <Link to={`/groups/${groupId}/financials?quarter=${grid.figuresQuarter}`}>Financials</Link> ·{' '}
          <Link to={`/groups/${groupId}/goals`}>Goals</Link> · <Link to={`/meetings/${meeting.id}/update`}>Updates</Link>
        </p>
      ) : (
        <p className="muted">
          Each member’s update and RSVP; figures, goals and norms stay with each group’s own meetings. <Link to={`/meetings/${meeting.id}/update`}>Updates</Link>
        </p>
      )}
      <table className="table readiness">
        <thead>
          <tr>
            <th scope="col">Member</th>
            {expects.figures && <th scope="col">Figures</th>}
            {expects.goals && <th scope="col">Goal progress</th>}
            <th scope="col">Update</th>
            <th scope="col">RSVP</th>
            <th scope="col">Ready</th>
            {expects.norms && <th scope="col">Norms accepted</th>}
            {canRemind && <th scope="col">Remind</th>}
          </tr>
        </thead>
        <tbody>
          {grid.members.map((m) => (
            <tr key={m.userId} data-ready={m.ready}>
              <th scope="row">
                {m.name}
                {m.company ? <span className="muted"> ({m.company})</span> : null}
              </th>
              {expects.figures && (
                <td>
                  {FIGURES_WORDS[m.figures]} ({m.figuresEntered} of {m.figuresExpected})
                </td>
              )}
              {expects.goals && <td>{m.goalsTotal === 0 ? 'No goals to review' : `${m.goalsWithProgress} of ${m.goalsTotal} updated`}</td>}
              <td>
                {m.updateSent ? 'Sent' : 'Not yet'}
                {m.userId === userId && (
                  <>
                    {' '}
                    <Link to={`/meetings/${meeting.id}/update`}>{m.updateSent ? 'Edit my update' : 'Write my update'}</Link>
                  </>
                )}
              </td>
              <td>{m.rsvp ? RSVP_WORDS[m.rsvp] : 'No answer'}</td>
              <td className={m.ready ? 'ready-yes' : 'ready-no'}>{m.ready ? '✓ Ready' : 'Not yet'}</td>
              {expects.norms && (
                <td className={m.normsCurrent ? 'norms-current' : 'norms-due'} data-testid="norms-accepted">
                  {normsWords(m.normsAcceptedAt, m.normsCurrent)}
                </td>
              )}
              {canRemind && (
                <td>
                  {!m.ready && (
                    <button type="button" className="btn" disabled={busy} onClick={() => remind([m.userId])} aria-label={`Remind ${m.name}`}>
                      Remind
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canRemind && notReady.length > 0 && (
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => remind()}>
          Remind all not ready ({notReady.length})
        </button>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
