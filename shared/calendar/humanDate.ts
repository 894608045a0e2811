// Dates as people read them, never ISO: "Thursday 14 January 2027", a run of days as
// "14–15 January 2027", through Intl in the reader's locale and the meeting's time zone.
// The server writes English documents (exports, mails) and passes 'en-GB'; the client passes
// the viewer's locale.

export const DOCUMENT_LOCALE = 'en-GB';

const DAY_MS = 86_400_000;

/** British usage has no comma after the weekday; other locales keep what Intl gives. */
function tidy(text: string, locale: string): string {
  // Intl's thin and narrow no-break spaces become plain ones: PDF fonts have no glyph for them.
  const spaced = text.replace(/[\u2009\u202f]/gu, ' ');
  const out = locale.toLowerCase().startsWith('en-gb') ? spaced.replace(/^(\p{L}+),/u, '$1') : spaced;
  // "14 – 15 January" -> "14–15 January": a range of bare day numbers takes a closed-up dash
  // (U+2013, escaped: see scripts/build-server.mjs on non-ASCII source).
  return out.replace(/(^|\D)(\d{1,2})\s+\u2013\s+(\d{1,2}\D)/gu, '$1$2\u2013$3');
}

/** The day of an instant in a zone: "Thursday 14 January 2027". */
export function humanDate(ms: number, zone: string, locale = DOCUMENT_LOCALE): string {
  return tidy(new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(new Date(ms)), locale);
}

/** A start with its time: "Thursday 14 January 2027, 09:00". */
export function humanDateTime(ms: number, zone: string, locale = DOCUMENT_LOCALE): string {
  const time = tidy(new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(ms)), locale);
  return `${humanDate(ms, zone, locale)}, ${time}`;
}

/** A calendar date with no zone ("2027-01-14", e.g. a commitment's due date) as a human date. */
export function humanCalendarDate(date: string, locale = DOCUMENT_LOCALE): string {
  const ms = Date.parse(`${date}T12:00:00Z`);
  return Number.isNaN(ms) ? date : humanDate(ms, 'UTC', locale);
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
function dateIn(ms: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone }).format(new Date(ms));
}

/**
 * The days instants fall on: one day with its weekday, consecutive days as a range
 * ("14–15 January 2027", "31 January – 1 February 2027"), days apart as a list joined by "and".
 */
export function humanDays(instants: readonly number[], zone: string, locale = DOCUMENT_LOCALE): string {
  const byDate = new Map<string, number>();
  for (const ms of [...instants].sort((a, b) => a - b)) if (!byDate.has(dateIn(ms, zone))) byDate.set(dateIn(ms, zone), ms);
  const dates = [...byDate.keys()];
  const firsts = [...byDate.values()];
  if (firsts.length === 0) return '';
  if (firsts.length === 1) return humanDate(firsts[0]!, zone, locale);
  const consecutive = dates.every((d, i) => i === 0 || Date.parse(`${d}T00:00:00Z`) - Date.parse(`${dates[i - 1]}T00:00:00Z`) === DAY_MS);
  if (consecutive) {
    const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
    return tidy(fmt.formatRange(new Date(firsts[0]!), new Date(firsts[firsts.length - 1]!)), locale);
  }
  const each = firsts.map((ms) => humanDate(ms, zone, locale));
  return `${each.slice(0, -1).join(', ')} and ${each[each.length - 1]}`;
}
