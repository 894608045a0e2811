// Drop or reword a carried goal, always with a reason (its owner or the facilitator). The
// record keeps the reason and the first wording; the list updates on every screen.
import { useState, type FormEvent } from 'react';
import { GOAL_CHANGE_REASON_MAX } from '../../../../shared/goals/carriedChanges.ts';
import type { Goal } from '../../../../shared/goals/types.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import { errorMessage, http } from '../../api/http.ts';

/** Whether the actions apply: a carried goal still open and not dropped. */
export const changeable = (g: Goal): boolean => g.carriedCount > 0 && g.status === 'open' && !g.dropped;

/** `onChanged` gets the goal as stored, for pages that are not kept live by records:changed. */
export function CarriedGoalActions({ goal, onError, onChanged }: { goal: Goal; onError: (message: string) => void; onChanged?: (g: Goal) => void }) {
  const [mode, setMode] = useState<'drop' | 'reword' | null>(null);
  const [text, setText] = useState(goal.text);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!changeable(goal)) return null;
  const close = () => {
    setMode(null);
    setReason('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const request = mode === 'drop' ? http.post<Goal>(`/api/goals/${goal.id}/drop`, { reason }) : http.post<Goal>(`/api/goals/${goal.id}/reword`, { text, reason });
    request
      .then((saved) => {
        close();
        onChanged?.(saved);
      }, (err) => onError(errorMessage(err)))
      .finally(() => setBusy(false));
  };
  if (!mode) {
    return (
      <span className="goal-actions carried-actions">
        <button type="button" className="btn btn-quiet" aria-label={`Drop ${goal.text}`} onClick={() => setMode('drop')}>
          Drop
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          aria-label={`Reword ${goal.text}`}
          onClick={() => {
            setText(goal.text);
            setMode('reword');
          }}
        >
          Reword
        </button>
      </span>
    );
  }
  return (
    <form className="carried-form" onSubmit={submit} aria-label={mode === 'drop' ? `Drop ${goal.text}` : `Reword ${goal.text}`}>
      {mode === 'reword' && (
        <label>
          New wording
          <input value={text} required maxLength={LIMITS.goalTextMax} onChange={(e) => setText(e.target.value)} />
        </label>
      )}
      <label>
        {mode === 'drop' ? 'Why drop it' : 'Why reword it'}
        <input value={reason} required maxLength={GOAL_CHANGE_REASON_MAX} onChange={(e) => setReason(e.target.value)} autoFocus />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {mode === 'drop' ? 'Drop goal' : 'Save wording'}
      </button>
      <button type="button" className="btn" onClick={close}>
        Cancel
      </button>
    </form>
  );
}
