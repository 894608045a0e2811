// A meeting's times as this viewer reads them: the meeting's zone named, the viewer's own time
// beside it when it differs (shared/calendar/zoned.ts). The wall shows the meeting's zone only.
import type { AgendaItem, Meeting } from '../../../shared/domain.ts';
import { dayBounds, dualTime, formatDate, formatTime, localTimeZone, resumesText, sameWallTime, zoneCity } from '../../../shared/calendar/zoned.ts';
import { dayOf, isDayEnd } from '../../../shared/meeting/days.ts';

export { dualTime, localTimeZone, zoneCity };

export interface DayLine {
  label: string;
  date: string;
  /** "09:00–17:00 Berlin · 03:00–11:00 your time" */
  hours: string;
  startMs: number;
}

/** "09:00–17:00 Berlin", plus "· 03:00–11:00 your time" when the viewer's clock differs. */
export function hoursText(startMs: number, endMs: number, zone: string, viewer: string): string {
  const there = `${formatTime(startMs, zone)}–${formatTime(endMs, zone)} ${zoneCity(zone)}`;
  if (sameWallTime(startMs, zone, viewer)) return there;
  return `${there} · ${formatTime(startMs, viewer)}–${formatTime(endMs, viewer)} your time`;
}

/** Each day of the meeting: "Day 1", "Sat 24 Oct 2026", its hours. A meeting without days: its start. */
export function meetingDayLines(meeting: Meeting, viewer = localTimeZone()): DayLine[] {
  const zone = meeting.timeZone;
  const lines: DayLine[] = [];
  meeting.days.forEach((day, i) => {
    const b = dayBounds(day, zone);
    if (!b) return;
    lines.push({ label: `Day ${i + 1}`, date: formatDate(b.startMs, zone), hours: hoursText(b.startMs, b.endMs, zone, viewer), startMs: b.startMs });
  });
  if (lines.length > 0) return lines;
  const start = Date.parse(meeting.startsAt);
  return [{ label: 'Starts', date: formatDate(start, zone), hours: dualTime(start, zone, viewer), startMs: start }];
}

/** One line for lists (home, group page): "Sat 24 Oct 2026 · 09:00 Berlin · 03:00 your time (2 days)". */
export function meetingWhen(meeting: Meeting, viewer = localTimeZone()): string {
  const days = meeting.days.length > 1 ? ` (${meeting.days.length} days)` : '';
  return `${startWhen(meeting.startsAt, meeting.timeZone, viewer)}${days}`;
}

/** A start instant for lists: "Sat 24 Oct 2026 · 09:00 Berlin · 03:00 your time"; the raw value if unreadable. */
export function startWhen(iso: string, zone: string, viewer = localTimeZone()): string {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) return iso;
  try {
    return `${formatDate(start, zone)} · ${dualTime(start, zone, viewer)}`;
  } catch {
    return iso;
  }
}

/**
 * Planned start of each agenda entry: its day's scheduled start plus the boxes before it that
 * day. null for entries of a day the schedule does not have.
 */
export function plannedStarts(agenda: readonly AgendaItem[], meeting: Meeting | null): (number | null)[] {
  if (!meeting) return agenda.map(() => null);
  let day = -1;
  let at: number | null = null;
  return agenda.map((item, i) => {
    const d = dayOf(agenda, i);
    if (d !== day) {
      day = d;
      const scheduled = meeting.days[d];
      at = scheduled ? (dayBounds(scheduled, meeting.timeZone)?.startMs ?? null) : d === 0 ? Date.parse(meeting.startsAt) : null;
    }
    const start = at;
    if (at !== null && !isDayEnd(item)) at += item.durationMs;
    return start;
  });
}

/** When day `day` (0-based) is scheduled to start; null if the schedule does not say. */
export function dayStartMs(meeting: Meeting | null, day: number): number | null {
  const d = meeting?.days[day];
  return d && meeting ? (dayBounds(d, meeting.timeZone)?.startMs ?? null) : null;
}

export { resumesText, formatTime };
