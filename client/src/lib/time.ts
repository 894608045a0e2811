// Calendar helpers for scheduling: quarters, IANA zones, and wall-clock-in-a-zone to instant.
import { zonedToInstant } from '../../../shared/calendar/zoned.ts';
import { addQuarters, quarterOf } from '../../../shared/financials/quarters.ts';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The quarter `now` falls in on the viewer's calendar, "2026-Q4": on New Year's night a Berlin
 * user is already in Q1 while UTC is still in Q4.
 */
export function currentQuarter(now = new Date(), zone = browserTimeZone()): string {
  return quarterOf(now, zone);
}

/** The quarter after the viewer's current one. */
export function nextQuarter(now = new Date(), zone = browserTimeZone()): string {
  return addQuarters(currentQuarter(now, zone), 1);
}

/** Every zone the browser knows, with the browser's own zone guaranteed to be present. */
export function timeZones(): string[] {
  const own = browserTimeZone();
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  return all.includes(own) ? all : [own, ...all];
}

/**
 * "2026-10-15T09:00" (a datetime-local value) read as wall time in `zone` -> ISO instant, by
 * @date-fns/tz (shared/calendar/zoned.ts) so DST changes are the library's, not ours. null when
 * the input is not a date-time.
 */
export function zonedLocalToIso(local: string, zone: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(local);
  const ms = m ? zonedToInstant(m[1] as string, m[2] as string, zone) : null;
  return ms === null ? null : new Date(ms).toISOString();
}

/** Minutes for agenda and running-late text: "45 min", "1 h 5 min". */
export function formatMinutes(ms: number): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  if (total === 0 && ms !== 0) return '<1 min';
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A day as people read it in the viewer's zone, "3 Dec 2026"; the raw value if unreadable. */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(d);
}
