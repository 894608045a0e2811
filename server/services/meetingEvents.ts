// Which network event a meeting is part of, as the meeting answers show it (GroupDetail's
// meetings, MeetingDetail, room:join): the event's id and name, told only to someone who may open
// the event's page (shared/access event.read, as GET /api/events/:id), so it reveals no more.
import { checkEvent, eventAudienceRole, type EventSubject } from '../../shared/access/index.ts';
import type { EventRef, NetworkEvent } from '../../shared/events.ts';
import type { Storage } from '../storage/types.ts';

type EventStorage = Pick<Storage, 'eventsOfMeetings' | 'isOrganiser' | 'eventAudienceRoles'>;

export async function eventSubject(storage: Pick<Storage, 'isOrganiser' | 'eventAudienceRoles'>, userId: string, event: Pick<NetworkEvent, 'networkId' | 'hostGroupId'>): Promise<EventSubject> {
  const [organiser, roles] = await Promise.all([storage.isOrganiser(event.networkId, userId), storage.eventAudienceRoles(event.hostGroupId, userId)]);
  return { userId, organiser, audienceRole: eventAudienceRole(roles ?? []) };
}

/** Each meeting's event the user may open, by meeting id (meetings of no event, or of one they may not open, are left out). */
export async function eventRefsOfMeetings(storage: EventStorage, userId: string, meetingIds: readonly string[]): Promise<Map<string, EventRef>> {
  // One read for all the meetings; a group's meetings share few events, each checked once.
  const linked = await storage.eventsOfMeetings(meetingIds);
  const distinct = new Map([...linked.values()].map((e) => [e.id, e]));
  const readable = new Set<string>();
  await Promise.all(
    [...distinct.values()].map(async (event) => {
      if (!checkEvent('event.read', await eventSubject(storage, userId, event))) readable.add(event.id);
    }),
  );
  const out = new Map<string, EventRef>();
  for (const [meetingId, event] of linked) if (readable.has(event.id)) out.set(meetingId, { id: event.id, name: event.name });
  return out;
}

/** The meeting's event as the user may see it; null when it is part of none (or none they may open). */
export async function eventOfMeetingFor(storage: EventStorage, userId: string, meetingId: string): Promise<EventRef | null> {
  return (await eventRefsOfMeetings(storage, userId, [meetingId])).get(meetingId) ?? null;
}
