// "Park it": one action from the current agenda item (its notes, its hot seat) onto the group's
// parking lot, which carries it to the next meeting's proposals.
import { useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits.ts';
import { parkingApi } from '../../api/parking.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';
import './parking.css';

export function ParkForm({ meetingId, itemId, groupId }: { meetingId: string; itemId: string; groupId: string }) {
  const [title, setTitle] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const park = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void run(async () => {
      const item = await parkingApi.park(meetingId, { title: title.trim(), itemId });
      setTitle('');
      setNotice(`Parked: ${item.title}`);
    });
  };
  return (
    <form className="form form-inline park-form" onSubmit={park} aria-label="Park an item">
      <label className="grow">
        <span className="visually-hidden">Park for a later meeting</span>
        <input value={title} maxLength={LIMITS.parkingTitleMax} onChange={(e) => setTitle(e.target.value)} placeholder="Park for a later meeting…" />
      </label>
      <button type="submit" className="btn btn-small" disabled={busy || !title.trim()}>
        Park it
      </button>
      {notice && (
        <span role="status" className="muted">
          {notice} (<a href={`/groups/${groupId}/parking`} target="_blank" rel="noreferrer">parking lot</a>)
        </span>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
    </form>
  );
}
