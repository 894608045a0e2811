// The financial review's item in a shared session of a network event. Figures are visible to a
// group's members and its coach, nobody else, and the session's room holds several groups: the
// server refuses the host group's review (shared/access), so no figure is fetched here. Each
// attendee finds their own group's review behind a link, outside the session.
import { Link } from 'react-router';
import type { SharedSessionView } from '../../../../shared/events.ts';

export function SharedSessionFigures({ session, wall = false }: { session: SharedSessionView | null; wall?: boolean }) {
  const where = session ? `this shared session of ${session.event.name}` : 'this session';
  if (wall) {
    return (
      <p className="wall-line" data-testid="figures-elsewhere">
        Figures stay in each group: they are reviewed in each group’s own meeting, not in {where}.
      </p>
    );
  }
  const own = session?.groups ?? [];
  return (
    <div data-testid="figures-elsewhere">
      <h3>Figures stay in each group</h3>
      <p>No company’s numbers are shown in {where}: each group reviews its figures in its own meeting, among its own members and coach.</p>
      {own.length > 0 && (
        <ul className="figures-elsewhere-links">
          {own.map((g) => (
            <li key={g.id}>
              {/* A new tab, so the session stays open; the group's own page keeps the group's rules. */}
              <Link to={`/groups/${g.id}/financials`} target="_blank" rel="noopener">
                {g.name}: financial review
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
