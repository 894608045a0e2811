// Wall time in a meeting's zone <-> instants, and times as a viewer reads them. Offsets and DST
// come from @date-fns/tz (the platform's Intl time-zone data), never from hand-written offsets.
import { TZDate } from '@date-fns/tz';
import type { MeetingDay } from '../domain.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * "2026-10-15" + "09:00" read as wall time in `zone` -> epoch ms; null when unreadable (no such
 * date, time or zone). A time in the spring-forward gap moves forward by the gap (02:30 ->
 * 03:30); a time that happens twice in autumn is its first occurrence (still summer time).
 */
export function zonedToInstant(date: string, time: string, zone: string): number | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [y, mo, day] = d.slice(1).map(Number) as [number, number, number];
  const [h, mi] = t.slice(1).map(Number) as [number, number];
  try {
    const ms = new TZDate(y, mo - 1, day, h, mi, zone).getTime();
    if (Number.isNaN(ms) || instantToZoned(ms, zone).date !== date) return null; // 2026-02-30 and the like
    // The library resolves an ambiguous time differently per zone; take the earlier one always.
    for (const back of [3_600_000, 1_800_000]) {
      const earlier = instantToZoned(ms - back, zone);
      if (earlier.date === date && earlier.time === time) return ms - back;
    }
    return ms;
  } catch {
    return null;
  }
}

/** An instant as wall time in `zone`: {date:"2026-10-15", time:"09:00"}. */
export function instantToZoned(ms: number, zone: string): { date: string; time: string } {
  const z = new TZDate(ms, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`,
    time: `${pad(z.getHours())}:${pad(z.getMinutes())}`,
  };
}

/** A day's start and end as instants; null when the day cannot be read in that zone. */
export function dayBounds(day: MeetingDay, zone: string): { startMs: number; endMs: number } | null {
  const startMs = zonedToInstant(day.date, day.start, zone);
  const endMs = zonedToInstant(day.date, day.end, zone);
  return startMs === null || endMs === null ? null : { startMs, endMs };
}

/** "Europe/Berlin" -> "Berlin", "America/New_York" -> "New York", "UTC" -> "UTC". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "09:00" in `zone`. */
export function formatTime(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
}

/** "Thu 15 Oct 2026" in `zone`. */
export function formatDate(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(ms))
    .replace(',', '');
}

/** Whether two zones show the same wall time at `ms` (e.g. Europe/Berlin and Europe/Paris). */
export function sameWallTime(ms: number, a: string, b: string): boolean {
  if (a === b) return true;
  const x = instantToZoned(ms, a);
  const y = instantToZoned(ms, b);
  return x.date === y.date && x.time === y.time;
}

/**
 * A time for everyone: the meeting's zone named, and the viewer's own time beside it when it
 * differs: "09:00 Berlin · 03:00 your time". When the day differs too, the viewer's part says
 * which ("01:00 Fri your time").
 */
export function dualTime(ms: number, meetingZone: string, viewerZone: string): string {
  const there = `${formatTime(ms, meetingZone)} ${zoneCity(meetingZone)}`;
  if (sameWallTime(ms, meetingZone, viewerZone)) return there;
  const dayThere = instantToZoned(ms, meetingZone).date;
  const dayHere = instantToZoned(ms, viewerZone).date;
  const weekday = dayThere === dayHere ? '' : ` ${new Intl.DateTimeFormat('en-GB', { timeZone: viewerZone, weekday: 'short' }).format(new Date(ms))}`;
  return `${there} · ${formatTime(ms, viewerZone)}${weekday} your time`;
}

/**
 * When the room resumes, said from `now` in the meeting's zone: "today 13:30", "tomorrow
 * 08:30", "Mon 5 Oct 08:30". Calendar days are counted in the zone, so 23:00 -> 08:30 is tomorrow.
 */
export function resumesText(resumeMs: number, now: number, zone: string): string {
  const time = formatTime(resumeMs, zone);
  const a = instantToZoned(now, zone).date;
  const b = instantToZoned(resumeMs, zone).date;
  const days = Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  return `${formatDate(resumeMs, zone).replace(/ \d{4}$/, '')} ${time}`;
}

/** The browser's (or server's) own zone. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
