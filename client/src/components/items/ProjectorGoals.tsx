// Goals on the wall. Goal review: the member in focus's goals of last quarter, each with its
// status as the facilitator sets it (live), carry-overs marked, progress and the completion
// rate. New goals: the member in focus's goals for the coming quarter as they are written.
// Nobody in focus: the whole group's list, grouped by member, each with their progress. A goal
// carried three quarters is flagged for the group; dropped and reworded goals say so.
import { completionRate } from '../../../../shared/goals/completion.ts';
import type { Goal, GoalStatus } from '../../../../shared/goals/types.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { goalsByMember } from '../../../../shared/goals/grouping.ts';
import { isFlagged } from '../../../../shared/goals/carriedChanges.ts';
import { useStore } from '../../store/index.ts';
import { CarriedFlag, GoalChangeNote } from '../goals/GoalChangeNote.tsx';
import { MemberProgress } from '../goals/MemberProgress.tsx';
import { ratePct } from '../goals/labels.ts';
import { ProgressNote } from '../goals/ProgressNote.tsx';
import { useRecords } from './useRecords.ts';

/**
 * Most goals the whole-group wall lists one by one: at a back-row size (3.3 % of the height) three
 * columns hold about this many with their owners' names. Past it the wall shows each member's
 * progress and only the goals flagged for the group; the facilitator steps members for the rest.
 */
export const WALL_GROUP_GOALS_MAX = 12;

const STATUS: Record<GoalStatus, string> = { open: 'Not reviewed yet', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

function GoalLine({ goal, review }: { goal: Goal; review: boolean }) {
  return (
    <li className={`projector-goal goal-${goal.status}`}>
      {goal.text}
      {goal.carriedCount > 0 && <span className="projector-goal-carried"> (carried ×{goal.carriedCount})</span>}
      <CarriedFlag goal={goal} className="projector-goal-flag" />
      {review ? <span className="projector-goal-status"> — {goal.dropped ? 'Dropped' : STATUS[goal.status]}</span> : goal.target && <span className="projector-goal-carried"> — {goal.target}</span>}
      <GoalChangeNote goal={goal} className="projector-goal-change" />
      {review && <ProgressNote goal={goal} className="projector-goal-progress" />}
    </li>
  );
}

export function ProjectorGoals({ state, which }: { state: MeetingState; which: 'review' | 'new' }) {
  const { data } = useRecords<GoalReviewSet>(`/api/meetings/${state.meetingId}/goal-review`, 'goals');
  const members = useStore((s) => s.members);
  if (!data) return null;
  const review = which === 'review';
  const all = review ? data.review : data.new;
  const quarter = review ? data.reviewQuarter : data.newQuarter;
  const userId = state.focusUserId;
  if (!userId) {
    // Grouped by member, in the group's order; members without goals are left out.
    const groups = goalsByMember(all, members.map((m) => m.userId), quarter);
    const nameOf = (id: string) => members.find((m) => m.userId === id)?.name ?? 'A former member';
    const total = groups.reduce((n, g) => n + g.goals.length, 0);
    const summary = total > WALL_GROUP_GOALS_MAX;
    return (
      <div className="projector-goals" data-testid="projector-goals">
        {summary && <p className="wall-goal-summary-note" data-testid="wall-goal-summary">{total} goals: each member’s goals show when they are in focus</p>}
        <div className="wall-goal-groups">
          {groups.length === 0 ? (
            <p className="projector-quiet">{review ? `No goals from ${quarter}` : `No goals for ${quarter} yet`}</p>
          ) : (
            groups.map(({ userId: owner, goals, progress }) => {
              const listed = summary ? goals.filter(isFlagged) : goals;
              return (
                <section key={owner} className="wall-goal-group" aria-label={nameOf(owner)}>
                  <h2 className="wall-goal-owner">{nameOf(owner)}</h2>
                  {review ? <MemberProgress progress={progress} className="wall-goal-progress" compact /> : summary && <p className="wall-goal-progress">{goals.length === 1 ? '1 goal' : `${goals.length} goals`}</p>}
                  {listed.length > 0 && (
                    <ul className="projector-goal-list">
                      {listed.map((g) => (
                        <GoalLine key={g.id} goal={g} review={review} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })
          )}
        </div>
      </div>
    );
  }
  const goals = all.filter((g) => g.userId === userId);
  const rate = review ? completionRate(goals, userId, quarter) : null;
  return (
    <div className="projector-goals" data-testid="projector-goals">
      {goals.length === 0 ? (
        <p className="projector-quiet">{review ? `No goals from ${quarter}` : `No goals for ${quarter} yet`}</p>
      ) : (
        <ul className={`projector-goal-list${goals.length > 5 ? ' is-many' : ''}`}>
          {goals.map((g) => (
            <GoalLine key={g.id} goal={g} review={review} />
          ))}
        </ul>
      )}
      {rate && rate.rate !== null && <p className="projector-goal-rate">Completion {ratePct(rate.rate)}</p>}
    </div>
  );
}
