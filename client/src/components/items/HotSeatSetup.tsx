// The facilitator picks who is in the hot seat and on what: free text, or the proposal the
// room voted up (which also suggests its proposer as presenter).
import { useState, type FormEvent } from 'react';
import type { ListedMember } from '../../../../shared/domain.ts';
import { rankedTopics } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';

export function HotSeatSetup({ state, itemId, companies }: { state: MeetingState; itemId: string; companies: ListedMember[] }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const seat = state.hotSeats[itemId];
  const ranked = rankedTopics(state);
  const [presenterId, setPresenterId] = useState(seat?.presenterId ?? companies[0]?.userId ?? '');
  const [topic, setTopic] = useState(seat?.topic ?? '');
  const [proposalId, setProposalId] = useState(seat?.proposalId ?? '');

  const pick = (id: string) => {
    setProposalId(id);
    const t = state.topics.find((p) => p.id === id);
    if (!t) return;
    setTopic(t.title);
    if (companies.some((m) => m.userId === t.userId)) setPresenterId(t.userId);
  };
  const setup = (e: FormEvent) => {
    e.preventDefault();
    // A topic edited after picking a proposal is the facilitator's own wording, not the proposal.
    const fromProposal = state.topics.find((p) => p.id === proposalId && p.title === topic.trim());
    void sendCommand({ type: 'hotseat.setup', itemId, presenterId, topic, ...(fromProposal ? { proposalId: fromProposal.id } : {}) });
  };

  return (
    <form className="form form-inline hotseat-setup" onSubmit={setup} aria-label="Presenter and topic">
      <label>
        Presenter
        <select aria-label="Presenter" value={presenterId} onChange={(e) => setPresenterId(e.target.value)}>
          {companies.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      {ranked.length > 0 && (
        <label>
          From the proposals
          <select aria-label="From the proposals" value={proposalId} onChange={(e) => pick(e.target.value)}>
            <option value="">Own topic</option>
            {ranked.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title} ({t.voteCount})
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="grow">
        Topic
        <input value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} required />
      </label>
      <button type="submit" className="btn">
        Set presenter and topic
      </button>
    </form>
  );
}
