// Goal review (last meeting's goals, member by member: done / partly / not done, live) and
// new goals (this quarter's, carried-over ones already in place; add, flag vague).
import { useState, type FormEvent } from 'react';
import type { GroupMember } from '../../../../shared/domain.ts';
import type { Goal, GoalStatus } from '../../../../shared/goals/types.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { errorMessage, http } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';
import { MemberStepper } from './MemberStepper.tsx';
import { useRecords } from './useRecords.ts';

const STATUS: Record<GoalStatus, string> = { open: 'Not reviewed yet', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

interface Props {
  state: MeetingState;
  meetingId: string;
  groupId: string;
  companies: GroupMember[];
  isFacilitator: boolean;
  userId: string;
}

function GoalRow({ goal, canReview, onError }: { goal: Goal; canReview: boolean; onError: (m: string) => void }) {
  const [comment, setComment] = useState(goal.comment);
  const review = (status: Exclude<GoalStatus, 'open'>) =>
    http.put(`/api/goals/${goal.id}/review`, { status, comment }).catch((e) => onError(errorMessage(e)));
  return (
    <li className={`goal goal-${goal.status}`}>
      <div>
        <strong>{goal.text}</strong>
        {goal.target && <span className="muted"> — target: {goal.target}</span>}
        {goal.carriedCount > 0 && <span className="badge"> carried ×{goal.carriedCount}</span>}
        <span className="goal-status"> · {STATUS[goal.status]}</span>
        {goal.comment && !canReview && <div className="muted">{goal.comment}</div>}
      </div>
      {canReview && (
        <div className="button-row">
          <input aria-label={`Comment on ${goal.text}`} value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} placeholder="What happened" />
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
  return (
    <div data-testid="goal-review">
      <h3>Goals of {data?.reviewQuarter ?? 'last quarter'}</h3>
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error ?? err} onDismiss={() => setErr(null)} />
      {goals.length === 0 ? <p className="muted">No goals to review here.</p> : (
        <ul className="goal-list">{goals.map((g) => <GoalRow key={`${g.id}-${g.status}`} goal={g} canReview={isFacilitator} onError={setErr} />)}</ul>
      )}
    </div>
  );
}

export function NewGoalsStage({ state, meetingId, groupId, companies, isFacilitator, userId }: Props) {
  const { data, error } = useRecords<GoalReviewSet>(`/api/meetings/${meetingId}/goal-review`, 'goals');
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const owner = state.focusUserId ?? userId;
  const mayAdd = owner === userId || isFacilitator;
  const goals = (data?.new ?? []).filter((g) => g.userId === owner);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await http.post(`/api/groups/${groupId}/goals`, { quarter: data?.newQuarter, text, target, ...(owner !== userId ? { userId: owner } : {}) });
      setText('');
      setTarget('');
    } catch (x) {
      setErr(errorMessage(x));
    }
  };
  const flag = (g: Goal) => http.patch(`/api/goals/${g.id}`, { vague: !g.vague }).catch((x) => setErr(errorMessage(x)));
  return (
    <div data-testid="new-goals">
      <h3>Goals for {data?.newQuarter ?? 'next quarter'}</h3>
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error ?? err} onDismiss={() => setErr(null)} />
      <ul className="goal-list">
        {goals.map((g) => (
          <li key={g.id} className="goal">
            <strong>{g.text}</strong>
            {g.target && <span className="muted"> — target: {g.target}</span>}
            {g.carriedCount > 0 && <span className="badge"> carried ×{g.carriedCount}</span>}
            {g.vague && <span className="badge badge-warn"> vague: add a measurable target</span>}
            {isFacilitator && (
              <button type="button" className="btn btn-small" onClick={() => void flag(g)}>
                {g.vague ? 'Not vague' : 'Flag as vague'}
              </button>
            )}
          </li>
        ))}
        {goals.length === 0 && <li className="muted">No goals yet.</li>}
      </ul>
      {mayAdd && data && (
        <form className="form form-inline" onSubmit={(e) => void add(e)} aria-label="Add a goal">
          <label className="grow">Goal<input value={text} onChange={(e) => setText(e.target.value)} required maxLength={300} /></label>
          <label className="grow">Measurable target<input value={target} onChange={(e) => setTarget(e.target.value)} maxLength={300} /></label>
          <button type="submit" className="btn btn-primary">Add goal</button>
        </form>
      )}
    </div>
  );
}
