// React binding: the shared handle of a doc and its live sync status.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { acquireDoc, type DocHandle, type SyncStatus } from './docs.ts';

export function useCollabDoc(docName: string | null, userId: string | null): DocHandle | null {
  const [handle, setHandle] = useState<DocHandle | null>(null);
  useEffect(() => {
    if (!docName || !userId) return;
    const { handle: h, release } = acquireDoc(docName, userId);
    setHandle(h);
    return () => {
      setHandle(null);
      release();
    };
  }, [docName, userId]);
  return handle;
}

const noop = () => () => undefined;

export function useSyncStatus(handle: DocHandle | null): SyncStatus {
  return useSyncExternalStore(handle ? handle.subscribe : noop, () => handle?.status() ?? 'syncing');
}
