// Start, Back, Next; End (with a confirm step: ending is final for everyone) is its own control,
// kept away from Next.
import { useState } from 'react';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { currentDay, isAdjourned, isDayEnd } from '../../../../shared/meeting/days.ts';

/** Next says what it does at a day's end: adjourn, or resume the next day. */
function nextLabel(state: MeetingState): string {
  if (isAdjourned(state)) return `Resume day ${currentDay(state) + 2}`;
  if (isDayEnd(state.agenda[state.currentIndex + 1])) return `Adjourn until day ${currentDay(state) + 2}`;
  return 'Next';
}

export function MeetingControls({ state }: { state: MeetingState }) {
  const sendCommand = useStore((s) => s.sendCommand);
  const live = state.status === 'live';
  const atFirst = state.currentIndex <= 0;
  const atLast = state.currentIndex >= state.agenda.length - 1;

  if (state.status === 'ended') return <p className="muted">The meeting has ended.</p>;
  if (state.status === 'scheduled') {
    return (
      <div className="button-row">
        <button type="button" className="btn btn-primary btn-large" disabled={state.agenda.length === 0} onClick={() => void sendCommand({ type: 'meeting.start' })}>
          Start meeting
        </button>
      </div>
    );
  }
  return (
    <div className="button-row">
      <button type="button" className="btn btn-large" disabled={!live || atFirst} onClick={() => void sendCommand({ type: 'agenda.back' })} aria-keyshortcuts="ArrowLeft">
        Back
      </button>
      <button type="button" className="btn btn-primary btn-large" disabled={!live || atLast} onClick={() => void sendCommand({ type: 'agenda.next' })} aria-keyshortcuts="ArrowRight">
        {nextLabel(state)}
      </button>
    </div>
  );
}

export function EndMeetingButton() {
  const sendCommand = useStore((s) => s.sendCommand);
  const [confirmEnd, setConfirmEnd] = useState(false);
  return (
    <div className="button-row">
      {confirmEnd ? (
        <span className="confirm" role="group" aria-label="Confirm ending the meeting">
          <span>End the meeting for everyone?</span>
          <button type="button" className="btn btn-danger" onClick={() => void sendCommand({ type: 'meeting.end' }).then(() => setConfirmEnd(false))}>
            Yes, end meeting
          </button>
          <button type="button" className="btn" onClick={() => setConfirmEnd(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn btn-danger-outline" onClick={() => setConfirmEnd(true)}>
          End meeting
        </button>
      )}
    </div>
  );
}
