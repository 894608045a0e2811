// Home: recaps of meetings that ended in the last weeks, each with my open commitments first.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { overviewApi, type MyGroupOverview } from '../../api/overview.ts';

/** How long a meeting's recap stays on the home page: until the next quarter's is near. */
const RECENT_DAYS = 60;

export function RecentRecaps() {
  const [groups, setGroups] = useState<MyGroupOverview[] | null>(null);
  useEffect(() => {
    overviewApi.mine().then((r) => setGroups(r.groups), () => setGroups([]));
  }, []);
  const since = Date.now() - RECENT_DAYS * 86_400_000;
  const recent = (groups ?? []).flatMap((g) =>
    g.pastMeetings.filter((m) => Date.parse(m.startsAt) >= since).map((m) => ({ g, m, mine: g.openCommitments.filter((c) => c.meetingId === m.id) })),
  );
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-recaps" className="section" data-testid="recent-recaps">
      <h2 id="recent-recaps">Recent recaps</h2>
      <ul className="plain-list">
        {recent.map(({ g, m, mine }) => (
          <li key={m.id} className="card recap-card">
            <Link to={`/meetings/${m.id}/recap`}>
              {g.group.name}: {m.title}
            </Link>
            {m.recapFinalAt && <span className="badge"> final</span>}
            {mine.length > 0 ? (
              <ul className="recap-list">
                {mine.map((c) => (
                  <li key={c.id} className={c.overdue ? 'overdue' : undefined}>
                    You committed: {c.what}
                    {c.due && ` (by ${c.due})`}
                    {c.overdue && <strong className="overdue-label"> overdue</strong>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No open commitments of yours from this meeting.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
