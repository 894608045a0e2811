// One of my goals with its progress notes, kept between meetings so the review starts from facts.
import { useState, type FormEvent } from 'react';
import type { Goal } from '../../../../shared/goals/types.ts';
import { GOAL_PROGRESS_MAX } from '../../../../shared/goals/carryOver.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { GOAL_STATUS_LABEL } from './labels.ts';
import '../financials/financials.css';
import { CarriedBadge } from './CarriedBadge.tsx';
import { CarriedGoalActions } from './CarriedGoalActions.tsx';
import { CarriedFlag, GoalChangeNote } from './GoalChangeNote.tsx';

export function ProgressEditor({ goal, onSaved }: { goal: Goal; onSaved: (g: Goal) => void }) {
  const [progress, setProgress] = useState(goal.progress);
  const [state, setState] = useState<{ busy: boolean; note: string | null; error: string | null }>({ busy: false, note: null, error: null });
  const id = `progress-${goal.id}`;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true, note: null, error: null });
    try {
      onSaved(await recordsApi.patchGoal(goal.id, { progress }));
      setState({ busy: false, note: 'Saved.', error: null });
    } catch (err) {
      setState({ busy: false, note: null, error: errorMessage(err) });
    }
  };
  return (
    <li className={`goal goal-${goal.status}`}>
      <div>
        <strong>{goal.text}</strong>
        {goal.target && <span className="muted"> — target: {goal.target}</span>}
        <CarriedBadge count={goal.carriedCount} />
        <CarriedFlag goal={goal} />
        {goal.vague && <span className="badge badge-warn">vague</span>}
        <span className="goal-status"> · {goal.dropped ? 'Dropped' : GOAL_STATUS_LABEL[goal.status]}</span>
        <GoalChangeNote goal={goal} />
      </div>
      <CarriedGoalActions goal={goal} onChanged={onSaved} onError={(error) => setState({ busy: false, note: null, error })} />
      <form className="form progress-form" onSubmit={(e) => void save(e)}>
        <label htmlFor={id}>Progress notes</label>
        <textarea id={id} rows={2} maxLength={GOAL_PROGRESS_MAX} value={progress} onChange={(e) => setProgress(e.target.value)} />
        <div className="button-row">
          <button type="submit" className="btn btn-small" disabled={state.busy || progress === goal.progress} aria-label={`Save progress on ${goal.text}`}>
            Save progress
          </button>
          {state.note && <span role="status">{state.note}</span>}
          {state.error && <span role="alert" className="alert-text">{state.error}</span>}
        </div>
      </form>
    </li>
  );
}
