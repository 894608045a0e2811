// Schedule the next quarterly meeting: wall time in a chosen zone becomes an ISO instant; a
// template of several days gets one row per day (date, start, end), pre-filled from its agenda.
// The schema (and zod with it) loads on submit, so the group page does not wait for it.
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { AgendaTemplate, MeetingDay } from '../../../../shared/domain.ts';
import { dayLengthsMs, daysFromStart } from '../../../../shared/calendar/meetingDays.ts';
import { BUILT_IN_TEMPLATES } from '../../../../shared/meeting/templates.ts';
import { useFields, useSubmit, validate } from '../../hooks/useForm.ts';
import { browserTimeZone, nextQuarter, timeZones, zonedLocalToIso } from '../../lib/time.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function ScheduleMeetingForm({ groupId, templates }: { groupId: string; templates: AgendaTemplate[] }) {
  const createMeeting = useStore((s) => s.createMeeting);
  const navigate = useNavigate();
  const zones = useMemo(timeZones, []);
  const { values, bind } = useFields({
    quarter: nextQuarter(),
    title: '',
    local: '',
    timeZone: browserTimeZone(),
    location: '',
    onlineUrl: '',
    templateId: '',
  });
  const { busy, error, setError, run } = useSubmit();
  // Each day's date and hours, as the facilitator adjusted them (keyed by start+template).
  const [edited, setEdited] = useState<{ key: string; days: MeetingDay[] } | null>(null);
  const items = values.templateId === '' || values.templateId === 'standard' ? BUILT_IN_TEMPLATES.standard.items
    : values.templateId === 'two-day' ? BUILT_IN_TEMPLATES['two-day'].items
    : (templates.find((t) => t.id === values.templateId)?.items ?? BUILT_IN_TEMPLATES.standard.items);
  const startIso = zonedLocalToIso(values.local, values.timeZone);
  const key = `${values.local}|${values.timeZone}|${values.templateId}`;
  const derived = startIso ? daysFromStart(Date.parse(startIso), values.timeZone, dayLengthsMs(items)) : [];
  const days = edited && edited.key === key ? edited.days : derived;
  const setDay = (i: number, patch: Partial<MeetingDay>) => setEdited({ key, days: days.map((d, j) => (j === i ? { ...d, ...patch } : d)) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const startsAt = zonedLocalToIso(values.local, values.timeZone);
      if (!startsAt) throw new Error('Pick the date and time the meeting starts.');
      const { meetingBody } = await import('../../../../shared/api.ts');
      const body = validate(meetingBody, {
        quarter: values.quarter.trim(),
        title: values.title.trim() || undefined,
        startsAt,
        ...(days.length > 1 || edited?.key === key ? { days } : {}),
        timeZone: values.timeZone,
        location: values.location.trim() || null,
        onlineUrl: values.onlineUrl.trim() || null,
        templateId: values.templateId || undefined,
      });
      const created = await createMeeting(groupId, body);
      navigate(`/meetings/${created.meeting.id}`);
    });
  };

  return (
    <section aria-labelledby="schedule" className="card section">
      <h2 id="schedule">Schedule meeting</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="form-row">
          <Field label="Quarter" hint="Like 2026-Q4">
            <input required pattern="\d{4}-Q[1-4]" {...bind('quarter')} />
          </Field>
          <Field label="Title (optional)">
            <input {...bind('title')} />
          </Field>
        </div>
        <div className="form-row">
          <Field label="Starts at">
            <input required type="datetime-local" {...bind('local')} />
          </Field>
          <Field label="Time zone">
            <select {...bind('timeZone')}>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="form-row">
          <Field label="Location">
            <input {...bind('location')} placeholder="Address or room" />
          </Field>
          <Field label="Online link">
            <input type="url" {...bind('onlineUrl')} placeholder="https://" />
          </Field>
        </div>
        <Field label="Agenda template">
          <select {...bind('templateId')}>
            <option value="">{BUILT_IN_TEMPLATES.standard.name}</option>
            <option value="two-day">{BUILT_IN_TEMPLATES['two-day'].name}</option>
            {templates
              .filter((t) => t.groupId !== null)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </Field>
        {days.length > 1 && (
          <fieldset className="days-editor" data-testid="days-editor">
            <legend>Days (in {values.timeZone})</legend>
            {days.map((d, i) => (
              <div className="form-row" key={i}>
                <Field label={`Day ${i + 1} date`}>
                  <input type="date" required value={d.date} onChange={(e) => setDay(i, { date: e.target.value })} />
                </Field>
                <Field label={`Day ${i + 1} starts`}>
                  <input type="time" required value={d.start} onChange={(e) => setDay(i, { start: e.target.value })} />
                </Field>
                <Field label={`Day ${i + 1} ends`}>
                  <input type="time" required value={d.end} onChange={(e) => setDay(i, { end: e.target.value })} />
                </Field>
              </div>
            ))}
          </fieldset>
        )}
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Scheduling…' : 'Schedule meeting'}
        </button>
      </form>
    </section>
  );
}
