// The hot seat on the wall: who presents what, the stage and its rule, who speaks, who waits
// (the queue), and which stage comes next; at commitments, the commitments read back.
import { HOT_SEAT_STAGES } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { CommitmentsReadBack } from './ClosingStage.tsx';

const WALL_COMMITMENTS_PAGE = 6;

export function ProjectorHotSeat({ state, itemId }: { state: MeetingState; itemId: string }) {
  const nameOf = useNames();
  const seat = state.hotSeats[itemId];
  const at = HOT_SEAT_STAGES.findIndex((s) => s.stage === seat?.stage);
  const stage = HOT_SEAT_STAGES[at];
  const next = HOT_SEAT_STAGES[at + 1];
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
          {stage.label} — <span data-testid="stage-rule">{stage.rule}</span>
        </p>
      )}
      <div className="wall-lines">
        {state.speakerId && (
          <p className="wall-line wall-speaker" data-testid="speaker">
            Speaking: {nameOf(state.speakerId)}
          </p>
        )}
        <p className="wall-line" data-testid="wall-queue">
          Waiting: {state.hands.length === 0 ? 'nobody' : state.hands.map((h) => nameOf(h.userId)).join(', ')}
        </p>
        {stage && (
          <p className="wall-line wall-soft" data-testid="next-stage">
            Then: {next ? next.label : 'the next item'}
          </p>
        )}
      </div>
      {seat?.stage === 'commitments' && <CommitmentsReadBack meetingId={state.meetingId} className="projector-readback" pageSize={WALL_COMMITMENTS_PAGE} />}
    </div>
  );
}
