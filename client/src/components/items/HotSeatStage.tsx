// Hot seat: who presents what (several presenters take turns), the stage of the group's protocol
// the room is in (each time-boxed, with its rule), the advice round, the topics members
// proposed, and at the commitments stage the presenter's commitments.
import type { ListedMember, Meeting } from '../../../../shared/domain.ts';
import { nextStep, protocolStage, stageDurationMs } from '../../../../shared/meeting/hotseatTurns.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { useStore } from '../../store/index.ts';
import { AdviceRound } from './AdviceRound.tsx';
import { HotSeatCommitments } from './HotSeatCommitments.tsx';
import { HotSeatPresenters } from './HotSeatPresenters.tsx';
import { HotSeatSetup } from './HotSeatSetup.tsx';
import { TopicProposals } from './TopicProposals.tsx';

interface Props {
  state: MeetingState;
  meeting: Meeting;
  companies: ListedMember[];
  isFacilitator: boolean;
  userId: string;
  canPropose: boolean;
}

export function HotSeatStage({ state, meeting, companies, isFacilitator, userId, canPropose }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const members = useStore((s) => s.members);
  const nameOf = useNames();
  const item = state.agenda[state.currentIndex];
  if (!item) return null;
  const seat = state.hotSeats[item.id];
  const protocol = state.hotSeatProtocol;
  const stage = protocolStage(state, seat?.stage ?? null);
  const next = seat ? nextStep(state, item.id) : null;
  const nextLabel = next && (next.presenter === seat?.turn ? protocolStage(state, next.stage)?.name : `${nameOf(seat?.presenters[next.presenter]?.userId ?? '')}'s hot seat`);
  const minutes = (id: string) => Math.max(1, Math.round(stageDurationMs(state, item, id) / 60_000));
  const go = (stageId: string, presenter?: number) => void sendCommand({ type: 'hotseat.stage', itemId: item.id, stage: stageId, ...(presenter !== undefined ? { presenter } : {}) });
  // Before a presenter is chosen the button still asks for the first stage: the room gets the
  // server's reason ("choose a presenter first") instead of a button that silently is not there.
  const nextStage = () => (next ? go(next.stage, next.presenter === seat?.turn ? undefined : next.presenter) : protocol.stages[0] && go(protocol.stages[0].id));
  const several = (seat?.presenters.length ?? 0) > 1;
  return (
    <div className="hotseat">
      <p className="hotseat-who" data-testid="hotseat-who">
        {seat?.presenterId ? (
          <>
            {several && `Presenter ${seat.turn + 1} of ${seat.presenters.length}: `}
            <strong>{nameOf(seat.presenterId)}</strong> presents: {seat.topic}
          </>
        ) : (
          'No presenter chosen yet.'
        )}
      </p>
      {several && seat && (
        <ol className="stage-steps" aria-label="Presenters in turn">
          {seat.presenters.map((p, i) => (
            <li key={p.userId} className={i === seat.turn ? 'is-current' : undefined} aria-current={i === seat.turn ? 'step' : undefined}>
              <span>{nameOf(p.userId)}: {p.topic}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="muted">Protocol: {protocol.name}</p>
      <ol className="stage-steps" aria-label="Hot-seat stages">
        {protocol.stages.map((s) => (
          <li key={s.id} className={s.id === seat?.stage ? 'is-current' : undefined} aria-current={s.id === seat?.stage ? 'step' : undefined}>
            {isFacilitator ? (
              <button type="button" className="btn btn-small" aria-pressed={s.id === seat?.stage} onClick={() => go(s.id)}>
                {s.name} <span className="muted">{minutes(s.id)} min</span>
              </button>
            ) : (
              <span>
                {s.name} <span className="muted">{minutes(s.id)} min</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="hotseat-stage" data-testid="hotseat-stage">{stage ? stage.name : 'Not started'}</p>
      {stage && <p className="stage-rule" data-testid="stage-rule">{stage.rule}</p>}
      {stage && <p className="muted" data-testid="next-stage">Then: {nextLabel ?? 'the next item'}</p>}
      {isFacilitator && (seat?.stage === null || seat === undefined || next) && (
        <button type="button" className="btn btn-primary" onClick={nextStage}>
          Next stage
        </button>
      )}
      {seat && stage?.kind === 'advice-round' && <AdviceRound state={state} itemId={item.id} seat={seat} members={members} isFacilitator={isFacilitator} />}
      {stage?.kind === 'commitments' && seat?.presenterId && (
        <HotSeatCommitments key={seat.presenterId} meeting={meeting} state={state} presenterId={seat.presenterId} presenterName={nameOf(seat.presenterId)} userId={userId} />
      )}
      {isFacilitator && seat && <HotSeatPresenters key={`p-${seat.presenters.length}`} itemId={item.id} seat={seat} companies={companies} />}
      {isFacilitator && <HotSeatSetup key={`${item.id}-${seat?.presenters.map((p) => `${p.userId}:${p.topic}`).join('|') ?? ''}`} state={state} itemId={item.id} companies={companies} />}
      <TopicProposals state={state} canPropose={canPropose} userId={userId} isFacilitator={isFacilitator} />
    </div>
  );
}
