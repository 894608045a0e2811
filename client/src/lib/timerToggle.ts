// What "start/pause/resume" means for the current item's timer, shared by Space and the button.
import type { MeetingCommand } from '../../../shared/meeting/commands.ts';
import type { MeetingState } from '../../../shared/meeting/state.ts';

export type TimerPhase = 'idle' | 'running' | 'paused';

/** idle: no timer for the current item yet; paused: counted some, now stopped. */
export function timerPhase(state: MeetingState): TimerPhase {
  const current = state.agenda[state.currentIndex];
  const timer = state.timer;
  if (!current || !timer || timer.itemId !== current.id) return 'idle';
  if (timer.runningSince !== null) return 'running';
  return timer.elapsedMs > 0 ? 'paused' : 'idle';
}

export function timerToggleCommand(state: MeetingState): MeetingCommand {
  const phase = timerPhase(state);
  if (phase === 'running') return { type: 'timer.pause' };
  if (phase === 'paused') return { type: 'timer.resume' };
  return { type: 'timer.start' };
}

export const TIMER_TOGGLE_LABEL: Record<TimerPhase, string> = {
  idle: 'Start timer',
  running: 'Pause timer',
  paused: 'Resume timer',
};
