// Which network event a meeting is part of, as the meeting answers show it (GroupDetail's
// meetings, MeetingDetail, room:join): the event's id and name, told only to someone who may open
// the event's page (shared/access event.read, as GET /api/events/:id), so it reveals no more.
import { checkEvent, eventAudienceRole, type EventSubject } from '../../shared/access/index.ts';
import type { EventRef, NetworkEvent } from '../../shared/events.ts';
import type { Storage } from '../storage/types.ts';

type EventStorage = Pick<Storage, 'eventOfMeeting' | 'getNetworkEvent' | 'isOrganiser' | 'eventAudienceRoles'>;

export async function eventSubject(storage: Pick<Storage, 'isOrganiser' | 'eventAudienceRoles'>, userId: string, event: NetworkEvent): Promise<EventSubject> {
  const [organiser, roles] = await Promise.all([storage.isOrganiser(event.networkId, userId), storage.eventAudienceRoles(event.hostGroupId, userId)]);
  return { userId, organiser, audienceRole: eventAudienceRole(roles ?? []) };
}

/** Each meeting's event the user may open, by meeting id (meetings of no event, or of one they may not open, are left out). */
export async function eventsOfMeetings(storage: EventStorage, userId: string, meetingIds: readonly string[]): Promise<Map<string, EventRef>> {
  const eventIds = await Promise.all(meetingIds.map((id) => storage.eventOfMeeting(id)));
  // A group's meetings share few events: each is loaded and checked once.
  const refs = new Map<string, Promise<EventRef | null>>();
  const refOf = (eventId: string) => {
    if (!refs.has(eventId)) refs.set(eventId, readableRef(storage, userId, eventId));
    return refs.get(eventId)!;
  };
  const out = new Map<string, EventRef>();
  await Promise.all(
    meetingIds.map(async (meetingId, i) => {
      const ref = eventIds[i] ? await refOf(eventIds[i]) : null;
      if (ref) out.set(meetingId, ref);
    }),
  );
  return out;
}

/** The meeting's event as the user may see it; null when it is part of none (or none they may open). */
export async function eventOfMeetingFor(storage: EventStorage, userId: string, meetingId: string): Promise<EventRef | null> {
  return (await eventsOfMeetings(storage, userId, [meetingId])).get(meetingId) ?? null;
}

async function readableRef(storage: EventStorage, userId: string, eventId: string): Promise<EventRef | null> {
  const event = await storage.getNetworkEvent(eventId);
  if (!event || checkEvent('event.read', await eventSubject(storage, userId, event))) return null;
  return { id: event.id, name: event.name };
}
