// Hot-seat topics members propose before or during the meeting, ranked by votes. The proposer
// or the facilitator may withdraw one.
import { useState, type FormEvent } from 'react';
import { rankedTopics } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { newItemId } from '../../lib/ids.ts';
import { useStore } from '../../store/index.ts';

interface Props {
  state: MeetingState;
  canPropose: boolean;
  userId: string;
  isFacilitator: boolean;
}

export function TopicProposals({ state, canPropose, userId, isFacilitator }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const nameOf = useNames();
  const [title, setTitle] = useState('');
  const open = state.status !== 'ended';
  const propose = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void sendCommand({ type: 'topic.propose', id: newItemId(), title: title.trim() }).then((r) => r.ok && setTitle(''));
  };
  return (
    <div className="topics" data-testid="topic-proposals">
      <h4>Proposed hot-seat topics</h4>
      <ol className="goal-list">
        {rankedTopics(state).map((t) => {
          // Votes are anonymous: we hold the count and, if we voted, our own vote only.
          const voted = t.votes.includes(userId);
          return (
            <li key={t.id} className="topic">
              <span>
                {t.title} <span className="muted">— {nameOf(t.userId)}, {t.voteCount} vote{t.voteCount === 1 ? '' : 's'}</span>
                {t.id.startsWith('park-') && <span className="badge">from the parking lot</span>}
              </span>
              {open && (
                <span className="button-row">
                  {canPropose && (
                    <button type="button" className="btn btn-small" aria-pressed={voted} aria-label={`${voted ? 'Remove my vote for' : 'Vote for'} ${t.title}`} onClick={() => void sendCommand({ type: 'topic.vote', id: t.id })}>
                      {voted ? 'Voted' : 'Vote'}
                    </button>
                  )}
                  {(t.userId === userId || isFacilitator) && (
                    <button type="button" className="btn btn-small btn-quiet" aria-label={`Withdraw ${t.title}`} onClick={() => void sendCommand({ type: 'topic.withdraw', id: t.id })}>
                      Withdraw
                    </button>
                  )}
                </span>
              )}
            </li>
          );
        })}
        {state.topics.length === 0 && <li className="muted">No proposals yet.</li>}
      </ol>
      {canPropose && open && (
        <form className="form form-inline" onSubmit={propose}>
          <label className="grow">
            Propose a topic
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="submit" className="btn">
            Propose
          </button>
        </form>
      )}
    </div>
  );
}
