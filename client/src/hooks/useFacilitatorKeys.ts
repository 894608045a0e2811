// The whole meeting by keyboard (keys and their meaning: lib/facilitatorKeys.ts). Keys never
// fire while the user types, picks from a select or edits rich text. A button clicked with the
// mouse gives its focus back, so Space pauses the timer instead of pressing that button again;
// a button reached with Tab keeps Space and Enter as the browser has them.
import { useEffect } from 'react';
import { hasCompany } from '../../../shared/access/index.ts';
import type { GoalReviewSet } from '../../../shared/records.ts';
import { errorMessage, http } from '../api/http.ts';
import { actionForKey, FOCUS_KINDS, focusAfter, goalForKeys, nextHotSeatStage, type KeyAction } from '../lib/facilitatorKeys.ts';
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

async function reviewKeyedGoal(action: keyof typeof GOAL_STATUS): Promise<void> {
  const { state, setCommandError } = useStore.getState();
  if (!state) return;
  try {
    const set = await http.get<GoalReviewSet>(`/api/meetings/${state.meetingId}/goal-review`);
    const goal = goalForKeys(set.review, state.focusUserId);
    if (!goal) return;
    await http.put(`/api/goals/${goal.id}/review`, { status: GOAL_STATUS[action], comment: goal.comment });
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
    case 'goalDone':
    case 'goalPartly':
    case 'goalNotDone':
      if (item?.kind !== 'goals') return false;
      void reviewKeyedGoal(action);
      return true;
    case 'nextStage': {
      const next = nextHotSeatStage(state);
      if (next) void sendCommand({ type: 'hotseat.stage', ...next });
      return next !== undefined;
    }
    case 'callNext': {
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
      const action = actionForKey(e.key);
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
