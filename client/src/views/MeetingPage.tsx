// /meetings/:id: the live meeting for everyone, with the facilitator console for those who run it.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AttendanceMode } from '../../../shared/domain.ts';
import { Alert } from '../components/Alert.tsx';
import { AgendaList } from '../components/meeting/AgendaList.tsx';
import { ConnectionBadge } from '../components/meeting/ConnectionBadge.tsx';
import { ConsoleBar } from '../components/meeting/ConsoleBar.tsx';
import { FacilitatorConsole } from '../components/meeting/FacilitatorConsole.tsx';
import { PartOfEvent } from '../components/events/PartOfEvent.tsx';
import { ItemStage } from '../components/items/ItemStage.tsx';
import { KeySheet } from '../components/meeting/KeySheet.tsx';
import { PhoneBar } from '../components/meeting/PhoneBar.tsx';
import { HandQueue } from '../components/meeting/HandQueue.tsx';
import { JoinModePrompt } from '../components/meeting/JoinModePrompt.tsx';
import { PresenceList } from '../components/meeting/PresenceList.tsx';
import { MeetingInfo } from '../components/meeting/MeetingInfo.tsx';
import { useIsFacilitator } from '../hooks/useFacilitator.ts';
import { useFacilitatorKeys } from '../hooks/useFacilitatorKeys.ts';
import { useMeetingConnection } from '../hooks/useMeetingConnection.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { groupPageLink } from '../lib/groupPageLink.ts';
import { storedJoinMode, storeJoinMode } from '../lib/joinMode.ts';
import { MODE_LABEL } from '../lib/labels.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';

// The notes editor (TipTap, ProseMirror, Yjs) is the heaviest code of the app: not part of the
// page's first load, but fetched as soon as the page is (in parallel with joining the room),
// since every meeting page shows the notes once joined.
const loadNotesPanel = () => import('../components/meeting/NotesPanel.tsx');
const NotesPanel = lazy(async () => ({ default: (await loadNotesPanel()).NotesPanel }));

const STATUS_LABEL = { scheduled: 'Not started', live: 'Live', ended: 'Ended' } as const;

export function MeetingPage() {
  const { id = '' } = useParams();
  const [mode, setMode] = useState<AttendanceMode | null>(() => storedJoinMode(id));
  const meeting = useStore((s) => (s.meetingId === id ? s.meeting : null));
  const state = useStore((s) => (s.meetingId === id ? s.state : null));
  const joinError = useStore((s) => s.joinError);
  const commandError = useStore((s) => s.commandError);
  const setCommandError = useStore((s) => s.setCommandError);
  const sharedSession = useStore((s) => (s.meetingId === id ? s.sharedSession : null));
  const event = useStore((s) => (s.meetingId === id ? s.event : null));
  const isFacilitator = useIsFacilitator();
  // A shared session's link leads to the attendee's own group (or the event), never the host group.
  const groupLink = meeting && groupPageLink(meeting, sharedSession);
  // Rights as the server last said (join answer, access:changed while connected).
  const accessLost = useStore((s) => s.meetingId === id && s.accessLost);
  const readOnly = useStore((s) => s.meetingId === id && s.you !== null && !allows(s, 'notes.write'));
  useMeetingConnection(id, mode);
  useFacilitatorKeys(isFacilitator && mode !== null);
  useTitle(meeting?.title ?? 'Meeting');
  useEffect(() => void loadNotesPanel(), []);

  const choose = (m: AttendanceMode) => {
    storeJoinMode(id, m);
    setMode(m);
  };

  if (accessLost) {
    return (
      <div className="meeting">
        <h1>No access</h1>
        <p role="alert" data-testid="no-access">
          You no longer have access to this meeting and its notes (you were removed from the group, or signed out everywhere). Ask
          the group's coach if you think this is a mistake.
        </p>
        <Link to="/">Back to your groups</Link>
      </div>
    );
  }

  if (!mode) return <JoinModePrompt title="Join the meeting" onChoose={choose} />;

  return (
    <div className="meeting">
      <div className="meeting-head">
        <div>
          <h1>{meeting?.title ?? 'Meeting'}</h1>
          {meeting && (
            <p className="muted">
              {meeting.quarter} · <span className={`badge status-${meeting.status}`}>{STATUS_LABEL[meeting.status]}</span> · you are{' '}
              {MODE_LABEL[mode].toLowerCase()}
              {meeting.status !== 'ended' && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => choose(mode === 'room' ? 'remote' : 'room')}>
                    (switch to {MODE_LABEL[mode === 'room' ? 'remote' : 'room'].toLowerCase()})
                  </button>
                </>
              )}
            </p>
          )}
          {event && (
            <p>
              <PartOfEvent event={event} className="" />
            </p>
          )}
          {meeting && meeting.status !== 'ended' && <MeetingInfo meeting={meeting} />}
        </div>
        <div className="meeting-head-side">
          {readOnly && (
            <span className="badge badge-warn read-only" data-testid="read-only" title="You follow this meeting as an observer: you can read, not edit">
              Read-only
            </span>
          )}
          <ConnectionBadge />
          {meeting && groupLink && (
            <>
              <Link to={`/meetings/${id}/projector`} target="_blank" rel="noopener">
                Projector view
              </Link>
              <Link to={`/meetings/${id}/projector?notes=1`} target="_blank" rel="noopener">
                Projector with notes
              </Link>
              <Link to={groupLink.to}>{groupLink.label}</Link>
            </>
          )}
        </div>
      </div>

      <Alert message={joinError?.message} />
      <Alert message={commandError?.message} onDismiss={() => setCommandError(null)} />

      {!state ? (
        !joinError && <p className="loading">Joining the meeting…</p>
      ) : (
        <>
          <ConsoleBar state={state} isFacilitator={isFacilitator} />
          {isFacilitator && <KeySheet />}
          <PhoneBar state={state} remote={mode === 'remote'} />
          {/* Side by side from a laptop up: the item and its controls left, hands and notes right. */}
          <div className="meeting-grid">
            <div className="stack meeting-main">
              {meeting && <ItemStage state={state} meeting={meeting} isFacilitator={isFacilitator} />}
              {isFacilitator && <FacilitatorConsole state={state} />}
              <section aria-labelledby="agenda-h" className="card section">
                <h2 id="agenda-h">Agenda</h2>
                <AgendaList state={state} canJump={isFacilitator} />
              </section>
            </div>
            <aside className="stack meeting-side" aria-label="People and notes">
              <HandQueue state={state} isFacilitator={isFacilitator} />
              <section aria-label="Notes" className="card section notes">
                <Suspense fallback={<p className="loading">Loading the notes…</p>}>
                  <NotesPanel state={state} />
                </Suspense>
              </section>
              <PresenceList state={state} />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
