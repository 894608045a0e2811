// Goal review: last meeting's goals, member by member: done / partly / not done with what
// happened, set by the facilitator and seen live by everyone; the completion rate follows.
import { useState } from 'react';
import type { GroupMember } from '../../../../shared/domain.ts';
import { completionRate } from '../../../../shared/goals/completion.ts';
import type { Goal, GoalStatus } from '../../../../shared/goals/types.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { errorMessage, http } from '../../api/http.ts';
import { ratePct } from '../goals/labels.ts';
import { Alert } from '../Alert.tsx';
import { goalForKeys } from '../../lib/facilitatorKeys.ts';
import { MemberStepper } from './MemberStepper.tsx';
import { useRecords } from './useRecords.ts';
import { CarriedBadge } from '../goals/CarriedBadge.tsx';
import { ProgressNote } from '../goals/ProgressNote.tsx';

const STATUS: Record<GoalStatus, string> = { open: 'Not reviewed yet', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

interface Props {
  state: MeetingState;
  meetingId: string;
  groupId: string;
  companies: GroupMember[];
  isFacilitator: boolean;
  userId: string;
}

function GoalRow({ goal, owner, canReview, keyed, onError }: { goal: Goal; owner: string | null; canReview: boolean; keyed: boolean; onError: (m: string) => void }) {
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
        {owner && <span className="goal-owner">{owner}: </span>}
        <strong>{goal.text}</strong>
        {goal.target && <span className="muted"> — target: {goal.target}</span>}
        <CarriedBadge count={goal.carriedCount} />
        <span className="goal-status"> · {STATUS[goal.status]}</span>
        <ProgressNote goal={goal} />
        {goal.comment && !canReview && <div className="muted">{goal.comment}</div>}
      </div>
      {canReview && (
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

export function GoalReviewStage({ state, meetingId, companies, isFacilitator }: Props) {
  const { data, error } = useRecords<GoalReviewSet>(`/api/meetings/${meetingId}/goal-review`, 'goals');
  const [err, setErr] = useState<string | null>(null);
  const goals = (data?.review ?? []).filter((g) => !state.focusUserId || g.userId === state.focusUserId);
  // Done counts 1, partly 0.5, over the goals reviewed so far (the shared rule).
  // The goal the 1 / 2 / 3 keys mark (useFacilitatorKeys).
  const keyedId = goalForKeys(goals, state.focusUserId)?.id;
  const rate = data && state.focusUserId ? completionRate(goals, state.focusUserId, data.reviewQuarter) : null;
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
      {goals.length === 0 ? <p className="muted">No goals to review here.</p> : (
        <ul className="goal-list">{goals.map((g) => <GoalRow key={g.id} goal={g} keyed={isFacilitator && g.id === keyedId} owner={state.focusUserId ? null : (companies.find((m) => m.userId === g.userId)?.name ?? null)} canReview={isFacilitator} onError={setErr} />)}</ul>
      )}
    </div>
  );
}
