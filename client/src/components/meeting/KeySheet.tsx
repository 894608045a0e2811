// The "?" sheet: every key the facilitator can run the meeting with, from the same table the
// key handler reads. A modal dialog: Escape, "?" or Close shut it.
import { useEffect, useRef } from 'react';
import { FACILITATOR_KEYS } from '../../lib/facilitatorKeys.ts';
import { useStore } from '../../store/index.ts';

export function KeySheet() {
  const open = useStore((s) => s.keySheetOpen);
  const setOpen = useStore((s) => s.setKeySheetOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    // Escape fires 'cancel' at once but 'close' a task later: closing the store on cancel means a
    // key pressed right after Escape already reaches the meeting.
    <dialog ref={ref} className="key-sheet" aria-labelledby="keys-h" onCancel={() => setOpen(false)} onClose={() => setOpen(false)} data-testid="key-sheet">
      <h2 id="keys-h">Keys for the facilitator</h2>
      <dl className="key-list">
        {FACILITATOR_KEYS.map((b) => (
          <div key={b.action}>
            <dt>
              <kbd>{b.shown}</kbd>
            </dt>
            <dd>{b.label}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">Keys do nothing while you type in a field or the notes. The goal the number keys mark is outlined in the list (“keys 1 · 2 · 3”): the first one not reviewed yet of the member in focus, or the one you moved to with Shift + ↓ / Shift + ↑.</p>
      <form method="dialog">
        <button type="submit" className="btn">
          Close
        </button>
      </form>
    </dialog>
  );
}
