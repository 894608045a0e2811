// Upcoming (scheduled or live) and past meetings of the group.
import { Link } from 'react-router';
import type { Meeting } from '../../../../shared/domain.ts';
import { formatMeetingTime } from '../../lib/time.ts';

function MeetingItem({ meeting }: { meeting: Meeting }) {
  return (
    <li className="meeting-item">
      {/* A past meeting opens as its read-only recap; an upcoming one as the live room. */}
      <Link to={meeting.status === 'ended' ? `/meetings/${meeting.id}/recap` : `/meetings/${meeting.id}`}>{meeting.title}</Link>
      {meeting.status === 'live' && <span className="badge badge-live">Live now</span>}
      {meeting.recapFinalAt && <span className="badge">Recap final</span>}
      <span className="muted">
        {meeting.quarter} · {formatMeetingTime(meeting.startsAt, meeting.timeZone)}
        {meeting.location && ` · ${meeting.location}`}
      </span>
    </li>
  );
}

export function MeetingLists({ meetings }: { meetings: Meeting[] }) {
  const byStart = (a: Meeting, b: Meeting) => a.startsAt.localeCompare(b.startsAt);
  const upcoming = meetings.filter((m) => m.status !== 'ended').sort(byStart);
  const past = meetings.filter((m) => m.status === 'ended').sort((a, b) => byStart(b, a));
  return (
    <section aria-labelledby="meetings" className="card section">
      <h2 id="meetings">Meetings</h2>
      <h3>Upcoming</h3>
      {upcoming.length === 0 ? (
        <p className="muted">No meeting scheduled.</p>
      ) : (
        <ul className="plain-list">
          {upcoming.map((m) => (
            <MeetingItem key={m.id} meeting={m} />
          ))}
        </ul>
      )}
      <h3>Past (the archive)</h3>
      {past.length === 0 ? (
        <p className="muted">No past meetings yet.</p>
      ) : (
        <ul className="plain-list">
          {past.map((m) => (
            <MeetingItem key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </section>
  );
}
