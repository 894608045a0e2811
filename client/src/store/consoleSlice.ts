// The facilitator console's own view state: whether the sheet of keys is open (the "?" key and
// the Keys button both toggle it).
import type { SliceCreator } from './types.ts';

export interface ConsoleSlice {
  keySheetOpen: boolean;
  setKeySheetOpen: (open: boolean) => void;
}

export const createConsoleSlice: SliceCreator<ConsoleSlice> = (set) => ({
  keySheetOpen: false,
  setKeySheetOpen: (open) => set({ keySheetOpen: open }),
});
