// /meetings/:id/update: a member company prepares: its RSVP, and its update for the check-in (the
// group's prompts: best and worst since last time, what I need, personal news). Reminder mails link here.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../../shared/api.ts';
import { LIMITS } from '../../../shared/limits.ts';
import type { MeetingUpdates } from '../../../shared/updates.ts';
import { errorMessage, http } from '../api/http.ts';
import { updatesApi } from '../api/updates.ts';
import { Alert } from '../components/Alert.tsx';
import { RsvpForm } from '../components/attendance/RsvpForm.tsx';
import { useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';

export function UpdatePage() {
  const { id = '' } = useParams();
  const userId = useStore((s) => s.me?.user.id ?? '');
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [data, setData] = useState<MeetingUpdates | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  useTitle(detail ? `My update: ${detail.meeting.title}` : 'My update');

  useEffect(() => {
    Promise.all([http.get<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`), updatesApi.ofMeeting(id)]).then(
      ([d, u]) => {
        setDetail(d);
        setData(u);
        const mine = u.updates.find((x) => x.userId === userId);
        setAnswers(Object.fromEntries(u.prompts.map((p) => [p.key, mine?.answers.find((a) => a.key === p.key)?.text ?? ''])));
        if (mine) setSaved(mine.updatedAt);
      },
      (e) => setLoadError(errorMessage(e)),
    );
  }, [id, userId]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const stored = await updatesApi.writeMine(id, answers);
      setSaved(stored.updatedAt);
    });
  };
  const canWrite = detail !== null && allows(detail, 'updates.write');
  return (
    <div className="stack narrow" data-testid="update-page">
      <h1>My update{detail && <span className="muted"> for {detail.meeting.title}</span>}</h1>
      <p>
        {detail && <Link to={`/groups/${detail.group.id}`}>Back to {detail.group.name}</Link>}
      </p>
      <Alert message={loadError} />
      {detail && !canWrite && <p className="muted">Updates are written by member companies before the meeting{detail.meeting.status === 'ended' ? '; this meeting has ended.' : '.'}</p>}
      {detail && allows(detail, 'rsvp.write') && <RsvpForm meetingId={id} userId={userId} />}
      {data && canWrite && (
        <form className="card section form" onSubmit={save}>
          <p className="muted">The group reads it at the check-in, one member at a time. Leave a prompt empty to skip it.</p>
          {data.prompts.map((p) => (
            <div key={p.key} className="field">
              <label htmlFor={`update-${p.key}`}>{p.label}</label>
              <textarea
                id={`update-${p.key}`}
                rows={3}
                maxLength={LIMITS.updateAnswerMax}
                value={answers[p.key] ?? ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [p.key]: e.target.value }))}
              />
            </div>
          ))}
          <div className="button-row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Send update
            </button>
            {saved && (
              <span role="status" className="muted">
                Sent {new Date(saved).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
            )}
          </div>
          <Alert message={error} />
        </form>
      )}
    </div>
  );
}
