// New goals, member by member: this quarter's goals (carried-over ones already in place); the
// member adds and rewords their own, the facilitator may add for the member in focus and
// challenge vague ones. Everyone sees the changes live (records:changed).
import { useState, type FormEvent } from 'react';
import type { ListedMember } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { GoalReviewSet } from '../../../../shared/records.ts';
import { errorMessage } from '../../api/http.ts';
import { recordsApi } from '../../api/records.ts';
import { Alert } from '../Alert.tsx';
import { MemberStepper } from './MemberStepper.tsx';
import { NewGoalRow } from './NewGoalRow.tsx';
import { useRecords } from './useRecords.ts';

interface Props {
  state: MeetingState;
  meetingId: string;
  groupId: string;
  companies: ListedMember[];
  isFacilitator: boolean;
  userId: string;
}

export function NewGoalsStage({ state, meetingId, groupId, companies, isFacilitator, userId }: Props) {
  const { data, error } = useRecords<GoalReviewSet>(`/api/meetings/${meetingId}/goal-review`, 'goals');
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [err, setErr] = useState<string | null>(null);
  // With nobody in focus each member sees (and edits) their own goals.
  const owner = state.focusUserId ?? userId;
  const ownerName = companies.find((m) => m.userId === owner)?.name;
  const isCompany = companies.some((m) => m.userId === owner);
  const mayAdd = isCompany && (owner === userId || isFacilitator);
  const goals = (data?.new ?? []).filter((g) => g.userId === owner);
  // With nobody in focus the rest of the group's goals show too, live and read-only (the
  // facilitator may still flag them), so everyone sees the goals being set, not only their own.
  const others = state.focusUserId === null ? companies.filter((m) => m.userId !== owner) : [];

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!data) return;
    try {
      await recordsApi.addGoal(groupId, { quarter: data.newQuarter, text, target, ...(owner !== userId ? { userId: owner } : {}) });
      setText('');
      setTarget('');
    } catch (x) {
      setErr(errorMessage(x));
    }
  };

  return (
    <div data-testid="new-goals">
      <h3>Goals for {data?.newQuarter ?? 'this quarter'}{state.focusUserId && ownerName && ` — ${ownerName}`}</h3>
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error ?? err} onDismiss={() => setErr(null)} />
      {isCompany && state.focusUserId === null && <h4>My goals</h4>}
      {isCompany ? (
        <ul className="goal-list">
          {goals.map((g) => (
            <NewGoalRow key={g.id} goal={g} isOwner={g.userId === userId} isFacilitator={isFacilitator} onError={setErr} />
          ))}
          {goals.length === 0 && <li className="muted">No goals yet.</li>}
        </ul>
      ) : (
        others.length === 0 && <p className="muted">Pick a member to see their goals.</p>
      )}
      {mayAdd && data && (
        <form className="form form-inline" onSubmit={(e) => void add(e)} aria-label="Add a goal">
          <label className="grow">
            Goal
            <input value={text} onChange={(e) => setText(e.target.value)} required maxLength={300} />
          </label>
          <label className="grow">
            Measurable target
            <input value={target} onChange={(e) => setTarget(e.target.value)} maxLength={300} />
          </label>
          <button type="submit" className="btn btn-primary">
            Add goal
          </button>
        </form>
      )}
      {data && others.length > 0 && (
        <section className="new-goals-others" aria-labelledby="new-goals-others-h" data-testid="group-new-goals">
          <h4 id="new-goals-others-h">{isCompany ? 'The rest of the group' : "Every member's goals"}</h4>
          {others.map((m) => {
            const theirs = data.new.filter((g) => g.userId === m.userId);
            return (
              <section key={m.userId} aria-label={`Goals of ${m.name}`}>
                <h5>{m.name}</h5>
                <ul className="goal-list">
                  {theirs.map((g) => (
                    <NewGoalRow key={g.id} goal={g} isOwner={false} isFacilitator={isFacilitator} onError={setErr} />
                  ))}
                  {theirs.length === 0 && <li className="muted">No goals yet.</li>}
                </ul>
              </section>
            );
          })}
        </section>
      )}
    </div>
  );
}
