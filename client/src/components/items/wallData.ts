// Which items give the wall something besides the timer: those put the title and timer on one
// line at the top and leave the screen to the item (ProjectorPage's data mode).
import type { MeetingState } from '../../../../shared/meeting/state.ts';

export function hasWallData(state: MeetingState): boolean {
  const item = state.agenda[state.currentIndex];
  if (!item || state.status !== 'live') return false;
  if (item.kind === 'opening') return state.focusUserId !== null;
  return item.kind !== 'custom';
}

/** "Recurring revenue (managed services)" → "Recurring revenue": the wall has no room for asides. */
export const wallLabel = (label: string) => label.replace(/\s*\([^)]*\)\s*$/, '');

