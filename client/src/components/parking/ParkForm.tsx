// "Park it": one action from the current agenda item (its notes, its hot seat) onto the group's
// parking lot, which carries it to the next meeting's proposals. In a shared session of a network
// event the lot is the attendee's own group's (the server decides; `groups` are the ones they
// attend through, and someone attending through several picks one).
import { useState, type FormEvent } from 'react';
import type { SharedSessionView } from '../../../../shared/events.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { parkingApi } from '../../api/parking.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';
import './parking.css';

type Groups = SharedSessionView['groups'];

export function ParkForm({ meetingId, itemId, groups }: { meetingId: string; itemId: string; groups: Groups | null }) {
  const [title, setTitle] = useState('');
  const [groupId, setGroupId] = useState(groups?.[0]?.id ?? '');
  const [parked, setParked] = useState<{ title: string; groupId: string } | null>(null);
  const { busy, error, setError, run } = useSubmit();
  const choose = groups !== null && groups.length > 1;
  const only = groups?.length === 1 ? groups[0]! : null;
  const park = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void run(async () => {
      const item = await parkingApi.park(meetingId, { title: title.trim(), itemId, ...(choose ? { groupId } : {}) });
      setTitle('');
      setParked({ title: item.title, groupId: item.groupId });
    });
  };
  const forGroup = parked && groups?.find((g) => g.id === parked.groupId);
  return (
    <form className="form form-inline park-form" onSubmit={park} aria-label="Park an item">
      {/* Said in words, not in the placeholder: a phone cuts a long placeholder short. */}
      {only && <p className="muted park-for">Topics you park here go to {only.name}’s parking lot.</p>}
      {choose && (
        <label>
          <span className="visually-hidden">Park it for</span>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                For {g.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="grow">
        <span className="visually-hidden">Park for a later meeting</span>
        <input value={title} maxLength={LIMITS.parkingTitleMax} onChange={(e) => setTitle(e.target.value)} placeholder="Park for a later meeting…" />
      </label>
      <button type="submit" className="btn btn-small" disabled={busy || !title.trim()}>
        Park it
      </button>
      {parked && (
        <span role="status" className="muted">
          {forGroup ? `Parked for ${forGroup.name}` : 'Parked'}: {parked.title} (
          <a href={`/groups/${parked.groupId}/parking`} target="_blank" rel="noreferrer">
            parking lot
          </a>
          )
        </span>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
    </form>
  );
}
