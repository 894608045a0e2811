// A participating group's own meeting of a network event, as the organiser adds it from the
// event page: which of the group's meetings can be linked (ones they may still edit, through the
// group's `allowed`, held only on the event's days, not on the schedule already), and which
// agendas fit a new meeting on the days picked. The server checks all of it again; this keeps
// the choices honest.
import type { GroupAction } from '../../../shared/access/index.ts';
import type { AgendaTemplate, Meeting } from '../../../shared/domain.ts';
import type { EventGroupMeetingBody } from '../../../shared/events.ts';
import { dayCount } from '../../../shared/meeting/days.ts';
import { BUILT_IN_TEMPLATES } from '../../../shared/meeting/templates.ts';
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

/**
 * The agendas a new meeting of `days` days can start from: the built-in ones and the group's
 * saved ones with that many days (the server refuses an agenda of other length than the days).
 */
export function templatesForDays(saved: readonly AgendaTemplate[], days: number): { id: string; name: string }[] {
  const builtIn = Object.entries(BUILT_IN_TEMPLATES).map(([id, t]) => ({ id, name: t.name, items: t.items }));
  // Built-in templates may be listed among the group's too (no group of their own): once is enough.
  const own = saved.filter((t) => t.groupId !== null);
  return [...builtIn, ...own].filter((t) => dayCount(t.items) === days).map(({ id, name }) => ({ id, name }));
}

/** A new meeting of the group on the picked dates, in the event's order, each day with the same hours. */
export function newGroupMeetingBody(
  groupId: string,
  pick: { dates: readonly string[]; start: string; end: string; templateId: string; title: string },
  eventDays: readonly string[],
): Extract<EventGroupMeetingBody, { days: unknown }> {
  const title = pick.title.trim();
  return {
    groupId,
    templateId: pick.templateId,
    days: eventDays.filter((d) => pick.dates.includes(d)).map((date) => ({ date, start: pick.start, end: pick.end })),
    ...(title && { title }),
  };
}
