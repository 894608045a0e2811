// One group's detail (its meetings, templates and the caller's rights), loaded again whenever the
// group changes: null while it loads. The event page's forms pick a group and read it.
import { useEffect, useState } from 'react';
import type { GroupDetail } from '../../../shared/api.ts';
import { api } from '../api/endpoints.ts';
import { errorMessage } from '../api/http.ts';

export function useGroupDetail(groupId: string, onError: (message: string) => void): GroupDetail | null {
  const [group, setGroup] = useState<GroupDetail | null>(null);
  useEffect(() => {
    if (!groupId) return;
    setGroup(null);
    api.group(groupId).then(setGroup, (e: unknown) => onError(errorMessage(e)));
  }, [groupId, onError]);
  // A detail still of the group picked before is not this group's.
  return group?.group.id === groupId ? group : null;
}
