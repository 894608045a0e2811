// The store's full shape, so each slice can read the others through get().
import type { RecordsSlice } from './recordsSlice.ts';
import type { StateCreator } from 'zustand';
import type { ConnectionSlice } from './connectionSlice.ts';
import type { ConsoleSlice } from './consoleSlice.ts';
import type { GroupsSlice } from './groupsSlice.ts';
import type { MeetingSlice } from './meetingSlice.ts';
import type { SessionSlice } from './sessionSlice.ts';

export type StoreState = SessionSlice & GroupsSlice & MeetingSlice & ConnectionSlice & RecordsSlice & ConsoleSlice;

export type SliceCreator<T> = StateCreator<StoreState, [], [], T>;
