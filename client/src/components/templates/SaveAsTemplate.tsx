// Saves this meeting's agenda (days, breaks, fixed items; not the time spent) as a template of
// its group, to schedule the next one from.
import { useState, type FormEvent } from 'react';
import { http } from '../../api/http.ts';

export function SaveAsTemplate({ meetingId }: { meetingId: string }) {
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    http.post<{ name: string }>(`/api/meetings/${meetingId}/template`, { name: name.trim() }).then(
      (t) => setDone(`Saved as "${t.name}"; it is on the group page.`),
      (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
    );
  };
  return (
    <form className="form-row" onSubmit={onSubmit}>
      <label>
        Template name <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="btn">Save agenda as template</button>
      {done && <p role="status">{done}</p>}
      {error && <p role="alert" className="alert">{error}</p>}
    </form>
  );
}
