// Saved / Syncing… / Offline, always visible next to the notes.
import type { DocHandle } from '../../collab/docs.ts';
import { useSyncStatus } from '../../collab/useCollabDoc.ts';

const LABEL = {
  saved: 'Saved',
  syncing: 'Syncing…',
  offline: 'Offline — changes kept on this device',
  denied: 'No access to these notes',
} as const;

export function SyncStatusBadge({ handle }: { handle: DocHandle | null }) {
  const status = useSyncStatus(handle);
  return (
    <span role="status" className={`badge sync sync-${status}`} data-testid="sync-status">
      {LABEL[status]}
    </span>
  );
}
