// What happened to a carried goal besides its review: dropped with a reason, or reworded (the
// first wording and the reason), and the flag for a goal carried three quarters or more.
import './goals.css';
import { CARRIED_FLAG_AT, isFlagged } from '../../../../shared/goals/carriedChanges.ts';
import type { Goal } from '../../../../shared/goals/types.ts';

export function CarriedFlag({ goal, className = 'badge badge-warn goal-flag' }: { goal: Pick<Goal, 'carriedCount' | 'dropped'>; className?: string }) {
  if (!isFlagged(goal)) return null;
  return (
    <>
      {' '}
      <span className={className} data-testid="carried-flag" title={`Carried over ${CARRIED_FLAG_AT} quarters or more: worth a word from the group`}>
        carried {goal.carriedCount} quarters — discuss
      </span>
    </>
  );
}

export function GoalChangeNote({ goal, className = 'goal-change' }: { goal: Pick<Goal, 'dropped' | 'reworded'>; className?: string }) {
  if (!goal.dropped && !goal.reworded) return null;
  return (
    <div className={className} data-testid="goal-change">
      {goal.dropped && <div>dropped: {goal.dropped.reason}</div>}
      {goal.reworded && (
        <div>
          reworded from “{goal.reworded.from}”: {goal.reworded.reason}
        </div>
      )}
    </div>
  );
}
