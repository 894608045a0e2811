// The organiser schedules a new meeting for a participating group from the event page, on some of
// the event's days (POST /api/events/:id/meetings with days): it lands on the event's schedule,
// private to that group. The agendas offered are the ones with as many days as picked.
import { useState, type FormEvent } from 'react';
import { eventGroupMeetingBody, type EventView } from '../../../../shared/events.ts';
import { eventsApi } from '../../api/events.ts';
import { useSubmit, validate } from '../../hooks/useForm.ts';
import { useGroupDetail } from '../../hooks/useGroupDetail.ts';
import { newGroupMeetingBody, templatesForDays } from '../../lib/eventMeetings.ts';
import { meetingWhen } from '../../lib/meetingTime.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import { GroupMeetingFields, type GroupMeetingDraft } from './GroupMeetingFields.tsx';
import { EventGroupSelect } from './EventGroupSelect.tsx';
import './events.css';

export function ScheduleGroupMeeting({ view, onScheduled }: { view: EventView; onScheduled: () => Promise<void> }) {
  const { event, groups } = view;
  const [groupId, setGroupId] = useState(groups[0]?.id ?? '');
  const [draft, setDraft] = useState<GroupMeetingDraft>({ dates: event.days.slice(0, 1), start: '09:00', end: '17:00' });
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [scheduled, setScheduled] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const group = useGroupDetail(groupId, setError);
  const groupName = groups.find((g) => g.id === groupId)?.name ?? 'The group';

  const templates = templatesForDays(group?.templates ?? [], draft.dates.length);
  // The agenda picked while it fits the days, else the first that does.
  const chosen = templates.some((t) => t.id === templateId) ? templateId : (templates[0]?.id ?? '');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setScheduled(null);
    void run(async () => {
      const body = validate(eventGroupMeetingBody, newGroupMeetingBody(groupId, { ...draft, templateId: chosen, title }, event.days));
      const meeting = await eventsApi.addGroupMeeting(event.id, body);
      setScheduled(`Scheduled: ${meeting.title}, ${meetingWhen(meeting)}.`);
      setTitle('');
      await onScheduled();
    });
  };

  return (
    <section aria-labelledby="schedule-group-meeting" className="card section">
      <h2 id="schedule-group-meeting">Schedule a group’s meeting</h2>
      <p className="muted">A new meeting of one group on some of the event’s days: its own meeting of the event, private to that group.</p>
      <form className="form event-form" onSubmit={onSubmit} aria-label="Schedule a group’s meeting of the event">
        <EventGroupSelect
          groups={groups}
          value={groupId}
          onChange={(id) => {
            setGroupId(id);
            setScheduled(null);
            setError(null);
          }}
        />
        <GroupMeetingFields
          name={groupName}
          draft={draft}
          days={event.days}
          onChange={setDraft}
          hint={
            draft.dates.length === 0
              ? 'Pick the day or days it meets.'
              : group && templates.length === 0
                ? `No agenda of ${groupName} runs ${draft.dates.length} days: pick one or two days, or save a template of that length on its group page.`
                : `Each day from the start to the end, in ${event.timeZone}.`
          }
        />
        {/* Full width: the agendas' names are long. */}
        <Field label="Agenda">
          <select value={chosen} onChange={(e) => setTemplateId(e.target.value)} disabled={templates.length === 0}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Title (optional)">
          <input value={title} placeholder={`${event.name}: ${groupName}`} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Alert message={error} onDismiss={() => setError(null)} />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy || !group || !chosen}>
            {busy ? 'Scheduling…' : 'Schedule meeting'}
          </button>
          {scheduled && (
            <span role="status" className="ok-text">
              {scheduled}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
