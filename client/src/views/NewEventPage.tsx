// An organiser plans a network event (super week): its days, the groups taking part, the shared
// sessions every attendee joins, and each group's own meeting on some of the days.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { consecutiveDates, createEventBody, groupTemplateFor, type EventGroupMeetingBody } from '../../../shared/events.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { eventsApi } from '../api/events.ts';
import { errorMessage } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { GroupMeetingFields, type GroupMeetingDraft } from '../components/events/GroupMeetingFields.tsx';
import { SessionFields, sessionDay, type SessionDraft } from '../components/events/SessionFields.tsx';
import '../components/events/events.css';
import { useSubmit, validate } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { browserTimeZone, timeZones } from '../lib/time.ts';
import { useStore } from '../store/index.ts';

const newSession = (date: string): SessionDraft => ({ title: 'Universal content', date, start: '09:00', end: '12:00', templateId: 'session' });

export function NewEventPage() {
  const { id: networkId = '' } = useParams();
  useTitle('New network event');
  const navigate = useNavigate();
  const groups = useStore((s) => s.networkGroups[networkId]);
  const loadNetworkGroups = useStore((s) => s.loadNetworkGroups);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    loadNetworkGroups(networkId).catch((e: unknown) => setLoadError(errorMessage(e)));
  }, [networkId, loadNetworkGroups]);

  const zones = useMemo(timeZones, []);
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [first, setFirst] = useState('');
  const [count, setCount] = useState('3');
  const days = consecutiveDates(first, Number(count));
  const [chosen, setChosen] = useState<string[]>([]);
  const [meetings, setMeetings] = useState<Record<string, GroupMeetingDraft>>({});
  const [sessions, setSessions] = useState<SessionDraft[]>([]);
  const { busy, error, setError, run } = useSubmit();

  // Defaults follow the days: groups meet on the days before the last, the shared session is on the last.
  const groupDefault = (): GroupMeetingDraft => ({ dates: days.slice(0, Math.min(2, Math.max(1, days.length - 1))), start: '09:00', end: '17:00' });
  const meetingOf = (groupId: string) => {
    const d = meetings[groupId] ?? groupDefault();
    return { ...d, dates: d.dates.filter((x) => days.includes(x)) };
  };
  const shownSessions = sessions.map((s) => (days.includes(s.date) ? s : { ...s, date: days[days.length - 1] ?? '' }));
  const defaultSessions = days.length > 0 && sessions.length === 0 ? [newSession(days[days.length - 1]!)] : shownSessions;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (days.length === 0) throw new Error('Pick the first day of the event.');
      const groupMeetings: EventGroupMeetingBody[] = [];
      for (const groupId of chosen) {
        const m = meetingOf(groupId);
        if (m.dates.length === 0) continue;
        const templateId = groupTemplateFor(m.dates.length);
        if (!templateId) throw new Error(`${groups?.find((g) => g.id === groupId)?.name ?? 'A group'}: pick one or two days for its own meeting.`);
        groupMeetings.push({ groupId, templateId, days: m.dates.map((date) => ({ date, start: m.start, end: m.end })) });
      }
      const body = validate(createEventBody, {
        name: name.trim(),
        timeZone,
        days,
        groupIds: chosen,
        sessions: defaultSessions.map((s) => ({ title: s.title.trim(), templateId: s.templateId, days: [sessionDay(s)] })),
        groupMeetings,
      });
      const created = await eventsApi.create(networkId, body);
      navigate(`/events/${created.event.id}`);
    });
  };

  return (
    <div className="narrow">
      <h1>New network event</h1>
      <p className="lede">
        Several groups meet in parallel, each in its own private meeting, and come together in shared sessions that every attendee of every group joins.
      </p>
      <Alert message={loadError} />
      <form className="form event-form" onSubmit={onSubmit} aria-label="New network event">
        <section aria-labelledby="event-when" className="card section">
          <h2 id="event-when">Name and days</h2>
          <Field label="Event name" hint="Like “Super week spring 2027”">
            <input required maxLength={LIMITS.groupNameMax} value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <div className="form-row">
            <Field label="First day">
              <input type="date" required value={first} onChange={(e) => setFirst(e.target.value)} />
            </Field>
            <Field label="Number of days">
              <input type="number" min={1} max={LIMITS.eventDaysMax} required value={count} onChange={(e) => setCount(e.target.value)} />
            </Field>
            <Field label="Time zone">
              <select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </section>

        <fieldset>
          <legend>Groups taking part</legend>
          {groups === undefined && !loadError && <p className="muted">Loading groups…</p>}
          {groups?.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" checked={chosen.includes(g.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, g.id] : c.filter((x) => x !== g.id)))} /> {g.name}
            </label>
          ))}
        </fieldset>

        {days.length > 0 && chosen.length > 0 && (
          <section aria-labelledby="event-groups" className="section">
            <h2 id="event-groups">Each group’s own meeting</h2>
            {chosen.map((groupId) => (
              <GroupMeetingFields
                key={groupId}
                name={groups?.find((g) => g.id === groupId)?.name ?? 'Group'}
                draft={meetingOf(groupId)}
                days={days}
                onChange={(d) => setMeetings((m) => ({ ...m, [groupId]: d }))}
              />
            ))}
          </section>
        )}

        {days.length > 0 && (
          <section aria-labelledby="event-sessions" className="card section">
            <h2 id="event-sessions">Shared sessions</h2>
            <p className="muted">Every attendee of every group joins these: one agenda, one wall, shared notes and resources.</p>
            {defaultSessions.map((s, i) => (
              <div key={i} data-testid="session-draft">
                <SessionFields draft={s} days={days} n={i + 1} onChange={(d) => setSessions(defaultSessions.map((x, j) => (j === i ? d : x)))} />
                {defaultSessions.length > 1 && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setSessions(defaultSessions.filter((_, j) => j !== i))}>
                    Remove session {i + 1}
                  </button>
                )}
              </div>
            ))}
            <button type="button" className="btn btn-small" onClick={() => setSessions([...defaultSessions, newSession(days[days.length - 1]!)])}>
              Add shared session
            </button>
          </section>
        )}

        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create event'}
        </button>
      </form>
    </div>
  );
}
