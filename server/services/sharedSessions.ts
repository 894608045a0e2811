// A network event's shared session as one attendee is in it. The session is a meeting of the
// event's host group, whose people are every participating group's: what the room keeps for
// everyone (agenda, notes, resources) stays there, but what one attendee keeps for their own
// group (a parked topic, the way back to their group page) goes to a group they attend the event
// through (shared/access attendingGroups), decided here from their memberships and the event.
import { attendingGroups, seesEmailInSession } from '../../shared/access/index.ts';
import type { Group, ListedMember, Meeting } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import type { NetworkEvent, SharedSessionView } from '../../shared/events.ts';
import type { Access } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';

type SessionStorage = Pick<Storage, 'eventOfMeeting' | 'getNetworkEvent' | 'listGroupsOfUser' | 'getGroup'>;

/** The event whose shared session this meeting is; null for any other meeting (a group's own meeting of an event too). */
export async function eventOfSharedSession(storage: Pick<Storage, 'eventOfMeeting' | 'getNetworkEvent'>, meeting: Pick<Meeting, 'id' | 'groupId'>): Promise<NetworkEvent | null> {
  const eventId = await storage.eventOfMeeting(meeting.id);
  const event = eventId ? await storage.getNetworkEvent(eventId) : null;
  return event?.hostGroupId === meeting.groupId ? event : null;
}

/** The groups the user attends the event through, in the event's order. */
async function groupsAttendedThrough(storage: SessionStorage, userId: string, event: NetworkEvent, organiser: boolean): Promise<{ id: string; name: string }[]> {
  const mine = await storage.listGroupsOfUser(userId);
  const names = new Map(mine.map(({ group }) => [group.id, group.name]));
  const ids = attendingGroups(event.groupIds, new Map(mine.map(({ group, role }) => [group.id, role])), organiser);
  // An organiser attends for groups they are not in: those names come from the groups themselves.
  return Promise.all(ids.map(async (id) => ({ id, name: names.get(id) ?? (await storage.getGroup(id))?.name ?? '' })));
}

/** The event's groups by name, in its order (a group deleted since is left out). */
async function participatingGroups(storage: SessionStorage, event: NetworkEvent): Promise<{ id: string; name: string }[]> {
  const groups = await Promise.all(event.groupIds.map((id) => storage.getGroup(id)));
  return groups.flatMap((g) => (g ? [{ id: g.id, name: g.name }] : []));
}

/** Who asks about a meeting: `eventAudience` (resolveAccess) marks a meeting of an event's host group. */
type SessionViewer = Pick<Access, 'organiser' | 'eventAudience'>;

/**
 * The event whose shared session this meeting is, for a viewer whose access was resolved in the
 * meeting's group: only a host group's meetings can be one, so any other meeting costs no read.
 */
function sessionEventFor(storage: SessionStorage, viewer: SessionViewer, meeting: Pick<Meeting, 'id' | 'groupId'>): Promise<NetworkEvent | null> {
  return viewer.eventAudience === true ? eventOfSharedSession(storage, meeting) : Promise.resolve(null);
}

/** The meeting answers' `sharedSession`: null unless the meeting is a shared session. */
export async function sharedSessionView(storage: SessionStorage, userId: string, meeting: Pick<Meeting, 'id' | 'groupId'>, viewer: SessionViewer): Promise<SharedSessionView | null> {
  const event = await sessionEventFor(storage, viewer, meeting);
  if (!event) return null;
  const [groups, eventGroups] = await Promise.all([groupsAttendedThrough(storage, userId, event, viewer.organiser), participatingGroups(storage, event)]);
  return { event: { id: event.id, name: event.name }, groups, eventGroups };
}

/**
 * The group whose parking lot takes a topic parked in this meeting: the meeting's own group; for
 * a shared session, the group the parker attends the event through, or, when they attend through
 * several, the one they name (`requested`, checked against those). Never the host group.
 */
export async function parkingGroupOf(storage: SessionStorage, userId: string, meeting: Pick<Meeting, 'id' | 'groupId'>, viewer: SessionViewer, requested?: string): Promise<string> {
  const event = await sessionEventFor(storage, viewer, meeting);
  const choices = event ? (await groupsAttendedThrough(storage, userId, event, viewer.organiser)).map((g) => g.id) : [meeting.groupId];
  if (requested !== undefined) {
    if (!choices.includes(requested)) throw new DomainError('bad_request', 'groupId: not a group you attend this meeting through');
    return requested;
  }
  if (choices.length === 1) return choices[0]!;
  if (choices.length === 0) throw new DomainError('forbidden', 'You attend this session through no group whose parking lot could take it');
  throw new DomainError('bad_request', 'groupId: you attend this session through several groups: name the one to park it for');
}

type RosterStorage = Pick<Storage, 'listMembers' | 'listNetworkEvents' | 'getGroup'>;

/** The event whose host group this is; null for any other group. */
async function eventHostedBy(storage: Pick<Storage, 'listNetworkEvents'>, group: Pick<Group, 'id' | 'networkId'>): Promise<NetworkEvent | null> {
  return (await storage.listNetworkEvents(group.networkId)).find((e) => e.hostGroupId === group.id) ?? null;
}

/**
 * A group's people as one viewer may see them (the group, meeting and room:join answers). Any
 * group but a host group: as stored. An event's host group (whose people are every participating
 * group's): each with the participating groups they belong to, and their address only where
 * shared/access seesEmailInSession allows (organisers, themselves, people of a group they share).
 */
export async function membersAsSeenBy(storage: RosterStorage, viewer: Pick<Access, 'userId' | 'organiser' | 'eventAudience'>, group: Pick<Group, 'id' | 'networkId'>): Promise<ListedMember[]> {
  // The viewer's access already says whether this is a host group (resolveAccess): any other
  // group's list is read as stored, without looking for an event.
  if (viewer.eventAudience !== true) return storage.listMembers(group.id);
  const [members, event] = await Promise.all([storage.listMembers(group.id), eventHostedBy(storage, group)]);
  if (!event) return members;
  const participating = await Promise.all(
    event.groupIds.map(async (id) => {
      const [g, people] = await Promise.all([storage.getGroup(id), storage.listMembers(id)]);
      return g ? [{ id: g.id, name: g.name, people: new Set(people.map((p) => p.userId)) }] : [];
    }),
  );
  const groups = participating.flat();
  const groupsOf = (userId: string) => groups.filter((g) => g.people.has(userId)).map(({ id, name }) => ({ id, name }));
  const reader = { userId: viewer.userId, organiser: viewer.organiser, groupIds: groupsOf(viewer.userId).map((g) => g.id) };
  return members.map((m) => {
    const own = groupsOf(m.userId);
    const sees = seesEmailInSession(reader, { userId: m.userId, groupIds: own.map((g) => g.id) });
    return { ...m, email: sees ? m.email : null, groups: own };
  });
}
