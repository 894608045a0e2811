// The group's archive: past meetings grouped by quarter, newest first, each opening its read-only
// recap, with the PDF and Markdown downloads at hand and a badge once the recap is final.
import { Link } from 'react-router';
import type { GroupMeeting } from '../../../../shared/api.ts';
import { compareQuarters } from '../../../../shared/financials/quarters.ts';
import { afterwardsApi } from '../../api/afterwards.ts';
import { startWhen } from '../../lib/meetingTime.ts';
import { PartOfEvent } from '../events/PartOfEvent.tsx';

function ArchivedMeeting({ meeting }: { meeting: GroupMeeting }) {
  return (
    <li className="meeting-item archive-item">
      <Link to={`/meetings/${meeting.id}/recap`}>{meeting.title}</Link>
      {meeting.recapFinalAt && <span className="badge status-ended">Final</span>}
      <span className="muted">
        {startWhen(meeting.startsAt, meeting.timeZone)}
        {meeting.location && ` · ${meeting.location}`}
      </span>
      <PartOfEvent event={meeting.event} />
      <span className="archive-downloads">
        {/* The hidden part keeps each link's name unique for screen readers listing links. */}
        <a href={afterwardsApi.recapPdfUrl(meeting.id)} download>
          Download PDF<span className="visually-hidden"> of {meeting.title}</span>
        </a>
        <a href={afterwardsApi.recapMarkdownUrl(meeting.id)} download>
          Markdown<span className="visually-hidden"> of {meeting.title}</span>
        </a>
      </span>
    </li>
  );
}

export function MeetingArchive({ meetings }: { meetings: GroupMeeting[] }) {
  const byQuarter = new Map<string, GroupMeeting[]>();
  for (const m of [...meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt))) {
    byQuarter.set(m.quarter, [...(byQuarter.get(m.quarter) ?? []), m]);
  }
  const quarters = [...byQuarter.keys()].sort((a, b) => compareQuarters(b, a));
  if (quarters.length === 0) return <p className="muted">No past meetings yet.</p>;
  return (
    <div data-testid="meeting-archive">
      {quarters.map((q) => (
        <section key={q} aria-labelledby={`archive-${q}`}>
          <h4 id={`archive-${q}`} className="archive-quarter">
            {q}
          </h4>
          <ul className="plain-list">
            {byQuarter.get(q)?.map((m) => <ArchivedMeeting key={m.id} meeting={m} />)}
          </ul>
        </section>
      ))}
    </div>
  );
}
