// "Are you coming?": in the room, remote, or excused with a reason. Shown to member companies
// before the meeting (the readiness grid shows the answer).
import { useEffect, useState, type FormEvent } from 'react';
import type { RsvpResponse } from '../../../../shared/attendance.ts';
import { attendanceApi } from '../../api/attendance.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';

const WORDS: Record<RsvpResponse, string> = { room: 'In the room', remote: 'Remote', excused: 'Excused' };

export function RsvpForm({ meetingId, userId }: { meetingId: string; userId: string }) {
  const [response, setResponse] = useState<RsvpResponse | null>(null);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  useEffect(() => {
    attendanceApi.rsvps(meetingId).then((all) => {
      const mine = all.find((r) => r.userId === userId);
      if (!mine) return;
      setResponse(mine.response);
      setReason(mine.reason);
      setSaved(WORDS[mine.response]);
    }, () => undefined);
  }, [meetingId, userId]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!response) return;
    void run(async () => {
      const r = await attendanceApi.rsvp(meetingId, response, reason);
      setSaved(WORDS[r.response]);
    });
  };
  return (
    <form className="card section form" onSubmit={save} aria-labelledby="rsvp-h">
      <h2 id="rsvp-h">Are you coming?</h2>
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">My RSVP</legend>
        {(Object.keys(WORDS) as RsvpResponse[]).map((r) => (
          <label key={r} className="radio">
            <input type="radio" name="rsvp" value={r} checked={response === r} onChange={() => setResponse(r)} /> {WORDS[r]}
          </label>
        ))}
      </fieldset>
      {response === 'excused' && (
        <>
          <label htmlFor="rsvp-reason">Reason (the coach sees it)</label>
          <input id="rsvp-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} required />
        </>
      )}
      <div className="button-row">
        <button type="submit" className="btn" disabled={busy || !response}>
          Send RSVP
        </button>
        {saved && (
          <span role="status" className="muted">
            Your answer: {saved}
          </span>
        )}
      </div>
      <Alert message={error} onDismiss={() => setError(null)} />
    </form>
  );
}
