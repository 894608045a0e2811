// The hot seat on the wall: who presents what, the stage of the group's protocol and its rule,
// who speaks (in an advice round: with their time left and who is next), who waits (the
// queue), and what comes next; at commitments, the commitments read back.
import { nextStep, protocolStage, roundView } from '../../../../shared/meeting/hotseatTurns.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { formatClock } from '../../../../shared/meeting/timer.ts';
import { useNames } from '../../hooks/useNames.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { CommitmentsReadBack } from './ClosingStage.tsx';

const WALL_COMMITMENTS_PAGE = 6;

export function ProjectorHotSeat({ state, itemId }: { state: MeetingState; itemId: string }) {
  const nameOf = useNames();
  const now = useServerNow();
  const seat = state.hotSeats[itemId];
  const stage = protocolStage(state, seat?.stage ?? null);
  const next = seat ? nextStep(state, itemId) : null;
  const nextLabel = next && (next.presenter === seat?.turn ? protocolStage(state, next.stage)?.name : `${nameOf(seat?.presenters[next.presenter]?.userId ?? '')}'s hot seat`);
  const round = seat?.round ? roundView(seat.round, now) : null;
  return (
    <div className="wall-hotseat">
      {seat?.presenterId ? (
        <p className="wall-focus" data-testid="projector-presenter">
          {nameOf(seat.presenterId)}: {seat.topic}
        </p>
      ) : (
        <p className="wall-line wall-soft">No presenter chosen yet</p>
      )}
      {stage && (
        <p className="wall-stage" data-testid="hotseat-stage">
          {stage.name} — <span data-testid="stage-rule">{stage.rule}</span>
        </p>
      )}
      <div className="wall-lines">
        {round && seat?.round ? (
          <>
            <p className="wall-line wall-speaker" data-testid="round-speaker">
              Speaking: {round.current ? nameOf(round.current) : ''} · <span data-testid="round-time">{formatClock(round.remainingMs)}</span> left
            </p>
            <p className="wall-line" data-testid="round-next">
              Next: {round.next ? nameOf(round.next) : 'the round ends'} ({seat.round.index + 1} of {seat.round.speakers.length})
            </p>
          </>
        ) : (
          <>
            {state.speakerId && (
              <p className="wall-line wall-speaker" data-testid="speaker">
                Speaking: {nameOf(state.speakerId)}
              </p>
            )}
            <p className="wall-line" data-testid="wall-queue">
              Waiting: {state.hands.length === 0 ? 'nobody' : state.hands.map((h) => nameOf(h.userId)).join(', ')}
            </p>
          </>
        )}
        {stage && (
          <p className="wall-line wall-soft" data-testid="next-stage">
            Then: {nextLabel ?? 'the next item'}
          </p>
        )}
      </div>
      {stage?.kind === 'commitments' && <CommitmentsReadBack meetingId={state.meetingId} className="projector-readback" pageSize={WALL_COMMITMENTS_PAGE} />}
    </div>
  );
}
