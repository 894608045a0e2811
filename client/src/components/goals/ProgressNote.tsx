// A goal's latest progress note with the day it was written, so the review starts from what the
// member reported between meetings (and the room sees how fresh it is).
import type { Goal } from '../../../../shared/goals/types.ts';
import { formatDay } from '../../lib/time.ts';

export function ProgressNote({ goal, className = 'goal-progress' }: { goal: Pick<Goal, 'progress' | 'progressAt'>; className?: string }) {
  if (!goal.progress) return null;
  return (
    <div className={className} data-testid="goal-progress">
      <span className="goal-progress-when">Progress{goal.progressAt ? ` (${formatDay(goal.progressAt)})` : ''}: </span>
      {goal.progress}
    </div>
  );
}
