// Timer for the current item: start/pause/resume (also Space), +5 min, reset.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { TIMER_TOGGLE_LABEL, timerPhase, timerToggleCommand } from '../../lib/timerToggle.ts';
import { useStore } from '../../store/index.ts';
import { isAdjourned } from '../../../../shared/meeting/days.ts';

/** The one-click extension; the facilitator presses again for more. */
const EXTEND_MS = 5 * 60_000;

export function TimerControls({ state }: { state: MeetingState }) {
  const sendCommand = useStore((s) => s.sendCommand);
  // Adjourned between days: there is no timer to run.
  if (state.status !== 'live' || isAdjourned(state)) return null;
  const phase = timerPhase(state);
  return (
    <div className="button-row" role="group" aria-label="Timer">
      <button type="button" className="btn" onClick={() => void sendCommand(timerToggleCommand(state))} aria-keyshortcuts="Space">
        {TIMER_TOGGLE_LABEL[phase]}
      </button>
      <button type="button" className="btn" onClick={() => void sendCommand({ type: 'timer.extend', ms: EXTEND_MS })} aria-label="Add 5 minutes">
        +5 min
      </button>
      <button type="button" className="btn" disabled={phase === 'idle'} onClick={() => void sendCommand({ type: 'timer.reset' })}>
        Reset timer
      </button>
    </div>
  );
}
