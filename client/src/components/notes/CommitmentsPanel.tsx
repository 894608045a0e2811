// The meeting's commitments: who, what, by when, status — structured Yjs data, co-edited live.
import { useEffect, useState, type FormEvent } from 'react';
import { addCommitment, COMMITMENT_WHAT_MAX, readCommitments, removeCommitment, updateCommitment, type Commitment } from '../../../../shared/collab/commitments.ts';
import type { GroupMember } from '../../../../shared/domain.ts';
import type { DocHandle } from '../../collab/docs.ts';
import { newItemId } from '../../lib/ids.ts';

function useCommitments(handle: DocHandle): Commitment[] {
  const [items, setItems] = useState(() => readCommitments(handle.doc));
  useEffect(() => {
    const update = () => setItems(readCommitments(handle.doc));
    update();
    handle.doc.on('update', update);
    return () => handle.doc.off('update', update);
  }, [handle]);
  return items;
}

interface Props {
  handle: DocHandle;
  members: GroupMember[];
  userId: string;
  readOnly: boolean;
}

export function CommitmentsPanel({ handle, members, userId, readOnly }: Props) {
  const items = useCommitments(handle);
  const people = members.filter((m) => m.role !== 'observer');
  const [who, setWho] = useState(userId);
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const name = (id: string) => members.find((m) => m.userId === id)?.name ?? 'Someone';
  const patch = (id: string, p: Parameters<typeof updateCommitment>[2]) => updateCommitment(handle.doc, id, p);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!what.trim()) return;
    addCommitment(handle.doc, { id: newItemId(), who, what: what.trim(), due, status: 'open', confidential: false, createdBy: userId, createdAt: new Date().toISOString() });
    setWhat('');
    setDue('');
  };

  return (
    <div className="commitments">
      {items.length === 0 ? (
        <p className="muted" data-testid="commitments">No commitments yet.</p>
      ) : (
        <ul className="commitment-list" data-testid="commitments">
          {items.map((c) => (
            <li key={c.id} className={`commitment status-${c.status}${c.confidential ? ' confidential' : ''}`}>
              <span className="commitment-who">{name(c.who)}</span>
              {readOnly ? (
                <span>{c.what}</span>
              ) : (
                <input aria-label={`Commitment of ${name(c.who)}`} defaultValue={c.what} maxLength={COMMITMENT_WHAT_MAX} onBlur={(e) => e.target.value.trim() && e.target.value !== c.what && patch(c.id, { what: e.target.value.trim() })} />
              )}
              <input type="date" aria-label={`Due date of ${name(c.who)}'s commitment`} value={c.due} disabled={readOnly} onChange={(e) => patch(c.id, { due: e.target.value })} />
              <select aria-label={`Status of ${name(c.who)}'s commitment`} value={c.status} disabled={readOnly} onChange={(e) => patch(c.id, { status: e.target.value as Commitment['status'] })}>
                <option value="open">Open</option>
                <option value="done">Done</option>
                <option value="dropped">Dropped</option>
              </select>
              <label className="inline-check">
                <input type="checkbox" checked={c.confidential} disabled={readOnly} onChange={(e) => patch(c.id, { confidential: e.target.checked })} /> Stays in the room
              </label>
              {!readOnly && (
                <button type="button" className="btn btn-small btn-quiet" aria-label={`Delete ${name(c.who)}'s commitment`} onClick={() => removeCommitment(handle.doc, c.id)}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className="form form-inline" onSubmit={add} aria-label="Add a commitment">
          <label>
            Who
            <select value={who} onChange={(e) => setWho(e.target.value)}>
              {people.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            Commits to
            <input value={what} maxLength={COMMITMENT_WHAT_MAX} onChange={(e) => setWhat(e.target.value)} required />
          </label>
          <label>
            By
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary">
            Add commitment
          </button>
        </form>
      )}
    </div>
  );
}
