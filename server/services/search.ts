// Search across one group's notes, commitments, goals and shared resources, for people of that group only.
import { DomainError } from '../../shared/errors.ts';
import { authorizeGroup } from '../auth/policy.ts';
import { can, searchVisibilities } from '../../shared/access/index.ts';
import type { SearchHit, Storage } from '../storage/types.ts';
import { indexGroupGoals, indexGroupResources } from './searchIndex.ts';

/** Results per search: one screen of hits. */
export const SEARCH_LIMIT = 30;
export const SEARCH_QUERY_MAX = 200;

export interface SearchResult extends SearchHit {
  meetingTitle: string | null;
  quarter: string | null;
}

export async function searchGroup(storage: Storage, userId: string, groupId: string, text: string): Promise<SearchResult[]> {
  if (text.length > SEARCH_QUERY_MAX) throw new DomainError('bad_request', `q: at most ${SEARCH_QUERY_MAX} characters`);
  const { group, access } = await authorizeGroup(storage, userId, groupId, 'notes.read');
  // Outside the room: notes without the "stays in the room" blocks and no room-only commitments.
  const visibilities = searchVisibilities(access, group);
  // Goals change through several services, resources are shared and removed over HTTP:
  // re-indexing both here keeps results exact.
  // Goals only where the reader may read them: never in a network event's host group, whatever
  // was written there before its shared sessions refused goals.
  const seesGoals = can('goals.read', access, group);
  if (seesGoals) await indexGroupGoals(storage, groupId);
  await indexGroupResources(storage, groupId);
  const hits = (await storage.search({ text, groupIds: [groupId], visibilities, limit: SEARCH_LIMIT })).filter((h) => seesGoals || h.kind !== 'goal');
  const meetings = new Map((await storage.listMeetings(groupId)).map((m) => [m.id, m]));
  return hits.map((h) => {
    const m = h.meetingId ? meetings.get(h.meetingId) : undefined;
    return { ...h, meetingTitle: m?.title ?? null, quarter: m?.quarter ?? null };
  });
}
