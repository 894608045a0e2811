// Which of a group's meetings an organiser can link to a network event: ones they may still edit
// (shared/access, through the group's `allowed`), held only on the event's days, and not on the
// event's schedule already. The server checks all of it again; this keeps the choice honest.
import type { GroupAction } from '../../../shared/access/index.ts';
import type { Meeting } from '../../../shared/domain.ts';
import { allowsOn } from './rights.ts';

export function linkableMeetings(group: { allowed: readonly GroupAction[]; meetings: readonly Meeting[] }, eventDays: readonly string[], scheduledIds: ReadonlySet<string>): Meeting[] {
  return group.meetings.filter(
    (m) =>
      !scheduledIds.has(m.id) &&
      allowsOn(group, 'meeting.edit', m) &&
      // A meeting from before days existed has none to check against the event's.
      m.days.length > 0 &&
      m.days.every((d) => eventDays.includes(d.date)),
  );
}
