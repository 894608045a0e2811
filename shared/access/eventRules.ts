// Network events (super week): who is in an event's audience, and what they may do with the
// event itself. The shared sessions are meetings of the event's host group; the audience role
// computed here is the subject's groupRole in that group, so every group rule (meeting join,
// notes, wall, resources) applies to shared sessions unchanged.
import type { ApiError } from '../errors.ts';
import type { GroupRole } from '../domain.ts';
import { takesPart } from './subject.ts';

/**
 * The role in the event's shared sessions from the roles held in its participating groups:
 * whoever takes part in one (coach or member) joins as a participant ('member': a coach of
 * another group does not lead the shared room; organisers do); an observer stays a read-only
 * guest; anyone else is not in the audience.
 */
export function eventAudienceRole(roles: readonly GroupRole[]): GroupRole | null {
  if (roles.some((r) => takesPart(r))) return 'member';
  if (roles.includes('observer')) return 'observer';
  return null;
}

/**
 * The participating groups someone attends an event through: the ones they take part in (coach
 * or member; an observer there only follows). An organiser who takes part in none of them
 * attends on behalf of all of them. What a shared session keeps for one group rather than for
 * the whole room (a topic parked there, the way back to one's group) goes to one of these:
 * never to the host group, whose people are every group's.
 */
export function attendingGroups(groupIds: readonly string[], roles: ReadonlyMap<string, GroupRole>, organiser: boolean): string[] {
  const own = groupIds.filter((id) => takesPart(roles.get(id) ?? null));
  return own.length > 0 || !organiser ? own : [...groupIds];
}

/**
 * Whose email address a viewer reads in a shared session's list of people (the host group's
 * members). The room learns who is in it (names, companies, groups), but an address reaches someone
 * outside the session: it goes to the network's organisers, to the person themselves, and to
 * whoever shares a participating group with them (and reads it on that group's page anyway), never
 * to the rest of the room. `groupIds`: the participating groups each holds any membership of.
 */
export function seesEmailInSession(
  viewer: { userId: string; organiser: boolean; groupIds: readonly string[] },
  person: { userId: string; groupIds: readonly string[] },
): boolean {
  if (viewer.organiser || viewer.userId === person.userId) return true;
  return person.groupIds.some((id) => viewer.groupIds.includes(id));
}

/** One user's relation to one event. */
export interface EventSubject {
  userId: string;
  /** Organises the event's network. */
  organiser: boolean;
  /** eventAudienceRole of their roles in the participating groups. */
  audienceRole: GroupRole | null;
}

export const EVENT_ACTIONS = [
  // the event page: its days, groups and the caller's own schedule; their .ics
  'event.read',
  // adding shared sessions and groups' meetings
  'event.manage',
] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

const EVENT_RULES: Record<EventAction, (s: EventSubject) => boolean> = {
  'event.read': (s) => s.organiser || s.audienceRole !== null,
  'event.manage': (s) => s.organiser,
};

/** null when allowed; otherwise `forbidden`. */
export function checkEvent(action: EventAction, s: EventSubject): ApiError | null {
  const rule = Object.hasOwn(EVENT_RULES, action) ? EVENT_RULES[action] : undefined;
  return rule && rule(s) ? null : { code: 'forbidden', message: `Your role may not do this (${action})` };
}

export const canEvent = (action: EventAction, s: EventSubject): boolean => checkEvent(action, s) === null;
