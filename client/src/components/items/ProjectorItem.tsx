// The wall's version of the item views, by kind: the opening's member in focus and their update; the financial
// review's figures (member in focus, or the whole group); the goal review's and new goals'
// goals (member in focus, or the group's grouped by member); the hot seat's presenter, stage,
// rule, speaker, queue and next stage; what was shared at topics, or the image or PDF shown
// there; the commitments read back and the next meeting.
import type { Meeting } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useNames } from '../../hooks/useNames.ts';
import { allows } from '../../lib/rights.ts';
import { useStore } from '../../store/index.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { CommitmentsReadBack } from './ClosingStage.tsx';
import { WallNextMeeting } from './NextMeeting.tsx';
import './items.css';
import { ConfidentialityReminder } from './ConfidentialityReminder.tsx';
import { ProjectorFigures } from './ProjectorFigures.tsx';
import { SharedSessionElsewhere } from './SharedSessionElsewhere.tsx';
import { ProjectorGoals } from './ProjectorGoals.tsx';
import { ProjectorHotSeat } from './ProjectorHotSeat.tsx';
import { ProjectorResources } from './ProjectorResources.tsx';
import { WallFile } from './WallFile.tsx';
import { ProjectorUpdate } from '../updates/ProjectorUpdate.tsx';
import './wall.css';

/** Commitments on the wall at once: two columns of three stay readable from the back of the room. */
const WALL_COMMITMENTS_PAGE = 6;

export function ProjectorItem({ state, meeting }: { state: MeetingState; meeting: Meeting | null }) {
  const nameOf = useNames();
  const members = useStore((s) => s.members);
  const sharedSession = useStore((s) => s.sharedSession);
  // Both refused in a shared session (shared/access): its wall faces several groups' people.
  const mayReadFigures = useStore((s) => allows(s, 'financials.read'));
  const mayReadGoals = useStore((s) => allows(s, 'goals.read'));
  const item = state.agenda[state.currentIndex];
  if (!item || state.status !== 'live') return null;
  const focus = state.focusUserId ? members.find((m) => m.userId === state.focusUserId) : undefined;
  const focusLine = state.focusUserId && (
    <p className="wall-focus" data-testid="focus-member">
      Now: {focus?.name ?? nameOf(state.focusUserId)}
      {focus?.company && <span className="wall-soft"> · {focus.company}</span>}
    </p>
  );
  let body = null;
  if (item.kind === 'financials') body = !mayReadFigures ? <SharedSessionElsewhere what="figures" session={sharedSession} wall /> : meeting && <ProjectorFigures state={state} meeting={meeting} />;
  else if ((item.kind === 'goals' || item.kind === 'new-goals') && !mayReadGoals) body = <SharedSessionElsewhere what="goals" session={sharedSession} wall />;
  else if (item.kind === 'goals' || item.kind === 'new-goals')
    body = (
      <>
        {focusLine}
        <ProjectorGoals state={state} which={item.kind === 'goals' ? 'review' : 'new'} />
      </>
    );
  else if (item.kind === 'hotseat') body = <ProjectorHotSeat state={state} itemId={item.id} />;
  else if (item.kind === 'topics')
    body = state.shownFile ? <WallFile file={state.shownFile} /> : meeting && <ProjectorResources meeting={meeting} itemId={item.id} />;
  else if (item.kind === 'closing')
    body = (
      <>
        <CommitmentsReadBack meetingId={state.meetingId} className="projector-readback" pageSize={WALL_COMMITMENTS_PAGE} />
        <WallNextMeeting meetingId={state.meetingId} />
      </>
    );
  else if (item.kind === 'opening')
    body = (
      <>
        {meeting && <ConfidentialityReminder groupId={meeting.groupId} session={sharedSession} wall />}
        {focusLine}
        <ProjectorUpdate state={state} />
      </>
    );
  else body = focusLine;
  return (
    <ErrorBoundary key={item.id} what="This item's view">
      <div className="projector-item" data-testid="wall-data">
        {body}
        {item.kind !== 'hotseat' && state.speakerId && (
          <p className="wall-line" data-testid="speaker">
            Speaking: {nameOf(state.speakerId)}
          </p>
        )}
      </div>
    </ErrorBoundary>
  );
}
