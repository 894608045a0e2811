// React binding: the shared handle of a doc and the live sync status of one or more docs.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { acquireDoc, type CollabUser, type DocHandle, type SyncStatus } from './docs.ts';

/** The handle of `docName` for `user`; null while opening, and never a previous doc's handle. */
export function useCollabDoc(docName: string | null, user: CollabUser | null): DocHandle | null {
  const [handle, setHandle] = useState<DocHandle | null>(null);
  const userId = user?.id ?? null;
  const userName = user?.name ?? '';
  useEffect(() => {
    if (!docName || !userId) return;
    const { handle: h, release } = acquireDoc(docName, { id: userId, name: userName });
    setHandle(h);
    return () => {
      setHandle(null);
      release();
    };
  }, [docName, userId, userName]);
  return handle && handle.name === docName ? handle : null;
}

/** Worst first: one doc that cannot sync makes the whole notes area say so. */
const RANK: SyncStatus[] = ['denied', 'offline', 'syncing', 'saved'];

/** One status for several docs (shared notes, commitments, private notes). */
export function useSyncStatus(...handles: (DocHandle | null)[]): SyncStatus {
  const subscribe = useCallback(
    (fn: () => void) => {
      const offs = handles.map((h) => h?.subscribe(fn));
      return () => offs.forEach((off) => off?.());
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the handles themselves are the deps
    handles,
  );
  return useSyncExternalStore(subscribe, () => {
    if (handles.some((h) => !h)) return 'syncing';
    const statuses = handles.map((h) => h!.status());
    return RANK.find((s) => statuses.includes(s)) ?? 'saved';
  });
}
