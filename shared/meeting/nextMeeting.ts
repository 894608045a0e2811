// Scheduling the next meeting at the closing: the date proposed one quarter on, and what the
// facilitator sends. The proposal is 13 weeks (91 days) later, not "same day of month + 3
// months": groups meet on a weekday ("the second Thursday"), a venue is booked by weekday, and
// 91 days never lands on a day that does not exist (30 November + 3 months). It drifts a day a
// year against the calendar quarter; the facilitator moves it when that matters.
import { z } from 'zod';
import { callUrl } from '../api.ts';
import { addDays } from '../calendar/meetingDays.ts';
import { instantToZoned } from '../calendar/zoned.ts';
import type { Meeting } from '../domain.ts';
import { nextQuarter } from '../financials/quarters.ts';

/** Weeks from this meeting to the proposed next one: a quarter, same weekday. */
export const NEXT_MEETING_WEEKS = 13;

export const nextMeetingBody = z.object({
  /** The first day's date and start, wall time in this meeting's zone. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2027-03-04'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 09:00'),
  location: z.string().trim().max(200).nullable().optional(),
  onlineUrl: callUrl.nullable().optional(),
});
export type NextMeetingBody = z.infer<typeof nextMeetingBody>;

/** What the closing form starts from. */
export interface NextMeetingProposal {
  date: string;
  time: string;
  timeZone: string;
  quarter: string;
  location: string | null;
  onlineUrl: string | null;
}

/**
 * GET /api/meetings/:id/next: the proposal and the meeting scheduled from this one, if any. Both
 * null for a network event's shared session, which has no next meeting (shared/access
 * SHARED_SESSION_NEXT_MEETING).
 */
export interface NextMeetingView {
  proposal: NextMeetingProposal | null;
  next: Meeting | null;
}

/** The first day's wall date and time in the meeting's zone. */
export function firstDay(meeting: Pick<Meeting, 'days' | 'startsAt' | 'timeZone'>): { date: string; time: string } {
  const day = meeting.days[0];
  return day ? { date: day.date, time: day.start } : instantToZoned(Date.parse(meeting.startsAt), meeting.timeZone);
}

export function proposeNextMeeting(meeting: Pick<Meeting, 'days' | 'startsAt' | 'timeZone' | 'quarter' | 'location' | 'onlineUrl'>): NextMeetingProposal {
  const { date, time } = firstDay(meeting);
  let quarter = meeting.quarter;
  try {
    quarter = nextQuarter(meeting.quarter);
  } catch {
    // the last supported quarter: the facilitator's date still stands
  }
  return { date: addDays(date, NEXT_MEETING_WEEKS * 7), time, timeZone: meeting.timeZone, quarter, location: meeting.location, onlineUrl: meeting.onlineUrl };
}
