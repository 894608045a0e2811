// The facilitator console's own view state: whether the sheet of keys is open (the "?" key and
// the Keys button both toggle it), and the goal cursor (the goal the status keys mark, moved with
// Shift+↓ / Shift+↑; null: the member in focus's first goal not reviewed yet).
import type { SliceCreator } from './types.ts';

export interface ConsoleSlice {
  keySheetOpen: boolean;
  setKeySheetOpen: (open: boolean) => void;
  goalCursor: string | null;
  setGoalCursor: (goalId: string | null) => void;
}

export const createConsoleSlice: SliceCreator<ConsoleSlice> = (set) => ({
  keySheetOpen: false,
  setKeySheetOpen: (open) => set({ keySheetOpen: open }),
  goalCursor: null,
  setGoalCursor: (goalId) => set({ goalCursor: goalId }),
});
