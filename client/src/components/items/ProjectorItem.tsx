// The wall's version of the item views: hot-seat stage and rule, whose turn it is, the speaker.
import { HOT_SEAT_STAGES } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';

export function ProjectorItem({ state }: { state: MeetingState }) {
  const nameOf = useNames();
  const item = state.agenda[state.currentIndex];
  if (!item || state.status !== 'live') return null;
  const seat = item.kind === 'hotseat' ? state.hotSeats[item.id] : undefined;
  const stage = HOT_SEAT_STAGES.find((s) => s.stage === seat?.stage);
  return (
    <div className="projector-item">
      {seat?.presenterId && (
        <p className="projector-next">
          {nameOf(seat.presenterId)}: {seat.topic}
        </p>
      )}
      {stage && (
        <p className="projector-hotseat-stage" data-testid="hotseat-stage">
          {stage.label} — {stage.rule}
        </p>
      )}
      {state.focusUserId && <p className="projector-next" data-testid="focus-member">Now: {nameOf(state.focusUserId)}</p>}
      {state.speakerId && <p className="projector-next" data-testid="speaker">Speaking: {nameOf(state.speakerId)}</p>}
    </div>
  );
}
