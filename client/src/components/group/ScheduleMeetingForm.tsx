// Schedule the next quarterly meeting: wall time in a chosen zone becomes an ISO instant.
import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { meetingBody } from '../../../../shared/api.ts';
import type { AgendaTemplate } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { browserTimeZone, nextQuarter, timeZones, zonedLocalToIso } from '../../lib/time.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function ScheduleMeetingForm({ groupId, templates }: { groupId: string; templates: AgendaTemplate[] }) {
  const createMeeting = useStore((s) => s.createMeeting);
  const navigate = useNavigate();
  const zones = useMemo(timeZones, []);
  const [quarter, setQuarter] = useState(() => nextQuarter());
  const [title, setTitle] = useState('');
  const [local, setLocal] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [location, setLocation] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const startsAt = zonedLocalToIso(local, timeZone);
    if (!startsAt) {
      setError('Pick the date and time the meeting starts.');
      return;
    }
    const parsed = meetingBody.safeParse({
      quarter: quarter.trim(),
      title: title.trim() || undefined,
      startsAt,
      timeZone,
      location: location.trim() || null,
      onlineUrl: onlineUrl.trim() || null,
      templateId: templateId || undefined,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue ? `${issue.path.join('.') || 'Form'}: ${issue.message}` : 'Please check the form.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createMeeting(groupId, parsed.data);
      navigate(`/meetings/${created.meeting.id}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="schedule" className="card section">
      <h2 id="schedule">Schedule meeting</h2>
      <form className="form" onSubmit={onSubmit}>
        <div className="form-row">
          <Field label="Quarter" hint="Like 2026-Q4">
            <input required pattern="\d{4}-Q[1-4]" value={quarter} onChange={(e) => setQuarter(e.target.value)} />
          </Field>
          <Field label="Title (optional)">
            <input value={title} onChange={(e) => setTitle(e.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field label="Starts at">
            <input required type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} />
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
        <div className="form-row">
          <Field label="Location">
            <input value={location} onChange={(e) => setLocation(e.target.value)} placeholder="Address or room" />
          </Field>
          <Field label="Online link">
            <input type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} placeholder="https://" />
          </Field>
        </div>
        <Field label="Agenda template">
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">Standard</option>
            {templates
              .filter((t) => t.groupId !== null)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        </Field>
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Scheduling…' : 'Schedule meeting'}
        </button>
      </form>
    </section>
  );
}
