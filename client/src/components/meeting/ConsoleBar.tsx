// The strip that stays on screen while the page scrolls: what the room is on, its timer, and
// for the facilitator Back / Next and the timer's controls, so they are never a scroll away.
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { CurrentItem } from './CurrentItem.tsx';
import { MeetingControls } from './MeetingControls.tsx';
import { RunningLate } from './RunningLate.tsx';
import { TimerControls } from './TimerControls.tsx';
import { DayStatus } from './DayStatus.tsx';
import { ScheduleTools } from './ScheduleTools.tsx';

export function ConsoleBar({ state, isFacilitator }: { state: MeetingState; isFacilitator: boolean }) {
  const setKeySheetOpen = useStore((s) => s.setKeySheetOpen);
  const meeting = useStore((s) => s.meeting);
  return (
    <section aria-label="Current item" className={`card now-card console-bar status-${state.status}`} data-testid="console-bar">
      <CurrentItem state={state} />
      <DayStatus state={state} meeting={meeting} />
      <div className="console-bar-row">
        <RunningLate state={state} />
        {isFacilitator && (
          <div className="console-bar-controls" aria-label="Facilitator controls" role="group">
            <MeetingControls state={state} />
            <TimerControls state={state} />
            {state.status !== 'ended' && (
              <button type="button" className="btn btn-quiet" onClick={() => setKeySheetOpen(true)} aria-keyshortcuts="?">
                Keys (?)
              </button>
            )}
          </div>
        )}
      </div>
      {isFacilitator && <ScheduleTools state={state} />}
    </section>
  );
}
