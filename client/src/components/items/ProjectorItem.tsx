// The wall's version of the item views: the financial review's member and key figures, the
// goal review's member and their goals as reviewed, the hot seat's presenter, topic, stage
// and rule, the speaker, what was shared at topics, the commitments read back (paged).
import type { Meeting } from '../../../../shared/domain.ts';
import { HOT_SEAT_STAGES } from '../../../../shared/meeting/hotseat.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { CommitmentsReadBack } from './ClosingStage.tsx';
import { ProjectorFigures } from './ProjectorFigures.tsx';
import { ProjectorGoals } from './ProjectorGoals.tsx';
import { ProjectorResources } from './ProjectorResources.tsx';
import { ProjectorUpdate } from '../updates/ProjectorUpdate.tsx';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import './items.css';

/** Commitments on the wall at once: two columns of three stay readable from the back of the room. */
const WALL_COMMITMENTS_PAGE = 6;

export function ProjectorItem({ state, meeting }: { state: MeetingState; meeting: Meeting | null }) {
  const nameOf = useNames();
  const item = state.agenda[state.currentIndex];
  if (!item || state.status !== 'live') return null;
  const seat = item.kind === 'hotseat' ? state.hotSeats[item.id] : undefined;
  const stage = HOT_SEAT_STAGES.find((s) => s.stage === seat?.stage);
  const focusName = state.focusUserId && nameOf(state.focusUserId);
  return (
    <ErrorBoundary key={item.id} what="This item's view">
      <div className="projector-item">
        {item.kind === 'financials' && meeting && <ProjectorFigures state={state} meeting={meeting} />}
        {item.kind !== 'financials' && focusName && (
          <p className="projector-next" data-testid="focus-member">
            Now: {focusName}
          </p>
        )}
        {item.kind === 'goals' && <ProjectorGoals state={state} />}
        {item.kind === 'opening' && <ProjectorUpdate state={state} />}
        {seat?.presenterId && (
          <p className="projector-presenter" data-testid="projector-presenter">
            {nameOf(seat.presenterId)}: {seat.topic}
          </p>
        )}
        {stage && (
          <p className="projector-hotseat-stage" data-testid="hotseat-stage">
            {stage.label} — <span data-testid="stage-rule">{stage.rule}</span>
          </p>
        )}
        {state.speakerId && (
          <p className="projector-next" data-testid="speaker">
            Speaking: {nameOf(state.speakerId)}
          </p>
        )}
        {item.kind === 'topics' && meeting && <ProjectorResources meeting={meeting} itemId={item.id} />}
        {(item.kind === 'closing' || seat?.stage === 'commitments') && <CommitmentsReadBack meetingId={state.meetingId} className="projector-readback" pageSize={WALL_COMMITMENTS_PAGE} />}
      </div>
    </ErrorBoundary>
  );
}
