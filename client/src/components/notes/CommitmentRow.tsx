// One commitment, edited in place. Each control writes only its own field of the Y.Map, so two
// people editing different fields of one commitment at once both keep their change.
import { useState } from 'react';
import { COMMITMENT_WHAT_MAX, type Commitment, type CommitmentPatch } from '../../../../shared/collab/commitments.ts';

interface Props {
  c: Commitment;
  whoName: string;
  readOnly: boolean;
  onPatch: (patch: CommitmentPatch) => void;
  onDelete: () => void;
}

/** The text is a draft while focused (written on blur or Enter); otherwise it shows the live value. */
function WhatInput({ value, label, onCommit }: { value: string; label: string; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const v = (draft ?? value).trim();
    setDraft(null);
    if (v && v !== value) onCommit(v);
  };
  return (
    <input
      aria-label={label}
      value={draft ?? value}
      maxLength={COMMITMENT_WHAT_MAX}
      onFocus={() => setDraft(value)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}

export function CommitmentRow({ c, whoName, readOnly, onPatch, onDelete }: Props) {
  const of = `${whoName}'s commitment`;
  return (
    <li className={`commitment status-${c.status}${c.confidential ? ' confidential' : ''}`} data-commitment-id={c.id}>
      <span className="commitment-who">{whoName}</span>
      {readOnly ? <span className="commitment-what">{c.what}</span> : <WhatInput value={c.what} label={`What: ${of}`} onCommit={(what) => onPatch({ what })} />}
      <input type="date" aria-label={`Due date: ${of}`} value={c.due} disabled={readOnly} onChange={(e) => onPatch({ due: e.target.value })} />
      <select aria-label={`Status: ${of}`} value={c.status} disabled={readOnly} onChange={(e) => onPatch({ status: e.target.value as Commitment['status'] })}>
        <option value="open">Open</option>
        <option value="done">Done</option>
        <option value="dropped">Dropped</option>
      </select>
      <label className="inline-check">
        <input type="checkbox" checked={c.confidential} disabled={readOnly} onChange={(e) => onPatch({ confidential: e.target.checked })} /> Stays in the room
      </label>
      {!readOnly && (
        <button type="button" className="btn btn-small btn-quiet" aria-label={`Delete ${of}`} onClick={() => window.confirm(`Delete ${of} for everyone?`) && onDelete()}>
          Delete
        </button>
      )}
    </li>
  );
}
