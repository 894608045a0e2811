// Each meeting day as it ran: when (in the meeting's zone, and the viewer's when it differs), actual against planned minutes, and
// that day's attendance.
import type { Meeting } from '../../../../shared/domain.ts';
import type { RecapDay } from '../../../../shared/records.ts';
import { humanCalendarDate, humanDate } from '../../../../shared/calendar/humanDate.ts';
import { viewerLocale } from '../../lib/locale.ts';
import { dualTime, hoursText, localTimeZone } from '../../lib/meetingTime.ts';
import { ATTENDANCE_LABEL } from '../../lib/labels.ts';

export function RecapDays({ days, meeting, name }: { days: RecapDay[]; meeting: Meeting; name: (userId: string) => string }) {
  if (days.length < 2 && !days.some((d) => d.attendance && d.attendance.length > 0)) return null;
  const zone = meeting.timeZone;
  const viewer = localTimeZone();
  const locale = viewerLocale();
  return (
    <section className="card section" aria-labelledby="r-days">
      <h2 id="r-days">Days</h2>
      <ol className="day-list" data-testid="recap-days">
        {days.map((d) => {
          const start = d.startedAt ? Date.parse(d.startedAt) : null;
          const end = d.endedAt ? Date.parse(d.endedAt) : null;
          return (
            <li key={d.day} data-testid={`recap-day-${d.day}`}>
              <strong>Day {d.day}</strong>
              {start !== null ? ` · ${humanDate(start, zone, locale)} · ${end !== null ? hoursText(start, end, zone, viewer) : `${dualTime(start, zone, viewer)} – …`}` : d.date ? ` · ${humanCalendarDate(d.date, locale)} · did not run` : ''}
              {' · '}
              <span data-testid="recap-day-minutes">
                {d.actualMin} min actual of {d.plannedMin} planned
              </span>
              {d.attendance && d.attendance.length > 0 && (
                <p className="muted">{d.attendance.map((a) => `${name(a.userId)} (${ATTENDANCE_LABEL[a.status].toLowerCase()})`).join(', ')}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
