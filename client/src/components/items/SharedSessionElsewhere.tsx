// What a shared session of a network event leaves to each group, where the session's item would
// show it: the financial review's figures, the goal items' goals, the closing's next meeting.
// Figures and goals are each group's own (figures visible to a group's members and its coach,
// nobody else; goals the commitments a group holds its companies to), and each group schedules its
// own next meeting; the session's room holds several groups: the server refuses the host group's
// review, goals and next meeting (shared/access), so nothing is fetched here. Each attendee finds
// their own group's page behind a link, outside the session.
import { Link } from 'react-router';
import type { SharedSessionView } from '../../../../shared/events.ts';

/** What stays in each group, in the words the item shows. */
const ELSEWHERE = {
  figures: {
    title: 'Figures stay in each group',
    wall: 'Figures stay in each group: they are reviewed in each group’s own meeting, not in',
    body: 'No company’s numbers are shown in',
    rest: 'each group reviews its figures in its own meeting, among its own members and coach.',
    page: '/financials',
    link: 'financial review',
  },
  goals: {
    title: 'Goals stay in each group',
    wall: 'Goals stay in each group: they are set and reviewed in each group’s own meeting, not in',
    body: 'No company’s goals are shown or set in',
    rest: 'each group holds its members to their goals in its own meeting.',
    page: '/goals',
    link: 'goals',
  },
  'next-meeting': {
    title: 'Each group schedules its own next meeting',
    wall: 'Each group schedules its own next meeting: none is scheduled at the closing of',
    body: 'No next meeting is scheduled at the closing of',
    rest: 'each group schedules its own next meeting, and the event’s organisers schedule its sessions on the event page.',
    // The group's page, which lists its meetings.
    page: '',
    link: 'meetings',
  },
} as const;

export function SharedSessionElsewhere({ what, session, wall = false }: { what: keyof typeof ELSEWHERE; session: SharedSessionView | null; wall?: boolean }) {
  const words = ELSEWHERE[what];
  const where = session ? `this shared session of ${session.event.name}` : 'this session';
  const testId = `${what}-elsewhere`;
  if (wall) {
    return (
      <p className="wall-line" data-testid={testId}>
        {words.wall} {where}.
      </p>
    );
  }
  const own = session?.groups ?? [];
  return (
    <div data-testid={testId}>
      <h3>{words.title}</h3>
      <p>
        {words.body} {where}: {words.rest}
      </p>
      {own.length > 0 && (
        <ul className="figures-elsewhere-links">
          {own.map((g) => (
            <li key={g.id}>
              {/* A new tab, so the session stays open; the group's own page keeps the group's rules. */}
              <Link to={`/groups/${g.id}${words.page}`} target="_blank" rel="noopener">
                {g.name}: {words.link}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
