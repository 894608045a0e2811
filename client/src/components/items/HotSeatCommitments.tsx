// The hot seat's commitments stage: the presenter's commitments, written down as they are said
// by the presenter or by the facilitator on their behalf (shared/access mayRecordCommitment),
// and each one can become a goal for the quarter so the next meeting reviews it.
import { useState, type FormEvent } from 'react';
import { addCommitment, COMMITMENT_WHAT_MAX, type Commitment } from '../../../../shared/collab/commitments.ts';
import { mayRecordCommitment } from '../../../../shared/access/index.ts';
import type { Meeting } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import type { Goal } from '../../../../shared/goals/types.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { newItemId } from '../../lib/ids.ts';
import { Alert } from '../Alert.tsx';
import { useCommitmentList } from './useCommitmentList.ts';
import { useRecords } from './useRecords.ts';

interface Props {
  meeting: Meeting;
  state: MeetingState;
  presenterId: string;
  presenterName: string;
  userId: string;
}

export function HotSeatCommitments({ meeting, state, presenterId, presenterName, userId }: Props) {
  const role = useStore((s) => s.you?.role ?? null);
  const { handle, items } = useCommitmentList(meeting.id);
  const goals = useRecords<GoalReviewSet>(`/api/meetings/${meeting.id}/goal-review`, 'goals');
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mine = items.filter((c) => c.who === presenterId);
  const mayWrite = role !== null && mayRecordCommitment(state, { userId, role }, presenterId);
  // Already a goal: same owner and text among this quarter's goals (live via records:changed).
  const isGoal = (c: Commitment) => (goals.data?.new ?? []).some((g: Goal) => g.userId === c.who && g.text === c.what);

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!handle || !what.trim()) return;
    addCommitment(handle.doc, { id: newItemId(), who: presenterId, what: what.trim(), due, status: 'open', confidential: false, createdBy: userId, createdAt: new Date().toISOString() });
    setWhat('');
    setDue('');
  };
  const makeGoal = async (c: Commitment) => {
    setError(null);
    try {
      await recordsApi.addGoal(meeting.groupId, { quarter: meeting.quarter, text: c.what, target: '', ...(c.who === userId ? {} : { userId: c.who }) });
      goals.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="hotseat-commitments" aria-labelledby="hs-commit-h" data-testid="hotseat-commitments">
      <h4 id="hs-commit-h">{presenterName} commits to</h4>
      <Alert message={error} onDismiss={() => setError(null)} />
      {mine.length === 0 ? (
        <p className="muted">No commitments written down yet.</p>
      ) : (
        <ul className="goal-list">
          {mine.map((c) => (
            <li key={c.id} className="commitment-line">
              <span>
                {c.what}
                {c.due && <span className="muted"> — by {c.due}</span>}
              </span>
              {isGoal(c) ? (
                <span className="badge badge-ok">Goal for {meeting.quarter}</span>
              ) : (
                mayWrite && (
                  <button type="button" className="btn btn-small" onClick={() => void makeGoal(c)} aria-label={`Make next quarter's goal: ${c.what}`}>
                    Make next quarter's goal
                  </button>
                )
              )}
            </li>
          ))}
        </ul>
      )}
      {mayWrite && handle && (
        <form className="form form-inline" onSubmit={add}>
          <label className="grow">
            Commitment
            <input value={what} maxLength={COMMITMENT_WHAT_MAX} onChange={(e) => setWhat(e.target.value)} required />
          </label>
          <label>
            Due
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            Write it down
          </button>
        </form>
      )}
    </section>
  );
}
