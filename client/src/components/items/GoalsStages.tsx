// Goal review: last meeting's goals, member by member: done / partly / not done with what
// happened, set by the facilitator and seen live by everyone; the completion rate follows.
// The whole group's list is grouped by member, each with their progress; a carried goal can be
// dropped or reworded with a reason (owner or facilitator), and one carried 3 quarters is flagged.
import { useState } from 'react';
import type { ListedMember } from '../../../../shared/domain.ts';
import { completionRate } from '../../../../shared/goals/completion.ts';
import type { Goal, GoalStatus } from '../../../../shared/goals/types.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { errorMessage, http } from '../../api/http.ts';
import { ratePct } from '../goals/labels.ts';
import { Alert } from '../Alert.tsx';
import { goalForKeys } from '../../lib/facilitatorKeys.ts';
import { useStore } from '../../store/index.ts';
import { goalsByMember } from '../../../../shared/goals/grouping.ts';
import { CarriedGoalActions } from '../goals/CarriedGoalActions.tsx';
import { CarriedFlag, GoalChangeNote } from '../goals/GoalChangeNote.tsx';
import { MemberProgress } from '../goals/MemberProgress.tsx';
import { MemberStepper } from './MemberStepper.tsx';
import { useRecords } from './useRecords.ts';
import { CarriedBadge } from '../goals/CarriedBadge.tsx';
import { ProgressNote } from '../goals/ProgressNote.tsx';

const STATUS: Record<GoalStatus, string> = { open: 'Not reviewed yet', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

interface Props {
  state: MeetingState;
  meetingId: string;
  groupId: string;
  companies: ListedMember[];
  isFacilitator: boolean;
  userId: string;
}

interface RowProps {
  goal: Goal;
  /** Review controls: the facilitator's. */
  canReview: boolean;
  /** Drop / reword: the facilitator or the goal's owner. */
  canChange: boolean;
  keyed: boolean;
  onError: (m: string) => void;
}

function GoalRow({ goal, canReview, canChange, keyed, onError }: RowProps) {
  // What the facilitator is typing; null shows the stored comment, so a change made
  // elsewhere appears here unless one is being typed.
  const [draft, setDraft] = useState<string | null>(null);
  const comment = draft ?? goal.comment;
  const review = (status: Exclude<GoalStatus, 'open'>) =>
    http.put(`/api/goals/${goal.id}/review`, { status, comment }).then(() => setDraft(null), (e) => onError(errorMessage(e)));
  // A reviewed goal's comment is saved when the field is left; an open one's with its status.
  const saveComment = () => {
    if (draft !== null && draft !== goal.comment && goal.status !== 'open') void review(goal.status);
  };
  return (
    <li className={`goal goal-${goal.status}${keyed ? ' is-keyed' : ''}`} data-keyed={keyed || undefined}>
      <div>
        <strong>{goal.text}</strong>
        {goal.target && <span className="muted"> — target: {goal.target}</span>}
        <CarriedBadge count={goal.carriedCount} />
        <CarriedFlag goal={goal} />
        <span className="goal-status"> · {goal.dropped ? 'Dropped' : STATUS[goal.status]}</span>
        <GoalChangeNote goal={goal} />
        <ProgressNote goal={goal} />
        {goal.comment && !canReview && <div className="muted">{goal.comment}</div>}
      </div>
      {canChange && <CarriedGoalActions goal={goal} onError={onError} />}
      {canReview && !goal.dropped && (
        <div className="button-row">
          <input aria-label={`Comment on ${goal.text}`} value={comment} maxLength={500} onChange={(e) => setDraft(e.target.value)} onBlur={saveComment} placeholder="What happened" />
          <button type="button" className="btn" aria-pressed={goal.status === 'done'} onClick={() => void review('done')}>Done</button>
          <button type="button" className="btn" aria-pressed={goal.status === 'partly'} onClick={() => void review('partly')}>Partly</button>
          <button type="button" className="btn" aria-pressed={goal.status === 'not_done'} onClick={() => void review('not_done')}>Not done</button>
        </div>
      )}
    </li>
  );
}

export function GoalReviewStage({ state, meetingId, companies, isFacilitator, userId }: Props) {
  const { data, error } = useRecords<GoalReviewSet>(`/api/meetings/${meetingId}/goal-review`, 'goals');
  const cursor = useStore((s) => s.goalCursor);
  const [err, setErr] = useState<string | null>(null);
  const goals = (data?.review ?? []).filter((g) => !state.focusUserId || g.userId === state.focusUserId);
  // The goal the 1 / 2 / 3 keys mark (useFacilitatorKeys): the one under the goal cursor.
  const keyedId = goalForKeys(goals, state.focusUserId, cursor)?.id;
  // Done counts 1, partly 0.5, over the goals reviewed so far (the shared rule).
  const rate = data && state.focusUserId ? completionRate(goals, state.focusUserId, data.reviewQuarter) : null;
  const row = (g: Goal) => (
    <GoalRow key={g.id} goal={g} keyed={isFacilitator && g.id === keyedId} canReview={isFacilitator} canChange={isFacilitator || g.userId === userId} onError={setErr} />
  );
  const nameOf = (id: string) => companies.find((m) => m.userId === id)?.name ?? 'A former member';
  return (
    <div data-testid="goal-review">
      <h3>Goals of {data?.reviewQuarter ?? 'last quarter'}</h3>
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error ?? err} onDismiss={() => setErr(null)} />
      {rate && rate.total > 0 && (
        <p className="completion" data-testid="completion">
          Completion: <strong>{ratePct(rate.rate)}</strong> ({rate.done} done, {rate.partly} partly, {rate.notDone} not done
          {rate.total - rate.done - rate.partly - rate.notDone > 0 && `, ${rate.total - rate.done - rate.partly - rate.notDone} to review`})
        </p>
      )}
      {goals.length === 0 ? (
        <p className="muted">No goals to review here.</p>
      ) : state.focusUserId ? (
        <ul className="goal-list">{goals.map(row)}</ul>
      ) : (
        // The whole group: one block per member, with their progress.
        goalsByMember(goals, companies.map((m) => m.userId), data!.reviewQuarter).map((block) => (
            <section key={block.userId} className="goal-member" aria-labelledby={`goals-of-${block.userId}`} data-testid="goal-member">
              <h4 id={`goals-of-${block.userId}`} className="goal-owner">{nameOf(block.userId)}</h4>
              <MemberProgress progress={block.progress} />
              <ul className="goal-list">{block.goals.map(row)}</ul>
            </section>
        ))
      )}
    </div>
  );
}
