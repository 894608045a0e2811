// Network events (super week). The event's shared sessions are meetings of its host group, a
// group that holds no memberships: its audience is every participating group's people
// (shared/access eventRules, resolved in auth/policy resolveAccess), so joining, the wall,
// notes and resources of a shared session go through the ordinary meeting and group rules.
// Each group's own meeting of the event is an ordinary meeting of that group, linked to the
// event; it stays as private as any other meeting of the group.
import { can, checkEvent, type EventAction, type EventSubject } from '../../shared/access/index.ts';
import { checkDays } from '../../shared/calendar/meetingDays.ts';
import type { AgendaTemplateItem, Group, Meeting, MeetingDay } from '../../shared/domain.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  SESSION_TEMPLATE,
  SESSION_TEMPLATE_ID,
  type CreateEventBody,
  type EventGroupMeetingBody,
  type EventScheduleEntry,
  type EventSessionBody,
  type EventSummary,
  type EventView,
  type NetworkEvent,
} from '../../shared/events.ts';
import { quarterOf } from '../../shared/financials/quarters.ts';
import { resolveAccess } from '../auth/policy.ts';
import { newId } from '../auth/tokens.ts';
import type { Storage } from '../storage/types.ts';
import { eventSubject } from './meetingEvents.ts';
import { authorizeMeeting, createMeeting, templateItems } from './meetings.ts';
import { authorizeNetwork } from './networks.ts';

/** Loads the event and checks the action; anyone outside its audience gets not_found. */
export async function authorizeEvent(storage: Storage, userId: string, eventId: string, action: EventAction): Promise<{ event: NetworkEvent; subject: EventSubject }> {
  const event = await storage.getNetworkEvent(eventId);
  const subject = event && (await eventSubject(storage, userId, event));
  if (!event || !subject || checkEvent('event.read', subject)) throw new DomainError('not_found', 'No such event');
  const denied = checkEvent(action, subject);
  if (denied) throw new DomainError(denied.code, denied.message);
  return { event, subject };
}

/** The quarter a meeting on these days belongs to (its first day's). */
const quarterOfDays = (days: readonly MeetingDay[]): string => quarterOf(new Date(`${days[0]!.date}T12:00:00Z`));

/** A meeting of the event lies on the event's days. */
function requireEventDays(event: Pick<NetworkEvent, 'days' | 'timeZone'>, days: readonly MeetingDay[]): void {
  const problem = checkDays([...days], event.timeZone);
  if (problem) throw new DomainError('bad_request', problem);
  const outside = days.find((d) => !event.days.includes(d.date));
  if (outside) throw new DomainError('bad_request', `days: ${outside.date} is not a day of the event (${event.days.join(', ')})`);
}

/**
 * A shared session's agenda: the session template, a built-in one, or a participating group's
 * saved template; createMeeting leaves out the items a shared session cannot hold (shared/access agendaKinds).
 */
async function sessionItems(storage: Storage, event: NetworkEvent, templateId: string | undefined): Promise<readonly AgendaTemplateItem[]> {
  if (templateId === undefined || templateId === SESSION_TEMPLATE_ID) return SESSION_TEMPLATE;
  if (templateId === 'standard' || templateId === 'two-day') return templateItems(storage, event.hostGroupId, templateId);
  const t = await storage.getTemplate(templateId);
  if (!t || !t.groupId || !event.groupIds.includes(t.groupId)) throw new DomainError('bad_request', 'templateId: no such template in the participating groups');
  return t.items;
}

export async function addSession(storage: Storage, userId: string, eventId: string, body: EventSessionBody): Promise<Meeting> {
  const { event } = await authorizeEvent(storage, userId, eventId, 'event.manage');
  return storage.transaction((tx) => createSession(tx, userId, event, body));
}

async function createSession(storage: Storage, userId: string, event: NetworkEvent, body: EventSessionBody): Promise<Meeting> {
  requireEventDays(event, body.days);
  const items = await sessionItems(storage, event, body.templateId);
  const { meeting } = await createMeeting(
    storage,
    userId,
    event.hostGroupId,
    { quarter: quarterOfDays(body.days), title: body.title, days: body.days, timeZone: event.timeZone, location: body.location ?? null, onlineUrl: body.onlineUrl ?? null },
    items,
  );
  await storage.linkEventMeeting(event.id, meeting.id);
  return meeting;
}

export async function addGroupMeeting(storage: Storage, userId: string, eventId: string, body: EventGroupMeetingBody): Promise<Meeting> {
  const { event } = await authorizeEvent(storage, userId, eventId, 'event.manage');
  return storage.transaction((tx) => groupMeeting(tx, userId, event, body));
}

