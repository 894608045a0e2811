// React binding: the shared handle of a doc and the live sync status of one or more docs.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { parseDocName } from '../../../shared/collab/docNames.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';
import { acquireDoc, type CollabUser, type DocHandle, type SyncStatus } from './docs.ts';

/**
 * Whether the caller reads this doc filtered (an observer outside the room), from the rights the
 * server gave for its meeting (join answer, access:changed); null while they are not known yet.
 */
function useFiltered(docName: string | null): boolean | null {
  return useStore((s) => {
    const doc = docName ? parseDocName(docName) : null;
    if (!doc || s.meetingId !== doc.meetingId || !s.you) return null;
    if (doc.kind === 'private') return false;
    return !allows(s, 'notes.write') && !allows(s, 'notes.roomOnly');
  });
}

/**
 * The handle of `docName` for `user`; null while opening, and never a previous doc's handle.
 * Opened once the caller's rights in the doc's meeting are known, and opened again when they
 * change (made an observer: the filtered view) or when a filtered view went stale.
 */
export function useCollabDoc(docName: string | null, user: CollabUser | null): DocHandle | null {
  const [handle, setHandle] = useState<DocHandle | null>(null);
  const [generation, setGeneration] = useState(0);
  const filtered = useFiltered(docName);
  const userId = user?.id ?? null;
  const userName = user?.name ?? '';
  useEffect(() => {
    if (!docName || !userId || filtered === null) return;
    const { handle: h, release } = acquireDoc(docName, { id: userId, name: userName }, filtered);
    setHandle(h);
    const off = h.subscribe(() => h.stale() && setGeneration((g) => g + 1));
    return () => {
      off();
      setHandle(null);
      release();
    };
  }, [docName, userId, userName, filtered, generation]);
  return handle && handle.name === docName && handle.filtered === filtered && !handle.stale() ? handle : null;
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
