// A network event as one attendee sees it: their schedule, day by day (the shared sessions and
// their own group's meetings, nothing of the other groups'), and their .ics. Organisers see
// every meeting of the event, add shared sessions, and schedule or link the groups' own meetings.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { EventScheduleEntry, EventView } from '../../../shared/events.ts';
import { eventsApi } from '../api/events.ts';
import { errorMessage } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { dateLabel, dateRange } from '../components/events/eventDates.ts';
import { LinkGroupMeeting } from '../components/events/LinkGroupMeeting.tsx';
import { ScheduleGroupMeeting } from '../components/events/ScheduleGroupMeeting.tsx';
import { SessionFields, sessionDay, type SessionDraft } from '../components/events/SessionFields.tsx';
import '../components/events/events.css';
import { useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { meetingDayLines } from '../lib/meetingTime.ts';

export function EventPage() {
  const { id = '' } = useParams();
  const [view, setView] = useState<EventView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(view?.event.name ?? 'Network event');
  const load = useCallback(() => eventsApi.get(id).then(setView, (e: unknown) => setError(errorMessage(e))), [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert message={error} />;
  if (!view) return <p className="muted">Loading the event…</p>;
  const { event, groups, schedule, canManage } = view;
  return (
    <div className="narrow">
      <h1>{event.name}</h1>
      <p className="lede">
        {dateRange(event.days)} · times in {event.timeZone}
      </p>
      <p>Groups taking part: {groups.map((g) => g.name).join(', ')}</p>
      <p>
        <a className="btn btn-small" href={eventsApi.calendarUrl(event.id)} download>
          Download my calendar (.ics)
        </a>{' '}
        <span className="muted small">{canManage ? 'Every session of the event.' : 'Only your sessions: the shared ones and your group’s.'}</span>
      </p>
      <section aria-labelledby="event-schedule" className="section" data-testid="event-schedule">
        <h2 id="event-schedule">{canManage ? 'Schedule' : 'Your schedule'}</h2>
        {event.days.map((date) => (
          <DaySchedule key={date} date={date} entries={schedule.filter((e) => e.meeting.days.some((d) => d.date === date))} canManage={canManage} />
        ))}
      </section>
      {canManage && <AddSession eventId={event.id} days={event.days} onAdded={load} />}
      {canManage && <ScheduleGroupMeeting view={view} onScheduled={load} />}
      {canManage && <LinkGroupMeeting view={view} onLinked={load} />}
    </div>
  );
}

function DaySchedule({ date, entries, canManage }: { date: string; entries: EventScheduleEntry[]; canManage: boolean }) {
  const headingId = `day-${date}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{dateLabel(date)}</h3>
      {entries.length === 0 ? (
        <p className="muted">Nothing for you this day.</p>
      ) : (
        <ul className="plain-list">
          {entries.map(({ kind, meeting, groupName }) => {
            const day = meeting.days.findIndex((d) => d.date === date);
            return (
              <li key={meeting.id} className="card recap-card" data-testid={`entry-${kind}`}>
                <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>{' '}
                <span className={kind === 'shared' ? 'badge badge-live' : 'badge'}>
                  {kind === 'shared' ? 'Shared session · all groups' : canManage ? `Group meeting · ${groupName}` : `Your group · ${groupName}`}
                </span>
                <p className="muted event-entry-when">
                  {meeting.days.length > 1 ? `Day ${day + 1} of ${meeting.days.length} · ` : ''}
                  {meetingDayLines(meeting)[day]?.hours}
                  {meeting.location && ` · ${meeting.location}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function AddSession({ eventId, days, onAdded }: { eventId: string; days: string[]; onAdded: () => Promise<void> }) {
  const [draft, setDraft] = useState<SessionDraft>({ title: '', date: days[days.length - 1] ?? '', start: '14:00', end: '16:00', templateId: 'session' });
  const { busy, error, setError, run } = useSubmit();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await eventsApi.addSession(eventId, { title: draft.title.trim(), templateId: draft.templateId, days: [sessionDay(draft)] });
      setDraft({ ...draft, title: '' });
      await onAdded();
    });
  };
  return (
    <section aria-labelledby="add-session" className="card section">
      <h2 id="add-session">Add a shared session</h2>
      <form className="form event-form" onSubmit={onSubmit}>
        <SessionFields draft={draft} days={days} onChange={setDraft} />
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add session'}
        </button>
      </form>
    </section>
  );
}
