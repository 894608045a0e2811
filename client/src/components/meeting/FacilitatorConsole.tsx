// The facilitator's tools beyond Next/Back/timer (those live in the console bar). The agenda
// editor opens by default only before the meeting: during it, its Remove buttons must not sit
// where the facilitator reaches for Next.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { Disclosure } from '../Disclosure.tsx';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AttendanceEditor } from './AttendanceEditor.tsx';
import { HandoffSelect } from './HandoffSelect.tsx';
import { EndMeetingButton } from './MeetingControls.tsx';
import { SaveAsTemplate } from '../templates/SaveAsTemplate.tsx';

export function FacilitatorConsole({ state }: { state: MeetingState }) {
  if (state.status === 'ended') return null;
  return (
    <section aria-labelledby="console-h" className="card section console">
      <h2 id="console-h">Facilitator tools</h2>
      {state.status === 'live' && <EndMeetingButton />}
      {/* Keyed by status: starting the meeting closes an editor left open before it. */}
      <Disclosure key={state.status} summary="Edit agenda" initiallyOpen={state.status === 'scheduled'}>
        <AgendaEditor state={state} />
      </Disclosure>
      <Disclosure summary="Attendance">
        <AttendanceEditor state={state} />
      </Disclosure>
      <Disclosure summary="Save agenda as template">
        <SaveAsTemplate meetingId={state.meetingId} />
      </Disclosure>
      <Disclosure summary="Facilitation">
        <HandoffSelect state={state} />
      </Disclosure>
    </section>
  );
}
