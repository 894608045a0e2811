// /meetings/:id/summary: an earlier address of the meeting's read-only record; the recap page
// is the one renderer of it, so this only redirects there.
import { Navigate, useParams } from 'react-router';

export function SummaryRedirect() {
  const { id = '' } = useParams();
  return <Navigate to={`/meetings/${encodeURIComponent(id)}/recap`} replace />;
}
