import type { MeetingState } from '../../../shared/meeting/state.ts';

/** The big line on screen: the current item's title, or where the meeting stands. */
export function statusHeadline(state: MeetingState): string {
  if (state.status === 'scheduled') return 'Starting soon';
  if (state.status === 'ended') return 'Meeting ended';
  return state.agenda[state.currentIndex]?.title ?? 'No item';
}
