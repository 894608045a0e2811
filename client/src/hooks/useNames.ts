// userId -> display name, from the group's members and (for organisers not in the group) presence.
import { useMemo } from 'react';
import { useStore } from '../store/index.ts';

export function useNames(): (userId: string) => string {
  const members = useStore((s) => s.members);
  const presence = useStore((s) => s.presence);
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const p of presence) names.set(p.userId, p.name);
    for (const m of members) names.set(m.userId, m.name);
    return (userId: string) => names.get(userId) ?? 'Someone';
  }, [members, presence]);
}
