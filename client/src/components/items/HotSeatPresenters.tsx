// Further presenters for one hot-seat item: each brings their own issue and gets their own turn
// through the whole protocol, in an equal share of the item's time. The first presenter is set
// with HotSeatSetup; this adds one after the others, or takes one off the list.
import { useState, type FormEvent } from 'react';
import type { ListedMember } from '../../../../shared/domain.ts';
import { LIMITS } from '../../../../shared/limits.ts';
import type { HotSeatPresenter, HotSeatState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';

const asCommand = (p: HotSeatPresenter) => ({ userId: p.userId, topic: p.topic, ...(p.proposalId ? { proposalId: p.proposalId } : {}) });

export function HotSeatPresenters({ itemId, seat, companies }: { itemId: string; seat: HotSeatState; companies: ListedMember[] }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const free = companies.filter((m) => !seat.presenters.some((p) => p.userId === m.userId));
  const [userId, setUserId] = useState(free[0]?.userId ?? '');
  const [topic, setTopic] = useState('');
  if (seat.presenters.length === 0) return null;
  const send = (presenters: HotSeatPresenter[]) => void sendCommand({ type: 'hotseat.presenters', itemId, presenters: presenters.map(asCommand) });
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!userId || !topic.trim()) return;
    send([...seat.presenters, { userId, topic: topic.trim(), proposalId: null }]);
  };
  const nameOf = (id: string) => companies.find((m) => m.userId === id)?.name ?? 'Someone';
  return (
    <div className="hotseat-presenters">
      {seat.presenters.length > 1 && (
        <ul className="plain-list" aria-label="Presenters of this hot seat">
          {seat.presenters.map((p, i) => (
            <li key={p.userId}>
              {i + 1}. {nameOf(p.userId)}: {p.topic}{' '}
              {i !== seat.turn && (
                <button type="button" className="btn btn-small" aria-label={`Take ${nameOf(p.userId)} off this hot seat`} onClick={() => send(seat.presenters.filter((x) => x.userId !== p.userId))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {seat.presenters.length < LIMITS.presentersPerSeatMax && free.length > 0 && (
        <form className="form form-inline" onSubmit={add} aria-label="Add a presenter">
          <label>
            Another presenter
            <select value={userId} onChange={(e) => setUserId(e.target.value)}>
              {free.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="grow">
            Their topic
            <input value={topic} maxLength={LIMITS.topicTitleMax} onChange={(e) => setTopic(e.target.value)} required />
          </label>
          <button type="submit" className="btn">
            Add presenter
          </button>
        </form>
      )}
    </div>
  );
}
