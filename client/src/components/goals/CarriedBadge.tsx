// How many quarters a goal has been carried over, after its text (with a space, so the text
// and the badge read as two words, not "dispatchercarried").
export function CarriedBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <>
      {' '}
      <span className="badge" title={`Carried over from ${count === 1 ? 'last quarter' : `${count} quarters back`}`}>
        carried ×{count}
      </span>
    </>
  );
}
