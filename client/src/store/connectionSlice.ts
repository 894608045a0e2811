// Health of the realtime link, shown in the connection badge.
import type { SliceCreator } from './types.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface ConnectionSlice {
  connectionStatus: ConnectionStatus;
  /** Why we are offline for good (e.g. signed out, protocol mismatch); null otherwise. */
  connectionError: string | null;
  setConnectionStatus: (status: ConnectionStatus, error?: string | null) => void;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set) => ({
  connectionStatus: 'connecting',
  connectionError: null,
  setConnectionStatus: (status, error = null) => set({ connectionStatus: status, connectionError: error }),
});
