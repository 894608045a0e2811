// The opening / check-in: each member's pre-meeting update in turn. The facilitator steps member
// by member (focus.set, the same command as the reviews); everyone sees the update in focus, or
// every update when the room looks at the whole group.
import type { ListedMember } from '../../../../shared/domain.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { MeetingUpdates } from '../../../../shared/updates.ts';
import { Alert } from '../Alert.tsx';
import { MemberStepper } from '../items/MemberStepper.tsx';
import { useRecords } from '../items/useRecords.ts';
import { UpdateAnswers } from './UpdateAnswers.tsx';

export function CheckInStage({ state, meetingId, companies, isFacilitator }: { state: MeetingState; meetingId: string; companies: ListedMember[]; isFacilitator: boolean }) {
  const { data, error } = useRecords<MeetingUpdates>(`/api/meetings/${meetingId}/updates`, 'updates');
  const shown = (data?.updates ?? []).filter((u) => !state.focusUserId || u.userId === state.focusUserId);
  return (
    <div data-testid="check-in">
      <h3>Check-in: updates</h3>
      <MemberStepper state={state} companies={companies} isFacilitator={isFacilitator} />
      <Alert message={error} />
      {data && shown.length === 0 && <p className="muted">{state.focusUserId ? 'No update sent: ask them in the room.' : 'No updates sent for this meeting.'}</p>}
      {shown.map((u) => (
        <article key={u.userId} className="update-card" data-testid="update-card">
          {!state.focusUserId && <h4>{u.name}</h4>}
          <UpdateAnswers answers={u.answers} />
        </article>
      ))}
    </div>
  );
}
