// When a commitment is overdue. Its due date is a plain date on the calendar of the meeting it was
// made in ("by Friday", said in a New York meeting, means Friday in New York), so it is overdue once
// that zone's date is past it: not UTC's, not the server's, not the reader's. The date in a zone
// comes from instantToZoned (Intl's zone data), never from hand-written offsets.
import { instantToZoned } from './zoned.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date ("2026-12-03") in `timeZone` at `now`; UTC's for a zone Intl does not know. */
export function todayIn(timeZone: string, now: Date | number): string {
  const ms = typeof now === 'number' ? now : now.getTime();
  const date = instantToZoned(ms, timeZone).date;
  return DATE.test(date) ? date : instantToZoned(ms, 'UTC').date;
}

/**
 * Whether a commitment due on `due` ("YYYY-MM-DD"; '' = no date) is overdue at `now`: today in
 * the meeting's `timeZone` is after it. On the due day itself it is not, until that day's midnight.
 */
export function isOverdue(due: string, timeZone: string, now: Date | number): boolean {
  return DATE.test(due) && due < todayIn(timeZone, now);
}
