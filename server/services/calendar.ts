// Upcoming meetings as iCalendar: one meeting, or every upcoming meeting of a user's groups.
import { buildCalendar, type CalendarEvent } from '../../shared/calendar/ics.ts';
import type { Group, Meeting } from '../../shared/domain.ts';
import type { Storage } from '../storage/types.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { DomainError } from '../../shared/errors.ts';
import { authorizeMeeting } from './meetings.ts';
import { me } from './accounts.ts';

/** Planned length of the meeting: the sum of its agenda's time boxes (4 hours if unknown). */
async function plannedMs(storage: Storage, meetingId: string): Promise<number> {
  const state = await storage.getMeetingState(meetingId);
  const total = state?.agenda.reduce((sum, item) => sum + item.durationMs, 0) ?? 0;
  return total > 0 ? total : 4 * 60 * 60_000;
}

export async function toEvent(storage: Storage, meeting: Meeting, group: Group, origin: string): Promise<CalendarEvent> {
  return {
    uid: `${meeting.id}@peerboard`,
    start: meeting.startsAt,
    durationMs: await plannedMs(storage, meeting.id),
    summary: `${group.name}: ${meeting.title}`,
    description: `Peerboard meeting (${meeting.quarter}). Open it at ${origin}/meetings/${meeting.id}`,
    location: meeting.location ?? meeting.onlineUrl,
    url: meeting.onlineUrl ?? `${origin}/meetings/${meeting.id}`,
    stamp: meeting.createdAt,
  };
}

export async function meetingCalendar(storage: Storage, userId: string, meetingId: string, origin: string): Promise<string> {
  const { meeting, group } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
  return buildCalendar(`${group.name}: ${meeting.title}`, [await toEvent(storage, meeting, group, origin)]);
}

/** Every scheduled meeting from now on, across the user's groups (organisers: their networks' groups). */
export async function userCalendar(storage: Storage, userId: string, origin: string, now = Date.now()): Promise<string> {
  const user = await storage.getUser(userId);
  if (!user) return buildCalendar('Peerboard', []);
  const { groups } = await me(storage, user);
  const events: CalendarEvent[] = [];
  for (const { group } of groups) {
    for (const meeting of await storage.listMeetings(group.id)) {
      if (meeting.status === 'ended' || Date.parse(meeting.startsAt) + 24 * 60 * 60_000 < now) continue;
      events.push(await toEvent(storage, meeting, group, origin));
    }
  }
  events.sort((a, b) => a.start.localeCompare(b.start));
  return buildCalendar('Peerboard meetings', events);
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
