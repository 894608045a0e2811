// A wide table's scroll box: focusable and named, so keyboard users can scroll it (axe:
// scrollable-region-focusable); its first column stays put while the rest scrolls (styles.css).
import type { ReactNode } from 'react';

export function TableWrap({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`table-wrap ${className}`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
