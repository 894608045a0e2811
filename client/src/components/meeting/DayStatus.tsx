// Which day the meeting is on, and while adjourned when it resumes: "Day 1 of 2 · resumes
// tomorrow 08:30". The wall says it in the meeting's zone; others also in their own.
import type { Meeting } from '../../../../shared/domain.ts';
import { currentDay, dayCount, isAdjourned } from '../../../../shared/meeting/days.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';
import { dayStartMs, formatTime, localTimeZone, resumesText, zoneCity } from '../../lib/meetingTime.ts';
import { sameWallTime } from '../../../../shared/calendar/zoned.ts';

export function dayStatusText(state: MeetingState, meeting: Meeting | null, now: number, viewer: string | null): string | null {
  const days = dayCount(state.agenda);
  if (days < 2 || state.status !== 'live') return null;
  const day = currentDay(state);
  if (!isAdjourned(state)) return `Day ${day + 1} of ${days}`;
  const resume = dayStartMs(meeting, day + 1);
  if (resume === null || !meeting) return `Day ${day + 1} of ${days} · adjourned`;
  const own = viewer && !sameWallTime(resume, meeting.timeZone, viewer) ? ` (${formatTime(resume, viewer)} your time)` : '';
  const zone = viewer ? ` ${zoneCity(meeting.timeZone)}` : '';
  return `Day ${day + 1} of ${days} · resumes ${resumesText(resume, now, meeting.timeZone)}${zone}${own}`;
}

/** `wall`: the meeting's zone only. */
export function DayStatus({ state, meeting, wall = false, className = 'day-status' }: { state: MeetingState; meeting: Meeting | null; wall?: boolean; className?: string }) {
  const now = useServerNow();
  const text = dayStatusText(state, meeting, now, wall ? null : localTimeZone());
  if (!text) return null;
  return (
    <p className={className} data-testid="day-status">
      {text}
    </p>
  );
}
