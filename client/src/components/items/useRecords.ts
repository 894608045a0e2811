// Fetches a record of the meeting and refetches when the server says that kind changed.
import { useEffect, useState } from 'react';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { errorMessage, http } from '../../api/http.ts';
import type { RecordsKind } from '../../store/recordsSlice.ts';
import { useStore } from '../../store/index.ts';

export function useRecords<T>(path: string | null, kind: RecordsKind): { data: T | null; error: string | null; reload: () => void } {
  const version = useStore((s) => s.recordsVersion[kind]);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    http.get<T>(path).then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [path, version, tick]);
  return { data, error, reload: () => setTick((t) => t + 1) };
}

/** The links and files shared under one agenda item of a meeting, kept live like any record. */
export function useItemResources(groupId: string, meetingId: string, itemId: string): { here: LibraryResource[]; all: LibraryResource[]; loaded: boolean; error: string | null; reload: () => void } {
  const { data, error, reload } = useRecords<LibraryResource[]>(`/api/groups/${encodeURIComponent(groupId)}/resources`, 'resources');
  return { here: (data ?? []).filter((r) => r.meetingId === meetingId && r.itemId === itemId), all: data ?? [], loaded: data !== null, error, reload };
}
