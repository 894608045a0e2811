// Rights on collaborative documents: looks up who the user is and what the doc is, then asks
// the access module (docRight). The rules live only there.
import { docRight, type DocRight, type DocTarget } from '../../shared/access/index.ts';
import type { ParsedDocName } from '../../shared/collab/docNames.ts';
import { resolveAccess } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';

type DocStorage = Pick<Storage, 'getMeeting' | 'getGroup' | 'getMembership' | 'isOrganiser' | 'eventAudienceRoles' | 'getMeetingState'>;

async function targetOf(storage: DocStorage, doc: ParsedDocName): Promise<DocTarget> {
  if (doc.kind === 'private') return { kind: 'private', ownerId: doc.userId };
  if (doc.kind === 'commitments') return { kind: 'commitments' };
  const state = await storage.getMeetingState(doc.meetingId);
  return { kind: 'notes', itemKind: state?.agenda.find((i) => i.id === doc.itemId)?.kind ?? null };
}

/** The user's right on a doc; 'none' for strangers and for a meeting that does not exist. */
export async function authorizeDoc(storage: DocStorage, userId: string, doc: ParsedDocName): Promise<DocRight> {
  const meeting = await storage.getMeeting(doc.meetingId);
  const group = meeting && (await storage.getGroup(meeting.groupId));
  if (!group) return 'none';
  const access = await resolveAccess(storage, userId, group);
  return docRight(access, group, await targetOf(storage, doc));
}
