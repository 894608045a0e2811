// /meetings/:id/summary: the meeting's read-only summary, linked from the ended meeting. It is
// the recap page (one renderer for the record), under the name the meeting room uses for it.
import { RecapPage } from './RecapPage.tsx';

export function SummaryPage() {
  return (
    <div data-testid="summary">
      <RecapPage />
    </div>
  );
}
