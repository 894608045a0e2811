// Looks up who a user is in a group (storage I/O) and asks the access module (shared/access)
// whether they may act. The rules themselves live only there.
import { can, check, eventAudienceRole, type GroupAction, type MeetingContext, type Subject } from '../../shared/access/index.ts';
import type { Group } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { Storage } from '../storage/types.ts';

/** A subject as resolved from storage (shared/access Subject). */
export type Access = Subject;

/**
 * Who the user is in the group. An event's host group has no memberships: its role is the
 * event audience's (shared/access eventAudienceRole of the roles held in the participating
 * groups), so its shared sessions are open to all of them through the same group rules.
 */
export async function resolveAccess(storage: Pick<Storage, 'getMembership' | 'isOrganiser' | 'eventAudienceRoles'>, userId: string, group: Group): Promise<Access> {
  const [membership, organiser] = await Promise.all([
    storage.getMembership(group.id, userId),
    storage.isOrganiser(group.networkId, userId),
  ]);
  if (membership) return { userId, groupRole: membership.role, organiser };
  const audience = await storage.eventAudienceRoles(group.id, userId);
  if (!audience) return { userId, groupRole: null, organiser };
  return { userId, groupRole: eventAudienceRole(audience), organiser, eventAudience: true };
}

/**
 * Adds whether the user facilitates the group's live meeting. Looked up only by the actions
 * that need it, since it costs a read of the meeting state.
 */
export async function withFacilitator(storage: Storage, access: Access, groupId: string): Promise<Access> {
  const live = (await storage.listMeetings(groupId)).filter((m) => m.status === 'live');
  for (const m of live) {
    if ((await storage.getMeetingState(m.id))?.facilitatorId === access.userId) return { ...access, facilitating: true };
  }
  return { ...access, facilitating: false };
}

/** Throws the access module's refusal, if any. */
export function requireRight(action: GroupAction, access: Access, group: Group, meeting?: MeetingContext): void {
  const denied = check(action, access, group, meeting);
  if (denied) throw new DomainError(denied.code, denied.message);
}

/**
 * Loads the group and checks the action. Someone with no relation to the group gets
 * not_found, so ids of other groups reveal nothing; a member lacking the right gets forbidden.
 */
export async function authorizeGroup(
  storage: Storage,
  userId: string,
  groupId: string,
  action: GroupAction,
): Promise<{ group: Group; access: Access }> {
  const group = await storage.getGroup(groupId);
  if (!group) throw new DomainError('not_found', 'No such group');
  const access = await resolveAccess(storage, userId, group);
  if (!can('group.read', access, group)) throw new DomainError('not_found', 'No such group');
  requireRight(action, access, group);
  return { group, access };
}
