// Topics and best practices: members share links and files (forms, procedures, marketing
// material) under this item; they go into the group's resource library with who and when.
// Everyone in the meeting sees a new one as it lands (records:changed 'resources').
import { Link } from 'react-router';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { errorMessage } from '../../api/http.ts';
import { resourcesApi } from '../../api/resources.ts';
import { useSubmit } from '../../hooks/useForm.ts';
import { Alert } from '../Alert.tsx';
import { ResourceList } from '../resources/ResourceList.tsx';
import { ShareResourceForm } from '../resources/ShareResourceForm.tsx';
import { ShowOnWall } from './ShowOnWall.tsx';
import { useItemResources } from './useRecords.ts';

interface Props {
  state: MeetingState;
  /** Shows a shared image or PDF on the wall. */
  isFacilitator: boolean;
  meetingId: string;
  groupId: string;
  itemId: string;
  userId: string;
  /** Coach, members and organisers share; observers only look. */
  canShare: boolean;
  /** The coach or an organiser may remove anyone's; others only their own. */
  canManage: boolean;
}

export function TopicsStage({ state, isFacilitator, meetingId, groupId, itemId, userId, canShare, canManage }: Props) {
  const { here, all, loaded, error, reload } = useItemResources(groupId, meetingId, itemId);
  const removal = useSubmit(errorMessage);
  const remove = (r: LibraryResource) => void removal.run(async () => {
    await resourcesApi.remove(r.id);
    reload();
  });
  return (
    <div data-testid="topic-resources">
      {(isFacilitator || state.shownFile) && <ShowOnWall state={state} library={all} isFacilitator={isFacilitator} />}
      <h3>Shared at this item</h3>
      <Alert message={error ?? removal.error} />
      {loaded ? (
        <ResourceList
          resources={here}
          empty="Nothing shared yet. A procedure, a form or a flyer that works for you is welcome here."
          canRemove={(r) => canManage || (canShare && r.sharedBy === userId)}
          onRemove={remove}
        />
      ) : (
        !error && <p className="loading">Loading…</p>
      )}
      {canShare && <ShareResourceForm meetingId={meetingId} itemId={itemId} onShared={reload} />}
      <p className="muted">
        Everything shared stays in the <Link to={`/groups/${groupId}/resources`}>group's resource library</Link>.
      </p>
    </div>
  );
}
