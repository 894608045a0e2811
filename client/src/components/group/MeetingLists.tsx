// Upcoming (scheduled or live) meetings open the live room; past ones are the archive of recaps.
import { Link } from 'react-router';
import type { GroupMeeting } from '../../../../shared/api.ts';
import { meetingWhen } from '../../lib/meetingTime.ts';
import { PartOfEvent } from '../events/PartOfEvent.tsx';
import { CallLink } from '../meeting/CallLink.tsx';
import { MeetingArchive } from './MeetingArchive.tsx';

function MeetingItem({ meeting }: { meeting: GroupMeeting }) {
  return (
    <li className="meeting-item">
      <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
      {meeting.status === 'live' && <span className="badge badge-live">Live now</span>}
      <span className="muted">
        {meeting.quarter} · {meetingWhen(meeting)}
        {meeting.location && ` · ${meeting.location}`}
      </span>
      <PartOfEvent event={meeting.event} />
      <CallLink url={meeting.onlineUrl} className="btn btn-small" />
    </li>
  );
}

export function MeetingLists({ meetings }: { meetings: GroupMeeting[] }) {
  const byStart = (a: GroupMeeting, b: GroupMeeting) => a.startsAt.localeCompare(b.startsAt);
  const upcoming = meetings.filter((m) => m.status !== 'ended').sort(byStart);
  const past = meetings.filter((m) => m.status === 'ended');
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
      <MeetingArchive meetings={past} />
    </section>
  );
}
