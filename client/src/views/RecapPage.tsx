// /meetings/:id/recap: the read-only record of a meeting — agenda as run, attendance, notes per
// item, hot seats, commitments (mine first), goal results, new goals, resources shared, rating —
// with downloads.
import { viewerLocale } from '../lib/locale.ts';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../../shared/api.ts';
import { DEFAULT_KPIS, formatKpiByKey } from '../../../shared/financials/kpis.ts';
import type { Goal } from '../../../shared/goals/types.ts';
import { ROOM_ONLY_LABEL } from '../../../shared/notes/blocks.ts';
import type { MeetingSummary } from '../../../shared/records.ts';
import { errorMessage, http } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { PartOfEvent } from '../components/events/PartOfEvent.tsx';
import { NotesView } from '../components/notes/NotesView.tsx';
import { UpdateAnswers } from '../components/updates/UpdateAnswers.tsx';
import { RecapActions } from '../components/recap/RecapActions.tsx';
import { nextMeetingText } from '../components/items/NextMeeting.tsx';
import { RecapResources } from '../components/recap/RecapResources.tsx';
import { RecapDays } from '../components/recap/RecapDays.tsx';
import { holdsRoomOnly } from '../components/recap/roomOnly.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { groupPageLink } from '../lib/groupPageLink.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';
import { CarriedBadge } from '../components/goals/CarriedBadge.tsx';
import { GoalChangeNote } from '../components/goals/GoalChangeNote.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { RatingAggregate } from '../components/meeting/RatingAggregate.tsx';
import { humanCalendarDate, humanDateTime, humanDays } from '../../../shared/calendar/humanDate.ts';

const kpiLabel = (key: string) => DEFAULT_KPIS.find((k) => k.key === key)?.label ?? key;

const GOAL_STATUS = { open: 'Open', done: 'Done', partly: 'Partly done', not_done: 'Not done' } as const;

