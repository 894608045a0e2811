// One store for the app, combined from slices (zustand's slices pattern). Components read it
// with selectors; socket handlers and views call the actions it holds.
import { create } from 'zustand';
import { createConnectionSlice } from './connectionSlice.ts';
import { createConsoleSlice } from './consoleSlice.ts';
import { createGroupsSlice } from './groupsSlice.ts';
import { createMeetingSlice } from './meetingSlice.ts';
import { createRecordsSlice } from './recordsSlice.ts';
import { createSessionSlice } from './sessionSlice.ts';
import type { StoreState } from './types.ts';

export type { StoreState } from './types.ts';

export const useStore = create<StoreState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createGroupsSlice(...a),
  ...createMeetingSlice(...a),
  ...createConnectionSlice(...a),
  ...createRecordsSlice(...a),
  ...createConsoleSlice(...a),
}));
