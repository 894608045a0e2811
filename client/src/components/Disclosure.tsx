// <details> whose initial state we choose, then the user's clicks own it (React would re-close
// a controlled one whenever the prop flips).
import { useState, type ReactNode } from 'react';

export function Disclosure({ summary, initiallyOpen = false, children }: { summary: string; initiallyOpen?: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="console-part" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}