function GoalTable({ goals, name, label }: { goals: Goal[]; name: (id: string) => string; label: string }) {
  if (goals.length === 0) return <p className="muted">None.</p>;
  return (
    <TableWrap label={label}>
      <table className="table">
        <thead>
          <tr><th scope="col">Member</th><th scope="col">Goal</th><th scope="col">Status</th><th scope="col">Comment</th></tr>
        </thead>
        <tbody>
          {[...goals].sort((a, b) => name(a.userId).localeCompare(name(b.userId))).map((g) => (
            <tr key={g.id}>
              <td>{name(g.userId)}</td>
              <td>{g.text}<CarriedBadge count={g.carriedCount} /><GoalChangeNote goal={g} /></td>
              <td>{g.dropped ? 'Dropped' : GOAL_STATUS[g.status]}</td>
              <td>{g.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function RecapPage() {
  const { id = '' } = useParams();
  const me = useStore((s) => s.me?.user.id ?? '');
  const [summary, setSummary] = useState<MeetingSummary | null>(null);
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(summary ? `Recap: ${summary.meeting.title}` : 'Recap');

  useEffect(() => {
    Promise.all([http.get<MeetingSummary>(`/api/meetings/${encodeURIComponent(id)}/summary`), http.get<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`)]).then(
      ([s, d]) => {
        setSummary(s);
        setDetail(d);
      },
      (e) => setError(errorMessage(e)),
    );
  }, [id]);

  if (error) return <><h1>Recap</h1><Alert message={error} /></>;
  if (!summary || !detail) return <p className="loading">Loading the recap…</p>;
  const names = new Map(detail.members.map((m) => [m.userId, m.name]));
  const name = (uid: string) => names.get(uid) ?? 'Former member';
  const fin = summary.financials;
  const canFinalize = allows(detail, 'recap.finalize');
  const commitments = [...summary.commitments].sort((a, b) => Number(b.who === me) - Number(a.who === me));
  // The day(s) it actually ran, in the meeting's zone; the plan only for a meeting that never ran.
  const locale = viewerLocale();
  const ran = summary.days.flatMap((d) => (d.startedAt ? [Date.parse(d.startedAt)] : []));
  const when = ran.length > 0
    ? `Ran on ${humanDays(ran, summary.meeting.timeZone, locale)}`
    : `Planned for ${humanDateTime(Date.parse(summary.meeting.startsAt), summary.meeting.timeZone, locale)}`;
  const groupLink = groupPageLink({ groupId: summary.group.id }, detail.sharedSession);
  const due = (date: string) => ` (by ${humanCalendarDate(date, locale)})`;

  return (
    <article className="recap" data-testid="recap">
      <h1>{summary.group.name}: {summary.meeting.title}</h1>
      <p className="muted">
        {summary.meeting.quarter} · {when}{summary.meeting.location ? ` · ${summary.meeting.location}` : ''} · <Link to={groupLink.to}>{groupLink.label}</Link>
      </p>
      {detail.event && (
        <p>
          <PartOfEvent event={detail.event} className="" />
        </p>
      )}
      {summary.next && (
        <p data-testid="recap-next-meeting"><strong>Next meeting:</strong> {nextMeetingText(summary.next, locale)}</p>
      )}
      <RecapActions meeting={summary.meeting} holdsRoomOnly={holdsRoomOnly(summary)} canFinalize={canFinalize} onChange={(m) => setSummary({ ...summary, meeting: m })} />

      <section className="card section" aria-labelledby="r-commitments">
        <h2 id="r-commitments">Commitments</h2>
        {commitments.length === 0 ? <p className="muted">None.</p> : (
          <ul className="recap-list">
            {commitments.map((c) => (
              <li key={c.id} className={c.who === me ? 'mine' : undefined}>
                <strong>{name(c.who)}</strong>: {c.what}{c.due && due(c.due)} — {c.status}
                {c.confidential && <>{' '}<span className="badge room-only-badge">{ROOM_ONLY_LABEL}</span></>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {summary.updates.length > 0 && (
        <section className="card section" aria-labelledby="r-updates" data-testid="recap-updates">
          <h2 id="r-updates">Check-in updates</h2>
          {summary.updates.map((u) => (
            <section key={u.userId} aria-label={`Update of ${u.name}`}>
              <h3>{u.name}</h3>
              <UpdateAnswers answers={u.answers} />
            </section>
          ))}
        </section>
      )}

      <section className="card section" aria-labelledby="r-notes">
        <h2 id="r-notes">Notes</h2>
        {summary.notes.length === 0 && <p className="muted">No notes were taken.</p>}
        {summary.notes.map((n) => (
          <section key={n.itemId} id={`item-${n.itemId}`} aria-label={n.title}>
            <h3>{n.title}</h3>
            <ErrorBoundary what={`The notes of ${n.title}`}>
              <NotesView blocks={n.blocks} headingOffset={3} />
            </ErrorBoundary>
          </section>
        ))}
      </section>

      {/* A shared session of a network event has no financial review, so no highlights. */}
      {fin && (
      <section className="card section" aria-labelledby="r-fin">
        <h2 id="r-fin">Financial highlights ({fin.quarter})</h2>
        {!fin.canSeeFigures ? <p className="muted">This group keeps its figures from observers.</p> : fin.medians.length === 0 ? <p className="muted">No figures for this quarter.</p> : (
          <>
            <ul className="recap-list">
              {fin.medians.map((m) => <li key={m.kpiKey}>{m.label}: group median {m.median === null ? '–' : formatKpiByKey(m.kpiKey, m.median, fin.currency, viewerLocale())} ({m.n} companies)</li>)}
            </ul>
            {fin.ranks.some((r) => r.change) && (
              <>
                <h3>Biggest moves in rank</h3>
                <ul className="recap-list">
                  {[...fin.ranks].filter((r) => r.change).sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0)).slice(0, 5).map((r) => (
                    <li key={`${r.userId}-${r.kpiKey}`}>{r.name}, {kpiLabel(r.kpiKey)}: {r.previousRank} → {r.rank}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
      )}

      {/* Nor goals: each group reviews and sets its own in its own meeting. */}
      {summary.review && summary.newGoals && (
        <section className="card section" aria-labelledby="r-goals">
          <h2 id="r-goals">Goal review</h2>
          <GoalTable goals={summary.review} name={name} label="Goals reviewed" />
          <h3>New goals</h3>
          <GoalTable goals={summary.newGoals} name={name} label="New goals" />
        </section>
      )}

      <section className="card section" aria-labelledby="r-hs">
        <h2 id="r-hs">Hot seats</h2>
        {summary.hotSeats.length === 0 ? <p className="muted">None.</p> : (
          <ul className="recap-list" data-testid="recap-hotseats">
            {summary.hotSeats.map((h) => {
              // What the presenter committed to at this meeting.
              const theirs = h.presenter ? summary.commitments.filter((c) => c.who === h.presenter?.userId && c.status !== 'dropped') : [];
              return (
                <li key={`${h.itemId}:${h.presenter?.userId ?? ''}`}>
                  {h.title}: <strong>{h.presenter?.name ?? 'no presenter'}</strong> — {h.topic || 'no topic'}
                  {theirs.length > 0 && (
                    <ul aria-label={`Commitments of ${h.presenter?.name ?? ''}`}>
                      {theirs.map((c) => <li key={c.id}>{c.what}{c.due && due(c.due)}</li>)}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <RecapResources resources={summary.resources} groupId={summary.group.id} />

      <RecapDays days={summary.days} meeting={summary.meeting} name={name} />

      <section className="card section" aria-labelledby="r-att">
        <h2 id="r-att">Agenda, attendance and rating</h2>
        <ul className="recap-list">{summary.agenda.map((a) => <li key={a.itemId}>{a.title}: {a.actualMin} of {a.plannedMin} min</li>)}</ul>
        <h3>Attendance</h3>
        {summary.attendance.length === 0 ? <p className="muted">No attendance recorded.</p> : (
          <ul className="recap-list" data-testid="recap-attendance">
            {summary.attendance.map((a) => <li key={a.userId}>{a.name}: {a.label}</li>)}
          </ul>
        )}
        <h3>Rating</h3>
        <RatingAggregate summary={summary.rating} mine={summary.rating.mine} showAverage />
      </section>
    </article>
  );
}
