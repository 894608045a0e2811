// The organiser links a meeting a participating group already scheduled to the event (issue 16):
// it then shows on the event's schedule and in the event's calendar, and stays private to that
// group. Only meetings held on the event's days that the organiser may still edit are offered.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { EventView } from '../../../../shared/events.ts';
import { eventsApi } from '../../api/events.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { useGroupDetail } from '../../hooks/useGroupDetail.ts';
import { linkableMeetings } from '../../lib/eventMeetings.ts';
import { meetingWhen } from '../../lib/meetingTime.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import { dateRange } from './eventDates.ts';
import { EventGroupSelect } from './EventGroupSelect.tsx';
import './events.css';

export function LinkGroupMeeting({ view, onLinked }: { view: EventView; onLinked: () => Promise<void> }) {
  const { event, groups, schedule } = view;
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [meetingId, setMeetingId] = useState('');
  const [linked, setLinked] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const group = useGroupDetail(groupId, setError);

  const candidates = group ? linkableMeetings(group, event.days, new Set(schedule.map((e) => e.meeting.id))) : null;
  // The first offered meeting until the organiser picks another (and again once the pick is linked).
  const chosen = candidates?.some((m) => m.id === meetingId) ? meetingId : (candidates?.[0]?.id ?? '');
  const groupName = groups.find((g) => g.id === groupId)?.name ?? 'The group';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setLinked(null);
    void run(async () => {
      const meeting = await eventsApi.addGroupMeeting(event.id, { groupId, meetingId: chosen });
      setLinked(`Linked: ${meeting.title} is ${groupName}’s meeting of ${event.name}.`);
      await onLinked();
    });
  };

  return (
    <section aria-labelledby="link-meeting" className="card section">
      <h2 id="link-meeting">Link a group’s meeting</h2>
      <p className="muted">A meeting a group has already scheduled on the event’s days ({dateRange(event.days)}) becomes its own meeting of the event, private to that group.</p>
      <form className="form event-form" onSubmit={onSubmit} aria-label="Link a group’s meeting to the event">
        <EventGroupSelect
          groups={groups}
          value={groupId}
          onChange={(id) => {
            setGroupId(id);
            setLinked(null);
            setError(null);
          }}
        />
        {/* Full width: a meeting reads as its title and when, in the event's zone and yours. */}
        {candidates && candidates.length > 0 && (
          <Field label="Meeting">
            <select value={chosen} onChange={(e) => setMeetingId(e.target.value)}>
              {candidates.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} · {meetingWhen(m)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {candidates === null && !error && <p className="muted">Loading {groupName}’s meetings…</p>}
        {candidates?.length === 0 && (
          <p data-testid="no-linkable-meeting">
            {groupName} has no meeting on the event’s days left to link. <Link to={`/groups/${groupId}`}>Schedule one on its group page</Link>, then link it here.
          </p>
        )}
        <Alert message={error} onDismiss={() => setError(null)} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy || !chosen}>
            {busy ? 'Linking…' : 'Link meeting'}
          </button>
          {linked && (
            <span role="status" className="ok-text">
              {linked}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
