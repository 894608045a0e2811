// Saved / Syncing… / Offline, always visible next to the notes; one status for all their docs.
import type { DocHandle } from '../../collab/docs.ts';
import { useSyncStatus } from '../../collab/useCollabDoc.ts';

const LABEL = {
  saved: 'Saved',
  syncing: 'Syncing…',
  offline: 'Offline — changes kept on this device',
  denied: 'No access',
} as const;

export function SyncStatusBadge({ handles }: { handles: (DocHandle | null)[] }) {
  const status = useSyncStatus(...handles);
  return (
    <span role="status" className={`badge sync sync-${status}`} data-testid="sync-status" title={status === 'denied' ? 'You no longer have access to these notes' : undefined}>
      {LABEL[status]}
    </span>
  );
}
