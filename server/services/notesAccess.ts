// Rights on collaborative documents, from the same policy as everything else.
import type { ParsedDocName } from '../../shared/collab/docNames.ts';
import { can, resolveAccess } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';

/**
 * 'write' for coaches, members and organisers; 'read' for observers; null for strangers.
 * A private notes doc belongs to its owner alone, whatever their role.
 */
export async function authorizeDoc(storage: Storage, userId: string, doc: ParsedDocName): Promise<'write' | 'read' | null> {
  const meeting = await storage.getMeeting(doc.meetingId);
  const group = meeting && (await storage.getGroup(meeting.groupId));
  if (!group) return null;
  const access = await resolveAccess(storage, userId, group);
  if (doc.kind === 'private') return doc.userId === userId && can('notes.read', access, group) ? 'write' : null;
  if (can('notes.write', access, group)) return 'write';
  if (can('notes.read', access, group)) return 'read';
  return null;
}
