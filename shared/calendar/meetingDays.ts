// A meeting's days as scheduled (date, start, end in its zone): defaults from a start and the
// agenda's day lengths, checks, and the instants calendars and clocks need.
import type { AgendaItem, MeetingDay } from '../domain.ts';
import { LIMITS } from '../limits.ts';
import { agendaDays } from '../meeting/days.ts';
import { dayBounds, instantToZoned, zonedToInstant } from './zoned.ts';

/** Each agenda day's planned length (breaks included). */
export function dayLengthsMs(agenda: readonly Pick<AgendaItem, 'kind' | 'durationMs'>[]): number[] {
  return agendaDays(agenda).map((items) => items.reduce((sum, item) => sum + item.durationMs, 0));
}

/**
 * Days on consecutive dates from a first start, each starting at the same wall time and lasting
 * its agenda day's planned length (ending by 23:59 at the latest: a day never runs into the next).
 */
export function daysFromStart(startMs: number, zone: string, lengthsMs: number[]): MeetingDay[] {
  const first = instantToZoned(startMs, zone);
  return lengthsMs.map((length, i) => {
    const date = addDays(first.date, i);
    const dayStart = zonedToInstant(date, first.time, zone) ?? startMs + i * 86_400_000;
    const end = instantToZoned(dayStart + length, zone);
    return { date, start: first.time, end: end.date === date ? end.time : '23:59' };
  });
}

/** null when the days are usable in `zone`, else a sentence saying what is wrong. */
export function checkDays(days: readonly MeetingDay[], zone: string): string | null {
  if (days.length === 0) return 'days: give at least one day';
  if (days.length > LIMITS.meetingDaysMax) return `days: at most ${LIMITS.meetingDaysMax} days`;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as MeetingDay;
    const bounds = dayBounds(day, zone);
    if (!bounds) return `days[${i}]: not a date and times in ${zone}`;
    if (bounds.endMs <= bounds.startMs) return `days[${i}]: the end must come after the start`;
    if (i > 0 && day.date <= (days[i - 1] as MeetingDay).date) return `days[${i}]: days must be on later dates, in order`;
  }
  return null;
}

/** The first day's start as an ISO instant (the meeting's startsAt). */
export function firstStartIso(days: readonly MeetingDay[], zone: string): string | null {
  const first = days[0];
  const ms = first ? zonedToInstant(first.date, first.start, zone) : null;
  return ms === null ? null : new Date(ms).toISOString();
}

/** "2026-10-15" + n days, by the calendar (no clock involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
