// Upcoming meetings as iCalendar: one meeting, or every upcoming meeting of a user's groups.
import { buildCalendar, type CalendarEvent } from '../../shared/calendar/ics.ts';
import type { Group, Meeting } from '../../shared/domain.ts';
import type { Storage } from '../storage/types.ts';
import { dayBounds } from '../../shared/calendar/zoned.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { DomainError } from '../../shared/errors.ts';
import { authorizeMeeting } from './meetings.ts';
import { me } from './accounts.ts';
import { authorizeEvent, listMyEvents, schedule } from './events.ts';

/** Planned length of the meeting: the sum of its agenda's time boxes (4 hours if unknown). */
async function plannedMs(storage: Pick<Storage, 'getMeetingState'>, meetingId: string): Promise<number> {
  const state = await storage.getMeetingState(meetingId);
  const total = state?.agenda.reduce((sum, item) => sum + item.durationMs, 0) ?? 0;
  return total > 0 ? total : 4 * 60 * 60_000;
}

/**
 * One event per meeting day, each from its start to its end in the meeting's zone (written in
 * UTC). Day 1 keeps the meeting's UID, so calendars that imported a one-day meeting before
 * days existed update it; later days are `<id>-day<n>@peerboard`. A meeting scheduled before
 * days existed is one event of its planned agenda length.
 */
export async function toEvents(storage: Pick<Storage, 'getMeetingState'>, meeting: Meeting, group: Group, origin: string): Promise<CalendarEvent[]> {
  const common = {
    description: `Peerboard meeting (${meeting.quarter}, times in ${meeting.timeZone}). Open it at ${origin}/meetings/${meeting.id}${meeting.onlineUrl ? `\nCall: ${meeting.onlineUrl}` : ''}`,
    location: meeting.location ?? meeting.onlineUrl,
    url: meeting.onlineUrl ?? `${origin}/meetings/${meeting.id}`,
    stamp: meeting.createdAt,
  };
  const summary = `${group.name}: ${meeting.title}`;
  const days = meeting.days.map((day) => dayBounds(day, meeting.timeZone));
  if (days.length === 0 || days.some((d) => d === null)) {
    return [{ ...common, uid: `${meeting.id}@peerboard`, start: meeting.startsAt, durationMs: await plannedMs(storage, meeting.id), summary }];
  }
  return days.map((bounds, i) => {
    const { startMs, endMs } = bounds as { startMs: number; endMs: number };
    return {
      ...common,
      uid: i === 0 ? `${meeting.id}@peerboard` : `${meeting.id}-day${i + 1}@peerboard`,
      start: new Date(startMs).toISOString(),
      durationMs: endMs - startMs,
      summary: days.length > 1 ? `${summary} (day ${i + 1} of ${days.length})` : summary,
    };
  });
}

export async function meetingCalendar(storage: Storage, userId: string, meetingId: string, origin: string): Promise<string> {
  const { meeting, group } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  return buildCalendar(`${group.name}: ${meeting.title}`, await toEvents(storage, meeting, group, origin));
}

/** Every scheduled meeting from now on, across the user's groups (organisers: their networks' groups). */
export async function userCalendar(storage: Storage, userId: string, origin: string, now = Date.now()): Promise<string> {
  const user = await storage.getUser(userId);
  if (!user) return buildCalendar('Peerboard', []);
  const { groups } = await me(storage, user);
  const events: CalendarEvent[] = [];
  const meetings: { meeting: Meeting; group: Group }[] = [];
  for (const { group } of groups) for (const meeting of await storage.listMeetings(group.id)) meetings.push({ meeting, group });
  // The shared sessions of the user's events are theirs too (host groups are in no one's list).
  for (const event of await listMyEvents(storage, userId)) {
    const host = await storage.getGroup(event.hostGroupId);
    for (const { kind, meeting } of await schedule(storage, userId, event)) if (host && kind === 'shared') meetings.push({ meeting, group: host });
  }
  for (const { meeting, group } of meetings) {
    if (meeting.status === 'ended') continue;
    // Days still to come (and today's): a two-day meeting stays in the feed until its last day.
    for (const event of await toEvents(storage, meeting, group, origin)) {
      if (Date.parse(event.start) + 24 * 60 * 60_000 >= now) events.push(event);
    }
  }
  events.sort((a, b) => a.start.localeCompare(b.start));
  return buildCalendar('Peerboard meetings', events);
}

/**
 * One event's calendar for one person: only the sessions they may open (the shared sessions
 * and their own groups' meetings of the event), each meeting day an entry.
 */
export async function eventCalendar(storage: Storage, userId: string, eventId: string, origin: string): Promise<{ name: string; ics: string }> {
  const { event } = await authorizeEvent(storage, userId, eventId, 'event.read');
  const events: CalendarEvent[] = [];
  for (const { meeting, groupName } of await schedule(storage, userId, event)) {
    const group = await storage.getGroup(meeting.groupId);
    if (group) events.push(...(await toEvents(storage, meeting, { ...group, name: groupName }, origin)));
  }
  events.sort((a, b) => a.start.localeCompare(b.start));
  return { name: event.name, ics: buildCalendar(event.name, events) };
}

/**
 * A subscribable feed URL for calendar apps, which can't send our cookie. The secret in it is
 * a read-only capability for this one calendar, stored hashed and revocable; creating a new
 * one revokes the old. Server logs never record request URLs.
 */
export async function createCalendarFeed(storage: Storage, userId: string, origin: string): Promise<{ url: string }> {
  const token = newToken();
  await storage.setCalendarFeed(userId, hashToken(token), new Date().toISOString());
  return { url: `${origin}/api/calendar/${token}.ics` };
}

export async function revokeCalendarFeed(storage: Storage, userId: string): Promise<void> {
  await storage.deleteCalendarFeed(userId);
}

export async function feedCalendar(storage: Storage, token: string, origin: string): Promise<string> {
  const userId = await storage.calendarFeedUser(hashToken(token));
  if (!userId) throw new DomainError('not_found', 'This calendar feed does not exist or was revoked');
  return userCalendar(storage, userId, origin);
}