async function groupMeeting(storage: Storage, userId: string, event: NetworkEvent, body: EventGroupMeetingBody): Promise<Meeting> {
  if (!event.groupIds.includes(body.groupId)) throw new DomainError('bad_request', 'groupId: the group does not take part in this event');
  let meeting: Meeting;
  if ('meetingId' in body) {
    ({ meeting } = await authorizeMeeting(storage, userId, body.meetingId, 'meeting.edit'));
    if (meeting.groupId !== body.groupId) throw new DomainError('bad_request', 'meetingId: not a meeting of that group');
    requireEventDays(event, meeting.days.length > 0 ? meeting.days : []);
  } else {
    requireEventDays(event, body.days);
    const group = await storage.getGroup(body.groupId);
    ({ meeting } = await createMeeting(storage, userId, body.groupId, {
      quarter: quarterOfDays(body.days),
      title: body.title ?? `${event.name}: ${group?.name ?? 'group meeting'}`,
      templateId: body.templateId,
      days: body.days,
      timeZone: event.timeZone,
      location: body.location ?? null,
    }));
  }
  if (!(await storage.linkEventMeeting(event.id, meeting.id))) throw new DomainError('conflict', 'This meeting already belongs to an event');
  return meeting;
}

/** Creates the event with its host group, shared sessions and groups' meetings: all or nothing. */
export async function createEvent(storage: Storage, userId: string, networkId: string, body: CreateEventBody & { sessions: EventSessionBody[]; groupMeetings: EventGroupMeetingBody[] }): Promise<EventView> {
  await authorizeNetwork(storage, userId, networkId, 'network.events.create');
  // Only the network's groups of people: never another network's, never an event's host group.
  const groups = new Set((await storage.listGroupsInNetwork(networkId)).map((g) => g.id));
  const stranger = body.groupIds.find((id) => !groups.has(id));
  if (stranger) throw new DomainError('bad_request', `groupIds: ${stranger} is not a group of this network`);
  const eventId = await storage.transaction(async (tx) => {
    const host = await tx.createGroup({ id: newId(), networkId, name: body.name, leadership: 'coach-led', format: 'hybrid', tags: [] });
    const event: NetworkEvent = {
      id: newId(),
      networkId,
      hostGroupId: host.id,
      name: body.name,
      timeZone: body.timeZone,
      days: body.days,
      groupIds: body.groupIds,
      createdBy: userId,
      createdAt: new Date().toISOString(),
    };
    await tx.createNetworkEvent(event);
    for (const s of body.sessions) await createSession(tx, userId, event, s);
    for (const g of body.groupMeetings) await groupMeeting(tx, userId, event, g);
    return event.id;
  });
  return eventView(storage, userId, eventId);
}

/** The event and the caller's schedule in it: the shared sessions and the meetings of their own groups. */
export async function eventView(storage: Storage, userId: string, eventId: string): Promise<EventView> {
  const { event, subject } = await authorizeEvent(storage, userId, eventId, 'event.read');
  const groups = (await Promise.all(event.groupIds.map((id) => storage.getGroup(id)))).filter((g): g is Group => g !== null);
  return { event, groups: groups.map((g) => ({ id: g.id, name: g.name })), schedule: await schedule(storage, userId, event), canManage: !checkEvent('event.manage', subject) };
}

/** The event's meetings this user may read, by start. */
export async function schedule(storage: Storage, userId: string, event: NetworkEvent): Promise<EventScheduleEntry[]> {
  const out: EventScheduleEntry[] = [];
  const groups = new Map<string, Group | null>();
  for (const id of await storage.listEventMeetingIds(event.id)) {
    const meeting = await storage.getMeeting(id);
    if (!meeting) continue;
    if (!groups.has(meeting.groupId)) groups.set(meeting.groupId, await storage.getGroup(meeting.groupId));
    const group = groups.get(meeting.groupId);
    if (!group || !can('meeting.read', await resolveAccess(storage, userId, group), group)) continue;
    const shared = meeting.groupId === event.hostGroupId;
    out.push({ kind: shared ? 'shared' : 'group', meeting, groupName: shared ? event.name : group.name });
  }
  return out.sort((a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt) || a.groupName.localeCompare(b.groupName));
}

/** The events the user organises or takes part in (observers included), by first day. */
export async function listMyEvents(storage: Storage, userId: string): Promise<NetworkEvent[]> {
  const found = new Map<string, NetworkEvent>();
  for (const n of await storage.listOrganisedNetworks(userId)) for (const e of await storage.listNetworkEvents(n.id)) found.set(e.id, e);
  for (const { group } of await storage.listGroupsOfUser(userId)) for (const e of await storage.listEventsOfGroup(group.id)) found.set(e.id, e);
  return [...found.values()].sort((a, b) => (a.days[0] ?? '').localeCompare(b.days[0] ?? '') || a.name.localeCompare(b.name));
}

export const eventSummary = (e: NetworkEvent): EventSummary => ({ id: e.id, networkId: e.networkId, name: e.name, days: e.days, timeZone: e.timeZone });
