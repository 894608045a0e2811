// The meeting's commitments: who, what, by when, status — structured Yjs data, co-edited live.
import { takesPart } from '../../../../shared/access/index.ts';
import { useEffect, useState, type FormEvent } from 'react';
import { addCommitment, COMMITMENT_WHAT_MAX, readCommitments, removeCommitment, updateCommitment, type Commitment } from '../../../../shared/collab/commitments.ts';
import type { ListedMember } from '../../../../shared/domain.ts';
import type { DocHandle } from '../../collab/docs.ts';
import { newItemId } from '../../lib/ids.ts';
import { CommitmentRow } from './CommitmentRow.tsx';

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
  members: ListedMember[];
  userId: string;
  readOnly: boolean;
}

export function CommitmentsPanel({ handle, members, userId, readOnly }: Props) {
  const items = useCommitments(handle);
  // Observers take part without committing to anything.
  const people = members.filter((m) => takesPart(m.role));
  const [picked, setPicked] = useState<string | null>(null);
  const who = picked ?? (people.some((m) => m.userId === userId) ? userId : (people[0]?.userId ?? ''));
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const name = (id: string) => members.find((m) => m.userId === id)?.name ?? 'A former member';

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!what.trim() || !who) return;
    addCommitment(handle.doc, { id: newItemId(), who, what: what.trim(), due, status: 'open', confidential: false, createdBy: userId, createdAt: new Date().toISOString() });
    setWhat('');
    setDue('');
  };

  return (
    <div className="commitments">
      <div data-testid="commitments">
        {items.length === 0 ? (
          <p className="muted">No commitments yet.</p>
        ) : (
          <ul className="commitment-list" aria-label="Commitments">
            {items.map((c) => (
              <CommitmentRow
                key={c.id}
                c={c}
                whoName={name(c.who)}
                readOnly={readOnly}
                onPatch={(p) => updateCommitment(handle.doc, c.id, p)}
                onDelete={() => removeCommitment(handle.doc, c.id)}
              />
            ))}
          </ul>
        )}
      </div>
      {!readOnly && (
        <form className="form form-inline" onSubmit={add} aria-label="Add a commitment">
          <label>
            Who
            <select value={who} onChange={(e) => setPicked(e.target.value)}>
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
