// Hot seat: who presents what, the stage the room is in (each time-boxed, with its rule), the
// topics members proposed, and in the commitments stage the presenter's commitments.
import type { GroupMember, Meeting } from '../../../../shared/domain.ts';
import { HOT_SEAT_STAGES, stageDurationMs } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { HotSeatCommitments } from './HotSeatCommitments.tsx';
import { HotSeatSetup } from './HotSeatSetup.tsx';
import { TopicProposals } from './TopicProposals.tsx';

interface Props {
  state: MeetingState;
  meeting: Meeting;
  companies: GroupMember[];
  isFacilitator: boolean;
  userId: string;
  canPropose: boolean;
}

export function HotSeatStage({ state, meeting, companies, isFacilitator, userId, canPropose }: Props) {
  const sendCommand = useStore((s) => s.sendCommand);
  const item = state.agenda[state.currentIndex];
  if (!item) return null;
  const seat = state.hotSeats[item.id];
  const presenter = companies.find((m) => m.userId === seat?.presenterId);
  const stage = HOT_SEAT_STAGES.find((s) => s.stage === seat?.stage);
  const nextStage = HOT_SEAT_STAGES[(stage ? HOT_SEAT_STAGES.indexOf(stage) : -1) + 1];
  const minutes = (s: (typeof HOT_SEAT_STAGES)[number]) => Math.max(1, Math.round(stageDurationMs(item.durationMs, s.stage) / 60_000));
  const go = (s: (typeof HOT_SEAT_STAGES)[number]['stage']) => void sendCommand({ type: 'hotseat.stage', itemId: item.id, stage: s });
  return (
    <div className="hotseat">
      <p className="hotseat-who">{presenter ? <><strong>{presenter.name}</strong> presents: {seat?.topic}</> : 'No presenter chosen yet.'}</p>
      <ol className="stage-steps" aria-label="Hot-seat stages">
        {HOT_SEAT_STAGES.map((s) => (
          <li key={s.stage} className={s.stage === seat?.stage ? 'is-current' : undefined} aria-current={s.stage === seat?.stage ? 'step' : undefined}>
            {isFacilitator ? (
              <button type="button" className="btn btn-small" aria-pressed={s.stage === seat?.stage} onClick={() => go(s.stage)}>
                {s.label} <span className="muted">{minutes(s)} min</span>
              </button>
            ) : (
              <span>
                {s.label} <span className="muted">{minutes(s)} min</span>
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="hotseat-stage" data-testid="hotseat-stage">{stage ? stage.label : 'Not started'}</p>
      {stage && <p className="stage-rule" data-testid="stage-rule">{stage.rule}</p>}
      {isFacilitator && nextStage && (
        <button type="button" className="btn btn-primary" onClick={() => go(nextStage.stage)}>
          Next stage
        </button>
      )}
      {seat?.stage === 'commitments' && seat.presenterId && (
        <HotSeatCommitments meeting={meeting} presenterId={seat.presenterId} presenterName={presenter?.name ?? 'The presenter'} isFacilitator={isFacilitator} userId={userId} />
      )}
      {isFacilitator && <HotSeatSetup key={`${item.id}-${seat?.presenterId ?? ''}-${seat?.topic ?? ''}`} state={state} itemId={item.id} companies={companies} />}
      <TopicProposals state={state} canPropose={canPropose} userId={userId} isFacilitator={isFacilitator} />
    </div>
  );
}
