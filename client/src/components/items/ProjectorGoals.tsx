// The wall during the goal review: the member in focus and their goals of last quarter, each
// with its status as the facilitator sets it (live), carry-overs marked, and the completion rate.
import { completionRate } from '../../../../shared/goals/completion.ts';
import type { GoalStatus } from '../../../../shared/goals/types.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { ratePct } from '../goals/labels.ts';
import { ProgressNote } from '../goals/ProgressNote.tsx';
import { useRecords } from './useRecords.ts';

const STATUS: Record<GoalStatus, string> = { open: 'Not reviewed yet', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

export function ProjectorGoals({ state }: { state: MeetingState }) {
  const { data } = useRecords<GoalReviewSet>(`/api/meetings/${state.meetingId}/goal-review`, 'goals');
  const userId = state.focusUserId;
  // The whole group's goals are too many for the wall: it shows one member's at a time.
  if (!data || !userId) return null;
  const goals = data.review.filter((g) => g.userId === userId);
  const rate = completionRate(goals, userId, data.reviewQuarter);
  return (
    <div className="projector-goals" data-testid="projector-goals">
      {goals.length === 0 ? (
        <p className="projector-quiet">No goals from {data.reviewQuarter}</p>
      ) : (
        <ul className={`projector-goal-list${goals.length > 5 ? ' is-many' : ''}`}>
          {goals.map((g) => (
            <li key={g.id} className={`projector-goal goal-${g.status}`}>
              {g.text}
              {g.carriedCount > 0 && <span className="projector-goal-carried"> (carried ×{g.carriedCount})</span>}
              <span className="projector-goal-status"> — {STATUS[g.status]}</span>
              <ProgressNote goal={g} className="projector-goal-progress" />
            </li>
          ))}
        </ul>
      )}
      {rate.rate !== null && <p className="projector-goal-rate">Completion {ratePct(rate.rate)}</p>}
    </div>
  );
}
