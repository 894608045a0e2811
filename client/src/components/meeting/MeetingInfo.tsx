// When and where: each day with its hours in the meeting's zone and the viewer's, the place,
// and the call. What a remote member needs before the meeting starts.
import type { Meeting } from '../../../../shared/domain.ts';
import { meetingDayLines } from '../../lib/meetingTime.ts';
import { CallLink, safeCallUrl } from './CallLink.tsx';

export function MeetingInfo({ meeting }: { meeting: Meeting }) {
  const lines = meetingDayLines(meeting);
  const call = safeCallUrl(meeting.onlineUrl);
  return (
    <div className="meeting-info" data-testid="meeting-info">
      <ul className="meeting-days">
        {lines.map((l) => (
          <li key={l.label}>
            {lines.length > 1 && <strong>{l.label}: </strong>}
            {l.date} · {l.hours}
          </li>
        ))}
      </ul>
      {meeting.location && <p className="meeting-place">Where: {meeting.location}</p>}
      {call && (
        <p className="meeting-call">
          <CallLink url={call} /> <span className="muted call-url">{new URL(call).host}</span>
        </p>
      )}
    </div>
  );
}
