// The whole meeting by keyboard (keys and their meaning: lib/facilitatorKeys.ts). Keys never
// fire while the user types, picks from a select or edits rich text. A button clicked with the
// mouse gives its focus back, so Space pauses the timer instead of pressing that button again;
// a button reached with Tab keeps Space and Enter as the browser has them.
import { useEffect } from 'react';
import { hasCompany } from '../../../shared/access/index.ts';
import type { GoalReviewSet } from '../../../shared/records.ts';
import { errorMessage, http } from '../api/http.ts';
import { actionForKey, FOCUS_KINDS, focusAfter, goalCursorAfter, goalForKeys, nextHotSeatStage, runningRound, type KeyAction } from '../lib/facilitatorKeys.ts';
import { timerToggleCommand } from '../lib/timerToggle.ts';
import { useStore } from '../store/index.ts';

/** What +5 adds, as the button does. */
const EXTEND_MS = 5 * 60_000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

const GOAL_STATUS = { goalDone: 'done', goalPartly: 'partly', goalNotDone: 'not_done' } as const;

// Goal keys run one after the other: each reads the cursor the previous one left, so quick
// presses of Shift+↓ never lose a step and a status key marks the goal the cursor reached.
let goalKeys: Promise<void> = Promise.resolve();
const queueGoalKey = (run: () => Promise<void>): void => {
  goalKeys = goalKeys.then(run);
};

async function reviewKeyedGoal(action: keyof typeof GOAL_STATUS): Promise<void> {
  const { state, setCommandError, goalCursor, setGoalCursor } = useStore.getState();
  if (!state) return;
  try {
    const set = await http.get<GoalReviewSet>(`/api/meetings/${state.meetingId}/goal-review`);
    const goal = goalForKeys(set.review, state.focusUserId, goalCursor);
    if (!goal) return;
    await http.put(`/api/goals/${goal.id}/review`, { status: GOAL_STATUS[action], comment: goal.comment });
    // Reviewed: the mark goes back to the first goal still open.
    if (useStore.getState().goalCursor === goalCursor) setGoalCursor(null);
  } catch (e) {
    setCommandError({ code: 'internal', message: errorMessage(e) });
  }
}

/** Moves the goal cursor within the member in focus's goals. */
async function moveGoalCursor(dir: 1 | -1): Promise<void> {
  const { state, setCommandError, goalCursor, setGoalCursor } = useStore.getState();
  if (!state) return;
  try {
    const set = await http.get<GoalReviewSet>(`/api/meetings/${state.meetingId}/goal-review`);
    const to = goalCursorAfter(set.review, state.focusUserId, goalCursor, dir);
    if (to !== undefined) setGoalCursor(to);
  } catch (e) {
    setCommandError({ code: 'internal', message: errorMessage(e) });
  }
}

/** Runs one action; returns false when it does not apply here, so the key keeps its default. */
function run(action: KeyAction): boolean {
  const { state, sendCommand, members, keySheetOpen, setKeySheetOpen } = useStore.getState();
  if (!state) return false;
  if (action === 'help') {
    setKeySheetOpen(!keySheetOpen);
    return true;
  }
  // The sheet is modal: the meeting waits until it is closed.
  if (keySheetOpen) return false;
  if (action === 'next' && state.status === 'scheduled') {
    if (state.agenda.length > 0) void sendCommand({ type: 'meeting.start' });
    return true;
  }
  if (state.status !== 'live') return false;
  const item = state.agenda[state.currentIndex];
  switch (action) {
    case 'next':
      void sendCommand({ type: 'agenda.next' });
      return true;
    case 'back':
      void sendCommand({ type: 'agenda.back' });
      return true;
    case 'nextMember':
    case 'prevMember': {
      if (!item || !FOCUS_KINDS.includes(item.kind)) return false;
      const order = members.filter((m) => hasCompany(m.role)).map((m) => m.userId);
      const to = focusAfter(order, state.focusUserId, action === 'nextMember' ? 1 : -1);
      if (to !== undefined) void sendCommand({ type: 'focus.set', userId: to });
      return true;
    }
    case 'nextGoal':
    case 'prevGoal':
      if (item?.kind !== 'goals' || !state.focusUserId) return false;
      queueGoalKey(() => moveGoalCursor(action === 'nextGoal' ? 1 : -1));
      return true;
    case 'goalDone':
    case 'goalPartly':
    case 'goalNotDone':
      if (item?.kind !== 'goals') return false;
      queueGoalKey(() => reviewKeyedGoal(action));
      return true;
    case 'nextStage': {
      const next = nextHotSeatStage(state);
      if (next) void sendCommand({ type: 'hotseat.stage', ...next });
      return next !== undefined;
    }
    case 'callNext': {
      const round = runningRound(state);
      if (round) {
        void sendCommand({ type: 'hotseat.round.next', itemId: round.itemId });
        return true;
      }
      const first = state.hands[0];
      if (first) void sendCommand({ type: 'hand.call', userId: first.userId });
      return first !== undefined;
    }
    case 'timer':
      void sendCommand(timerToggleCommand(state));
      return true;
    case 'extend':
      void sendCommand({ type: 'timer.extend', ms: EXTEND_MS });
      return true;
  }
}

export function useFacilitatorKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (isTyping(e.target)) return;
      const action = actionForKey(e.key, e.shiftKey);
      if (!action) return;
      // A button or link reached by keyboard keeps Space and Enter for itself.
      if (action === 'timer' && e.target instanceof HTMLElement && e.target.closest('button, a, summary, [role="button"]')) return;
      if (run(action)) e.preventDefault();
    };
    // detail > 0: a pointer click (keyboard activation has detail 0).
    const onClick = (e: MouseEvent) => {
      const el = e.target instanceof Element ? e.target.closest('button, summary') : null;
      if (e.detail > 0 && el instanceof HTMLElement && document.activeElement === el) el.blur();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('click', onClick);
    };
  }, [enabled]);
}
