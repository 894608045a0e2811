// Hot seat: who presents what, the stage the room is in (each time-boxed, with its rule), and
// the topics members proposed, ranked by votes.
import { useState, type FormEvent } from 'react';
import type { GroupMember } from '../../../../shared/domain.ts';
import { HOT_SEAT_STAGES, rankedTopics } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { newItemId } from '../../lib/ids.ts';
import { useStore } from '../../store/index.ts';

export function TopicProposals({ state, canPropose, userId }: { state: MeetingState; canPropose: boolean; userId: string }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const [title, setTitle] = useState('');
  const propose = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void sendCommand({ type: 'topic.propose', id: newItemId(), title: title.trim() }).then((r) => r.ok && setTitle(''));
  };
  return (
    <div className="topics">
      <h4>Proposed hot-seat topics</h4>
      <ol className="goal-list">
        {rankedTopics(state).map((t) => (
          <li key={t.id}>
            {t.title} <span className="muted">({t.votes.length} vote{t.votes.length === 1 ? '' : 's'})</span>{' '}
            {canPropose && (
              <button type="button" className="btn btn-small" aria-pressed={t.votes.includes(userId)} onClick={() => void sendCommand({ type: 'topic.vote', id: t.id })}>
                {t.votes.includes(userId) ? 'Unvote' : 'Vote'}
              </button>
            )}
          </li>
        ))}
        {state.topics.length === 0 && <li className="muted">No proposals yet.</li>}
      </ol>
      {canPropose && (
        <form className="form form-inline" onSubmit={propose} aria-label="Propose a topic">
          <label className="grow">Propose a topic<input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} /></label>
          <button type="submit" className="btn">Propose</button>
        </form>
      )}
    </div>
  );
}

export function HotSeatStage({ state, companies, isFacilitator, userId, canPropose }: { state: MeetingState; companies: GroupMember[]; isFacilitator: boolean; userId: string; canPropose: boolean }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const item = state.agenda[state.currentIndex];
  const seat = item ? state.hotSeats[item.id] : undefined;
  const [presenterId, setPresenterId] = useState(seat?.presenterId ?? companies[0]?.userId ?? '');
  const [topic, setTopic] = useState(seat?.topic ?? '');
  if (!item) return null;
  const presenter = companies.find((m) => m.userId === seat?.presenterId);
  const stage = HOT_SEAT_STAGES.find((s) => s.stage === seat?.stage);
  const nextStage = HOT_SEAT_STAGES[(stage ? HOT_SEAT_STAGES.indexOf(stage) : -1) + 1];
  const setup = (e: FormEvent) => {
    e.preventDefault();
    void sendCommand({ type: 'hotseat.setup', itemId: item.id, presenterId, topic });
  };
  return (
    <div>
      <p className="hotseat-who">
        {presenter ? <><strong>{presenter.name}</strong>: {seat?.topic}</> : 'No presenter chosen yet.'}
      </p>
      <p className="hotseat-stage" data-testid="hotseat-stage">{stage ? stage.label : 'Not started'}</p>
      {stage && <p className="stage-rule" data-testid="stage-rule">{stage.rule}</p>}
      {isFacilitator && (
        <>
          <div className="button-row" role="group" aria-label="Hot-seat stages">
            {HOT_SEAT_STAGES.map((s) => (
              <button key={s.stage} type="button" className="btn" aria-pressed={seat?.stage === s.stage} onClick={() => void sendCommand({ type: 'hotseat.stage', itemId: item.id, stage: s.stage })}>
                {s.label}
              </button>
            ))}
            {nextStage && (
              <button type="button" className="btn btn-primary" onClick={() => void sendCommand({ type: 'hotseat.stage', itemId: item.id, stage: nextStage.stage })}>
                Next stage
              </button>
            )}
          </div>
          <form className="form form-inline" onSubmit={setup} aria-label="Presenter and topic">
            <label>
              Presenter
              <select aria-label="Presenter" value={presenterId} onChange={(e) => setPresenterId(e.target.value)}>
                {companies.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
              </select>
            </label>
            <label className="grow">Topic<input value={topic} maxLength={200} onChange={(e) => setTopic(e.target.value)} required /></label>
            <button type="submit" className="btn">Set presenter and topic</button>
          </form>
        </>
      )}
      <TopicProposals state={state} canPropose={canPropose} userId={userId} />
    </div>
  );
}
