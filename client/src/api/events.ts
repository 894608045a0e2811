// Network events (super week): the organiser's event form, each attendee's event page.
import type { Meeting } from '../../../shared/domain.ts';
import type { CreateEventBody, EventGroupMeetingBody, EventSessionBody, EventSummary, EventView } from '../../../shared/events.ts';
import { http } from './http.ts';

const enc = encodeURIComponent;

export const eventsApi = {
  mine: () => http.get<EventSummary[]>('/api/events'),
  get: (eventId: string) => http.get<EventView>(`/api/events/${enc(eventId)}`),
  create: (networkId: string, body: CreateEventBody) => http.post<EventView>(`/api/networks/${enc(networkId)}/events`, body),
  addSession: (eventId: string, body: EventSessionBody) => http.post<Meeting>(`/api/events/${enc(eventId)}/sessions`, body),
  /** A participating group's own meeting of the event: an existing one linked, or a new one. */
  addGroupMeeting: (eventId: string, body: EventGroupMeetingBody) => http.post<Meeting>(`/api/events/${enc(eventId)}/meetings`, body),
  /** The .ics with only the caller's sessions: a download link, sent with the session cookie. */
  calendarUrl: (eventId: string) => `/api/events/${enc(eventId)}/calendar.ics`,
};
