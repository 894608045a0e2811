// A visible, dismissable error message, announced to screen readers.
export function Alert({ message, onDismiss }: { message: string | null | undefined; onDismiss?: () => void }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert">
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="btn btn-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
