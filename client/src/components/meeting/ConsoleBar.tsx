// The strip that stays on screen while the page scrolls: what the room is on, its timer, the day
// and how late it runs, and for the facilitator Back / Next, the timer's controls and the day's
// tools, so they are never a scroll away. Kept to a few lines at 1366x768 even in a long, late
// multi-day meeting: the status goes beside the title, the day's tools on the buttons' row, and a
// re-balance proposal opens under the bar, in the page, not inside it.
import { useState } from 'react';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useStore } from '../../store/index.ts';
import { CurrentItem } from './CurrentItem.tsx';
import { MeetingControls } from './MeetingControls.tsx';
import { RunningLate } from './RunningLate.tsx';
import { TimerControls } from './TimerControls.tsx';
import { DayStatus } from './DayStatus.tsx';
import { PlannedDayEnd, RebalancePreview, ScheduleTools } from './ScheduleTools.tsx';

export function ConsoleBar({ state, isFacilitator }: { state: MeetingState; isFacilitator: boolean }) {
  const setKeySheetOpen = useStore((s) => s.setKeySheetOpen);
  const meeting = useStore((s) => s.meeting);
  const [previewing, setPreviewing] = useState(false);
  return (
    <>
      <section aria-label="Current item" className={`card now-card console-bar status-${state.status}`} data-testid="console-bar">
        <CurrentItem state={state}>
          <div className="console-bar-status">
            <DayStatus state={state} meeting={meeting} />
            <RunningLate state={state} />
            {isFacilitator && <PlannedDayEnd state={state} />}
          </div>
        </CurrentItem>
        {isFacilitator && (
          <div className="console-bar-row">
            <div className="console-bar-controls" aria-label="Facilitator controls" role="group">
              <MeetingControls state={state} />
              <TimerControls state={state} />
              {state.status !== 'ended' && (
                <button type="button" className="btn btn-quiet" onClick={() => setKeySheetOpen(true)} aria-keyshortcuts="?">
                  Keys (?)
                </button>
              )}
            </div>
            <ScheduleTools state={state} previewing={previewing} onPreview={() => setPreviewing(true)} />
          </div>
        )}
      </section>
      {isFacilitator && previewing && <RebalancePreview state={state} onClose={() => setPreviewing(false)} />}
    </>
  );
}
