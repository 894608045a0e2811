// One-key control for the facilitator: ArrowRight next, ArrowLeft back, Space start/pause/resume.
import { useEffect } from 'react';
import { useStore } from '../store/index.ts';
import { timerToggleCommand } from '../lib/timerToggle.ts';

/** Keys never fire while the user types, picks from a select, or edits rich text. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
}

export function useFacilitatorKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat) return;
      if (isTyping(e.target)) return;
      const { state, sendCommand } = useStore.getState();
      if (!state || state.status !== 'live') return;
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        void sendCommand({ type: 'agenda.next' });
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        void sendCommand({ type: 'agenda.back' });
      } else if (e.key === ' ' || e.code === 'Space') {
        // Space on a focused button already clicks it; toggling the timer too would double up.
        if (e.target instanceof HTMLElement && e.target.closest('button, a, summary, [role="button"]')) return;
        e.preventDefault();
        void sendCommand(timerToggleCommand(state));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
