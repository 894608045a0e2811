// The opening's confidentiality reminder in a shared session of a network event. The room holds
// people of several groups, so no one group's norms speak for it: each group's agreement is its
// own, read by its own people (GET /api/groups/:id/norms needs a seat in that group), and the
// product nowhere makes norms shareable across groups. The reminder states the session's own
// situation instead: the event, the groups whose people are there, and that what is shared here
// is repeated to nobody who was not in the session, one's own group included.
import type { SharedSessionView } from './events.ts';

export interface ReminderText {
  title: string;
  paragraphs: string[];
}

/** Names as a sentence lists them: "A", "A and B", "A, B and C". */
export function namesInProse(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The reminder as a laptop shows it. The wall says it shorter, without the figures line: read from
 * the back of the room it must fit under the opening's title and timer, and the wall says where
 * figures go at the financial review item.
 */
export function sharedSessionReminder(session: Pick<SharedSessionView, 'event' | 'eventGroups'>, where: 'laptop' | 'wall' = 'laptop'): ReminderText {
  const groups = session.eventGroups.map((g) => g.name);
  const from = groups.length > 0 ? namesInProse(groups) : 'several groups';
  return {
    title: 'Confidentiality in this shared session',
    paragraphs: [
      `This shared session of ${session.event.name} brings together people from ${from}.`,
      ...(where === 'wall'
        ? ['What anyone shares here stays here: none of it goes to anyone who was not in this session, in our own groups either.']
        : [
            'What anyone shares here stays here. We do not repeat who said what, or what someone shared about their company, their numbers or their life, to anyone who was not in this session, in our own groups either.',
            "Each group's own agreement still binds its members. Figures stay in each group: they are reviewed in each group's own meeting, not here.",
          ]),
    ],
  };
}
