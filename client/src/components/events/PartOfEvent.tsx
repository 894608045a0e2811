// "Part of Super week 2027": the network event a meeting belongs to, leading to the event's page.
// The server names the event only to someone who may open that page (MeetingDetail `event`).
import { Link } from 'react-router';
import type { EventRef } from '../../../../shared/events.ts';

export function PartOfEvent({ event, className = 'muted' }: { event: EventRef | null; className?: string }) {
  if (!event) return null;
  return (
    <span className={`part-of-event ${className}`} data-testid="part-of-event">
      Part of <Link to={`/events/${event.id}`}>{event.name}</Link>
    </span>
  );
}
