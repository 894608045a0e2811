// Home: the network events (super weeks) I take part in or organise.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { EventSummary } from '../../../../shared/events.ts';
import { eventsApi } from '../../api/events.ts';
import { dateRange } from '../events/eventDates.ts';

export function MyEvents() {
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  useEffect(() => {
    eventsApi.mine().then(setEvents, () => setEvents([]));
  }, []);
  if (!events || events.length === 0) return null;
  return (
    <section aria-labelledby="my-events" className="section" data-testid="my-events">
      <h2 id="my-events">Network events</h2>
      <ul className="plain-list">
        {events.map((e) => (
          <li key={e.id} className="card recap-card">
            <Link to={`/events/${e.id}`}>{e.name}</Link>
            <p className="muted">{dateRange(e.days)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
