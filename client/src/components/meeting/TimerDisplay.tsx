// The current item's countdown, computed locally from the timer data every tick; red in overtime.
import { formatClock, remainingMs } from '../../../../shared/meeting/timer.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useServerNow } from '../../hooks/useServerNow.ts';

export function TimerDisplay({ state, className = '' }: { state: MeetingState; className?: string }) {
  const now = useServerNow();
  const current = state.agenda[state.currentIndex];
  const timer = state.timer && current && state.timer.itemId === current.id ? state.timer : null;
  // Before the timer starts, show the full time box so everyone sees what is planned.
  const ms = timer ? remainingMs(timer, now) : (current?.durationMs ?? 0);
  const overtime = ms < 0;
  const paused = timer !== null && timer.runningSince === null && timer.elapsedMs > 0;
  return (
    <div className={`timer ${overtime ? 'timer-over' : ''} ${className}`}>
      <span data-testid="timer" className="timer-clock">
        {formatClock(ms)}
      </span>
      {overtime && <span className="timer-note">Over time</span>}
      {paused && <span className="timer-note">Paused</span>}
      {!timer && current && <span className="timer-note">Timer not started</span>}
    </div>
  );
}
