// Everything the facilitator runs the room with. Rendered only for those allowed to.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { Disclosure } from '../Disclosure.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AttendanceEditor } from './AttendanceEditor.tsx';
import { HandoffSelect } from './HandoffSelect.tsx';
import { MeetingControls } from './MeetingControls.tsx';
import { TimerControls } from './TimerControls.tsx';

export function FacilitatorConsole({ state }: { state: MeetingState }) {
  const ended = state.status === 'ended';
  return (
    <section aria-labelledby="console-h" className="card section console">
      <h2 id="console-h">Facilitator console</h2>
      <MeetingControls state={state} />
      <TimerControls state={state} />
      {state.status === 'live' && (
        <p className="muted small">
          Keys: <kbd>→</kbd> next, <kbd>←</kbd> back, <kbd>Space</kbd> start/pause the timer.
        </p>
      )}
      {!ended && (
        <>
          <Disclosure summary="Edit agenda" initiallyOpen={state.status === 'scheduled'}>
            <AgendaEditor state={state} />
          </Disclosure>
          <Disclosure summary="Attendance">
            <AttendanceEditor state={state} />
          </Disclosure>
          <Disclosure summary="Facilitation">
            <HandoffSelect state={state} />
          </Disclosure>
        </>
      )}
    </section>
  );
}
