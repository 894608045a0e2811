// Where a meeting's "Group page" link leads. A shared session of a network event is a meeting of
// the event's hidden host group, whose page is nobody's group: the link leads the attendee back
// to the group they attend the event through, or to the event's page when that is not one group.
import type { Meeting } from '../../../shared/domain.ts';
import type { SharedSessionView } from '../../../shared/events.ts';

export function groupPageLink(meeting: Pick<Meeting, 'groupId'>, shared: Pick<SharedSessionView, 'event' | 'groups'> | null): { to: string; label: string } {
  if (!shared) return { to: `/groups/${meeting.groupId}`, label: 'Group page' };
  const only = shared.groups.length === 1 ? shared.groups[0]! : null;
  return only ? { to: `/groups/${only.id}`, label: 'Group page' } : { to: `/events/${shared.event.id}`, label: 'Event page' };
}
