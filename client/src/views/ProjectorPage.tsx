// /meetings/:id/projector: the wall display. No controls; large, high-contrast, legible from
// the back of the room at 1280x720 as well as 1920x1080 (sizes scale with the viewport).
import { lazy, Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ConnectionBadge } from '../components/meeting/ConnectionBadge.tsx';
import { TimerDisplay } from '../components/meeting/TimerDisplay.tsx';
import { DayStatus } from '../components/meeting/DayStatus.tsx';
import { isAdjourned } from '../../../shared/meeting/days.ts';
import { ProjectorItem } from '../components/items/ProjectorItem.tsx';
import { hasWallData } from '../components/items/wallData.ts';
import { useMeetingConnection } from '../hooks/useMeetingConnection.ts';
import { useNames } from '../hooks/useNames.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { statusHeadline } from '../lib/headline.ts';
import { MODE_LABEL } from '../lib/labels.ts';
import { formatMinutes } from '../lib/time.ts';
import { useStore } from '../store/index.ts';

// The notes editor loads only on the wall that shows notes (?notes=1).
const ProjectorNotes = lazy(async () => ({ default: (await import('../components/notes/ProjectorNotes.tsx')).ProjectorNotes }));

/** Long titles step down in size so they stay on two or three lines above the timer. */
function titleSize(title: string): string {
  if (title.length > 70) return 'is-very-long';
  if (title.length > 34) return 'is-long';
  return '';
}

export function ProjectorPage() {
  const { id = '' } = useParams();
  const meeting = useStore((s) => (s.meetingId === id ? s.meeting : null));
  const state = useStore((s) => (s.meetingId === id ? s.state : null));
  const presence = useStore((s) => s.presence);
  const joinError = useStore((s) => s.joinError);
  const nameOf = useNames();
  const [params] = useSearchParams();
  const showNotes = params.get('notes') === '1';
  useMeetingConnection(id, 'room', true);
  useTitle(meeting ? `${meeting.title} (projector)` : 'Projector');

  const live = state?.status === 'live';
  const next = state && (live ? state.agenda[state.currentIndex + 1] : state.status === 'scheduled' ? state.agenda[0] : undefined);
  // With something to show (figures, goals, the hot seat, notes...) the title and timer share one
  // line at the top and the item gets the screen; otherwise the timer fills it.
  const dataMode = live && state !== null && (showNotes || hasWallData(state));
  const here = [...presence].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <main className={`projector${dataMode ? ' has-data' : ''}`} data-testid="projector">
      <div className="projector-top">
        <span className="projector-meeting">
          {meeting?.title ?? 'Peerboard'}
          {live && state && ` · item ${state.currentIndex + 1} of ${state.agenda.length}`}
        </span>
        <ConnectionBadge className="projector-badge" />
      </div>
      {joinError && (
        <p role="alert" className="projector-error">
          {joinError.message}
        </p>
      )}
      <div className="projector-stage">
        {state ? (
          <>
            <div className="projector-head">
              <div className="projector-head-text">
                {live && <p className="projector-eyebrow">Item {state.currentIndex + 1} of {state.agenda.length}</p>}
                <h1 className={`projector-title ${titleSize(statusHeadline(state))}`} data-testid="current-item">
                  {statusHeadline(state)}
                </h1>
                <DayStatus state={state} meeting={meeting} wall className="projector-day" />
              </div>
              {live && !isAdjourned(state) && <TimerDisplay state={state} className="projector-timer" />}
            </div>
            {live && !isAdjourned(state) && <ProjectorItem state={state} meeting={meeting} />}
            {live && showNotes && (
              <Suspense fallback={null}>
                <ProjectorNotes state={state} />
              </Suspense>
            )}
            {next && (
              <p className="projector-next">
                {state.status === 'scheduled' ? 'First' : 'Next'}: {next.title}
                {next.kind !== 'day-end' && ` · ${formatMinutes(next.durationMs)}`}
              </p>
            )}
          </>
        ) : (
          <h1 className="projector-title">{joinError ? 'Cannot show this meeting' : 'Connecting…'}</h1>
        )}
      </div>
      {state && state.status !== 'ended' && (
        <div className="projector-bottom">
          <section aria-labelledby="proj-here">
            <h2 id="proj-here">Here ({here.length})</h2>
            <ul className="projector-names" data-testid="presence">
              {here.map((p) => (
                <li key={p.userId}>
                  {p.name}
                  <span className="projector-mode"> {MODE_LABEL[p.mode]}</span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="proj-hands">
            <h2 id="proj-hands">Hands raised ({state.hands.length})</h2>
            {state.hands.length === 0 ? (
              <p className="projector-quiet" data-testid="hand-queue">
                None
              </p>
            ) : (
              <ol className="projector-hands" data-testid="hand-queue">
                {state.hands.map((h) => (
                  <li key={h.userId}>{nameOf(h.userId)}</li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
