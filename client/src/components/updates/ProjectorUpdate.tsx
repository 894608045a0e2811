// The wall at the check-in: the update of the member in focus, large enough for the back row.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { MeetingUpdates } from '../../../../shared/updates.ts';
import { useRecords } from '../items/useRecords.ts';
import { UpdateAnswers } from './UpdateAnswers.tsx';

export function ProjectorUpdate({ state }: { state: MeetingState }) {
  const { data } = useRecords<MeetingUpdates>(`/api/meetings/${state.meetingId}/updates`, 'updates');
  // All updates at once are too much text for a wall: one member at a time.
  if (!data || !state.focusUserId) return null;
  const update = data.updates.find((u) => u.userId === state.focusUserId);
  return (
    <div className="projector-update" data-testid="projector-update">
      {update ? <UpdateAnswers answers={update.answers} className="projector-update-answers" /> : <p className="projector-quiet">No update sent</p>}
    </div>
  );
}
