// The file on the wall: the facilitator shows a shared image or PDF at a topics item and hides
// it again. Pure, like reducer.ts; the server has checked the file and filled in title and media.
import type { ApiError } from '../errors.ts';
import type { MeetingCommand } from './commands.ts';
import type { MeetingState } from './state.ts';

type Step = { state: MeetingState; events: { type: string; [k: string]: unknown }[] } | { error: ApiError };
const illegal = (message: string): Step => ({ error: { code: 'illegal_command', message } });

export function showFile(state: MeetingState, { resourceId, title, media }: Extract<MeetingCommand, { type: 'wall.show' }>): Step {
  const item = state.agenda[state.currentIndex];
  if (!item || item.kind !== 'topics') return illegal('Files are shown on the wall at a topics item: go to one first.');
  if (title === undefined || media === undefined) return illegal('The server did not describe this file, so it cannot be shown.');
  if (state.shownFile?.resourceId === resourceId) return illegal('That file is already on the wall.');
  return {
    state: { ...state, shownFile: { resourceId, itemId: item.id, title, media } },
    events: [{ type: 'wall.shown', resourceId, itemId: item.id }],
  };
}

export function hideFile(state: MeetingState): Step {
  if (!state.shownFile) return illegal('Nothing is shown on the wall.');
  return { state: { ...state, shownFile: null }, events: [{ type: 'wall.hidden', resourceId: state.shownFile.resourceId }] };
}
