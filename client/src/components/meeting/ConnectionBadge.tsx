// Realtime link health; the facilitator must see at a glance whether the room hears them.
import { useStore } from '../../store/index.ts';
import type { ConnectionStatus } from '../../store/connectionSlice.ts';

const TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

export function ConnectionBadge({ className = '' }: { className?: string }) {
  const status = useStore((s) => s.connectionStatus);
  const error = useStore((s) => s.connectionError);
  return (
    <span role="status" className={`badge conn conn-${status} ${className}`} data-testid="connection-status" title={error ?? undefined}>
      {TEXT[status]}
    </span>
  );
}
