// One goal in the new-goals round: its owner rewords or deletes it, the facilitator flags a
// vague one. Carried-over goals can't be deleted: an unfinished goal does not go away; its owner
// or the facilitator drops or rewords it with a reason instead (the Edit form keeps its words).
import { useState, type FormEvent } from 'react';
import type { Goal } from '../../../../shared/goals/types.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { CarriedBadge } from '../goals/CarriedBadge.tsx';
import { CarriedGoalActions } from '../goals/CarriedGoalActions.tsx';
import { CarriedFlag, GoalChangeNote } from '../goals/GoalChangeNote.tsx';

interface Props {
  goal: Goal;
  isOwner: boolean;
  isFacilitator: boolean;
  onError: (message: string) => void;
}

export function NewGoalRow({ goal, isOwner, isFacilitator, onError }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(goal.text);
  const [target, setTarget] = useState(goal.target);
  const fail = (e: unknown) => onError(errorMessage(e));
  const carried = goal.carriedCount > 0;
  // Start from the goal as it is now: the row stays mounted while others flag or reword it.
  const startEditing = () => {
    setText(goal.text);
    setTarget(goal.target);
    setEditing(true);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      // A carried goal's words change only with a reason (Reword).
      await recordsApi.patchGoal(goal.id, carried ? { target } : { text, target });
      setEditing(false);
    } catch (err) {
      fail(err);
    }
  };

  if (editing) {
    return (
      <li className="goal">
        <form className="form form-inline" onSubmit={(e) => void save(e)} aria-label={`Edit ${goal.text}`}>
          {carried ? (
            <strong className="grow">{goal.text}</strong>
          ) : (
            <label className="grow">
              Goal
              <input value={text} onChange={(e) => setText(e.target.value)} required maxLength={300} />
            </label>
          )}
          <label className="grow">
            Measurable target
            <input value={target} onChange={(e) => setTarget(e.target.value)} maxLength={300} />
          </label>
          <button type="submit" className="btn btn-primary btn-small">
            Save
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className="goal">
      <strong>{goal.text}</strong>
      {goal.target ? <span className="muted"> — target: {goal.target}</span> : <span className="muted"> — no target yet</span>}
      <CarriedBadge count={goal.carriedCount} />
      <CarriedFlag goal={goal} />
      {goal.vague && <span className="badge badge-warn">Vague: add a measurable target</span>}
      <GoalChangeNote goal={goal} />
      <span className="button-row goal-actions">
        {isOwner && !goal.dropped && (
          <button type="button" className="btn btn-small" aria-label={`Edit ${goal.text}`} onClick={startEditing}>
            Edit
          </button>
        )}
        {isOwner && !goal.carriedFromId && (
          <button type="button" className="btn btn-small btn-quiet" aria-label={`Delete ${goal.text}`} onClick={() => void recordsApi.deleteGoal(goal.id).catch(fail)}>
            Delete
          </button>
        )}
        {isFacilitator && (
          <button type="button" className="btn btn-small" aria-pressed={goal.vague} aria-label={`${goal.vague ? 'Clear the vague flag on' : 'Flag as vague:'} ${goal.text}`} onClick={() => void recordsApi.patchGoal(goal.id, { vague: !goal.vague }).catch(fail)}>
            {goal.vague ? 'Not vague' : 'Vague'}
          </button>
        )}
      </span>
      {(isOwner || isFacilitator) && <CarriedGoalActions goal={goal} onError={onError} />}
    </li>
  );
}
