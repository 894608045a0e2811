// A labelled form control. Every input gets a visible label (axe: "label" rule) and an optional hint.
import { useId, type ReactElement, cloneElement } from 'react';

interface FieldProps {
  label: string;
  hint?: string;
  /** One input, select or textarea; it receives the id that ties the label to it. */
  children: ReactElement<{ id?: string; 'aria-describedby'?: string }>;
  className?: string;
}

export function Field({ label, hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  // The control may name more of what describes it (its errors); the hint comes first.
  const describedBy = [hint ? hintId : null, children.props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy })}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
