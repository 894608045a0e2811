// The live view of the current agenda item, by its kind (at topics, the links and files
// shared); before the meeting the topic proposals, after it the read-back, the average rating
// and the way to the summary.
import { authorizeCommand, hasCompany } from '../../../../shared/access/index.ts';
import type { Meeting } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { allows } from '../../lib/rights.ts';
import { useStore } from '../../store/index.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import './items.css';
import { ClosingStage } from './ClosingStage.tsx';
import { ConfidentialityReminder } from './ConfidentialityReminder.tsx';
import { FinancialsStage } from './FinancialsStage.tsx';
import { SharedSessionElsewhere } from './SharedSessionElsewhere.tsx';
import { GoalReviewStage } from './GoalsStages.tsx';
import { NewGoalsStage } from './NewGoalsStage.tsx';
import { HotSeatStage } from './HotSeatStage.tsx';
import { TopicProposals } from './TopicProposals.tsx';
import { TopicsStage } from './TopicsStage.tsx';
import { CheckInStage } from '../updates/CheckInStage.tsx';
import { ParkForm } from '../parking/ParkForm.tsx';

export function ItemStage({ state, meeting, isFacilitator }: { state: MeetingState; meeting: Meeting; isFacilitator: boolean }) {
  const members = useStore((s) => s.members);
  const you = useStore((s) => s.you);
  const mayShare = useStore((s) => allows(s, 'resources.share'));
  const mayManage = useStore((s) => allows(s, 'resources.manage'));
  const mayReadUpdates = useStore((s) => allows(s, 'updates.read'));
  const mayPark = useStore((s) => allows(s, 'parking.add'));
  // Both refused in a shared session (shared/access): its room holds several groups' people.
  const mayReadFigures = useStore((s) => allows(s, 'financials.read'));
  const mayReadGoals = useStore((s) => allows(s, 'goals.read'));
  // A shared session parks for the groups the attendee attends it through, never the host group.
  const sharedSession = useStore((s) => s.sharedSession);
  const userId = you?.userId ?? '';
  const companies = members.filter((m) => hasCompany(m.role));
  // Proposing, voting and rating are one 'participant' right in the command table.
  const participant = you !== null && authorizeCommand(state, 'topic.propose', you) === null;
  const item = state.agenda[state.currentIndex];
  const common = { state, meetingId: meeting.id, groupId: meeting.groupId, companies, isFacilitator, userId };
  let body = null;
  if (state.status === 'scheduled') body = <TopicProposals state={state} canPropose={participant} userId={userId} isFacilitator={isFacilitator} />;
  else if (state.status === 'live' && item) {
    if (item.kind === 'opening') {
      body = (
        <>
          <ConfidentialityReminder groupId={meeting.groupId} session={sharedSession} />
          {mayReadUpdates && <CheckInStage state={state} meetingId={meeting.id} companies={companies} isFacilitator={isFacilitator} />}
        </>
      );
    }
    else if (item.kind === 'financials')
      body = mayReadFigures ? (
        <FinancialsStage state={state} groupId={meeting.groupId} quarter={meeting.quarter} companies={companies} isFacilitator={isFacilitator} userId={userId} />
      ) : (
        <SharedSessionElsewhere what="figures" session={sharedSession} />
      );
    else if ((item.kind === 'goals' || item.kind === 'new-goals') && !mayReadGoals) body = <SharedSessionElsewhere what="goals" session={sharedSession} />;
    else if (item.kind === 'goals') body = <GoalReviewStage {...common} />;
    else if (item.kind === 'new-goals') body = <NewGoalsStage {...common} />;
    else if (item.kind === 'hotseat') body = <HotSeatStage state={state} meeting={meeting} companies={companies} isFacilitator={isFacilitator} userId={userId} canPropose={participant} />;
    else if (item.kind === 'topics') body = <TopicsStage state={state} isFacilitator={isFacilitator} meetingId={meeting.id} groupId={meeting.groupId} itemId={item.id} userId={userId} canShare={mayShare} canManage={mayManage} />;
    else if (item.kind === 'closing') body = <ClosingStage state={state} userId={userId} canRate={participant} />;
  } else if (state.status === 'ended') body = <ClosingStage state={state} userId={userId} canRate={false} />;
  // Any live item (its notes, its hot seat) can park a matter for a later meeting.
  const parkFor = sharedSession ? sharedSession.groups : null;
  const park = state.status === 'live' && item && mayPark && parkFor?.length !== 0 ? <ParkForm key={item.id} meetingId={meeting.id} itemId={item.id} groups={parkFor} /> : null;
  if (!body && !park) return null;
  return (
    <section aria-label="This item" className="card section" data-testid="item-stage">
      {/* Keyed by item: moving on to the next item gives its view a fresh start. */}
      <ErrorBoundary key={`${state.status}:${item?.id ?? ''}`} what="This item's view">
        {body}
        {park}
      </ErrorBoundary>
    </section>
  );
}
