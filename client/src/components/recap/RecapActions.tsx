// Downloads of the recap (PDF, Markdown, the meeting's calendar entry), and "mark final" for the
// facilitator or the coach once members have had their chance to correct the notes. Downloads
// leave out what stays in the room; when this reader's recap holds some (only people in the room
// ever get it), they can download a copy that includes it, marked.
import { useState } from 'react';
import type { Meeting } from '../../../../shared/domain.ts';
import { afterwardsApi } from '../../api/afterwards.ts';
import { errorMessage, http } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';

export function RecapActions({ meeting, holdsRoomOnly, canFinalize, onChange }: { meeting: Meeting; holdsRoomOnly: boolean; canFinalize: boolean; onChange: (m: Meeting) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const final = Boolean(meeting.recapFinalAt);
  const toggle = async () => {
    setError(null);
    setBusy(true);
    try {
      onChange(await http.put<Meeting>(`/api/meetings/${encodeURIComponent(meeting.id)}/recap-final`, { final: !final }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="recap-actions" data-testid="recap-actions">
      <a className="btn" href={afterwardsApi.recapPdfUrl(meeting.id)} download>
        Download PDF
      </a>
      <a className="btn" href={afterwardsApi.recapMarkdownUrl(meeting.id)} download>
        Download Markdown
      </a>
      {holdsRoomOnly && (
        <span className="recap-room-only" data-testid="recap-room-only-downloads">
          With what stays in the room:{' '}
          <a className="btn" href={afterwardsApi.recapPdfUrl(meeting.id, true)} download>
            PDF<span className="visually-hidden"> with what stays in the room</span>
          </a>{' '}
          <a className="btn" href={afterwardsApi.recapMarkdownUrl(meeting.id, true)} download>
            Markdown<span className="visually-hidden"> with what stays in the room</span>
          </a>
        </span>
      )}
      <a className="btn" href={afterwardsApi.meetingIcsUrl(meeting.id)} download>
        Calendar entry (.ics)
      </a>
      {final && (
        <span className="badge status-ended" title={`Marked final ${meeting.recapFinalAt?.slice(0, 10) ?? ''}`}>
          Final
        </span>
      )}
      {canFinalize && meeting.status === 'ended' && (
        <button type="button" className="btn" disabled={busy} onClick={() => void toggle()}>
          {final ? 'Reopen for corrections' : 'Mark recap final'}
        </button>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
    </div>
  );
}
