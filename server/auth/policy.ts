// Authorization, declared in one place and denied by default. Every HTTP route, socket
// event and collab document asks `can(action, access, group)` before touching data.
import type { Group, GroupRole } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { Storage } from '../storage/types.ts';

/** What one user is in one group: their membership role (if any) and whether they organise its network. */
export interface Access {
  userId: string;
  groupRole: GroupRole | null;
  organiser: boolean;
  /** Runs the group's live meeting right now (its state's facilitatorId); see withFacilitator. */
  facilitating?: boolean;
}

export type GroupAction =
  | 'group.read'
  | 'group.edit'
  | 'group.invite'
  | 'group.members.manage'
  | 'group.templates.write'
  | 'meeting.create'
  | 'meeting.read'
  | 'meeting.edit'
  | 'meeting.join'
  | 'notes.read'
  | 'notes.write'
  // the meeting's records: financial review and goals
  | 'financials.read'
  | 'financials.figures'
  | 'financials.coachOnly'
  | 'financials.write'
  | 'kpis.manage'
  | 'benchmarks.read'
  | 'goals.read'
  | 'goals.write'
  | 'goals.assign'
  | 'goals.review'
  | 'goals.flag'
  // the resource library (topics and best practices)
  | 'resources.read'
  | 'resources.share'
  | 'resources.manage';

type Rule = (a: Access, g: Group) => boolean;

const isMember: Rule = (a) => a.groupRole !== null || a.organiser;
const isLead: Rule = (a) => a.organiser || a.groupRole === 'coach';
/** In peer-led groups the members run the group themselves. */
const isLeadOrPeer: Rule = (a, g) => isLead(a, g) || (g.leadership === 'peer-led' && a.groupRole === 'member');
const isParticipant: Rule = (a) => a.organiser || a.groupRole === 'coach' || a.groupRole === 'member';
/** A member company: the only role that has figures and goals of its own. */
const isCompany: Rule = (a) => a.groupRole === 'member';
/** The coach, an organiser, or whoever facilitates the live meeting (a peer in peer-led groups). */
const isLeadOrFacilitator: Rule = (a, g) => isLead(a, g) || (a.facilitating === true && a.groupRole !== 'observer');
/** Financials stay in the room: observers see figures only where the group has opened them. */
const seesFigures: Rule = (a, g) => isParticipant(a, g) || (a.groupRole === 'observer' && g.observersSeeFinancials);

const RULES: Record<GroupAction, Rule> = {
  'group.read': isMember,
  'group.edit': isLead,
  'group.invite': isLeadOrPeer,
  'group.members.manage': isLead,
  'group.templates.write': isLeadOrPeer,
  'meeting.create': isLeadOrPeer,
  'meeting.read': isMember,
  'meeting.edit': isLeadOrPeer,
  'meeting.join': isMember,
  'notes.read': isMember,
  'notes.write': isParticipant,
  'financials.read': isMember,
  'financials.figures': seesFigures,
  // Others' coach-only figures; an owner always sees their own (checked in the service).
  'financials.coachOnly': isLead,
  // Members enter their own figures only; nobody writes a company's numbers for it.
  'financials.write': isCompany,
  'kpis.manage': isLeadOrPeer,
  // Network benchmarks are k-anonymous but still the network's numbers: not for observers.
  'benchmarks.read': isParticipant,
  'goals.read': isMember,
  'goals.write': isCompany,
  // Setting a goal for someone else, reviewing, flagging vague targets: whoever runs the room.
  'goals.assign': isLeadOrFacilitator,
  'goals.review': isLeadOrFacilitator,
  'goals.flag': isLeadOrFacilitator,
  'resources.read': isMember,
  // Observers are read-only guests; whoever is in the room shares.
  'resources.share': isParticipant,
  // Removing someone else's resource: the coach (or an organiser) tidies the library.
  'resources.manage': isLead,
};

export function can(action: GroupAction, access: Access, group: Group): boolean {
  const rule = RULES[action] as Rule | undefined;
  return rule ? rule(access, group) : false;
}

export async function resolveAccess(storage: Storage, userId: string, group: Group): Promise<Access> {
  const [membership, organiser] = await Promise.all([
    storage.getMembership(group.id, userId),
    storage.isOrganiser(group.networkId, userId),
  ]);
  return { userId, groupRole: membership?.role ?? null, organiser };
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

/** The role shown to the user: their group role, else 'organiser'. */
export function displayRole(a: Access): GroupRole | 'organiser' {
  return a.groupRole ?? 'organiser';
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
  if (!access.groupRole && !access.organiser) throw new DomainError('not_found', 'No such group');
  if (!can(action, access, group)) throw new DomainError('forbidden', `Your role may not do this (${action})`);
  return { group, access };
}
