// Endpoints for the record after the meeting: search, my page, recap exports.
import { http } from './http.ts';

const enc = encodeURIComponent;

export interface SearchHit {
  id: string;
  kind: 'notes' | 'commitment' | 'goal' | 'resource';
  groupId: string;
  meetingId: string | null;
  itemId: string | null;
  title: string;
  /** Matches are wrapped in U+0002 … U+0003; render them as marks, never as HTML. */
  snippet: string;
  meetingTitle: string | null;
  quarter: string | null;
}

export const afterwardsApi = {
  search: (groupId: string, q: string) => http.get<{ hits: SearchHit[] }>(`/api/groups/${enc(groupId)}/search?q=${enc(q)}`),
  /** `withRoomOnly`: the caller's own copy including what stays in the room, marked (people in the room only). */
  recapPdfUrl: (meetingId: string, withRoomOnly = false) => `/api/meetings/${enc(meetingId)}/recap.pdf${withRoomOnly ? '?roomOnly=include' : ''}`,
  recapMarkdownUrl: (meetingId: string, withRoomOnly = false) => `/api/meetings/${enc(meetingId)}/recap.md${withRoomOnly ? '?roomOnly=include' : ''}`,
  meetingIcsUrl: (meetingId: string) => `/api/meetings/${enc(meetingId)}/calendar.ics`,
};
