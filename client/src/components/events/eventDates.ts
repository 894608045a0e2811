// Event dates ("2027-03-01") as people read them: "Mon 1 Mar 2027". A date has no zone: read in UTC.
import { formatDate } from '../../../../shared/calendar/zoned.ts';

export const dateLabel = (date: string): string => formatDate(Date.parse(`${date}T12:00:00Z`), 'UTC');

/** "Mon 1 Mar 2027 – Wed 3 Mar 2027" (one date alone when the event is one day). */
export const dateRange = (days: readonly string[]): string =>
  days.length === 0 ? '' : days.length === 1 ? dateLabel(days[0]!) : `${dateLabel(days[0]!)} – ${dateLabel(days[days.length - 1]!)}`;
