// Which kinds of agenda item a group's meetings may hold: every kind, except in a network event's
// host group. Its meetings (the event's shared sessions) gather people of several groups, and
// groupRules refuses there, whoever asks, the figures and goals that a financial review, a goal
// review and new goals run on: such an item could never be used. So scheduling leaves them out of
// the template (services/meetings insertMeeting), adding one live is refused (services/room), and
// the client's kind picker does not offer them. Items a session already holds (scheduled before)
// stay, and show where each group keeps its figures and goals.
import { AGENDA_KINDS, type AgendaItemKind } from '../domain.ts';
import type { ApiError } from '../errors.ts';
import { sharedSessionRefusal, type GroupAction } from './groupRules.ts';
import type { Subject } from './subject.ts';

/** The right an item of this kind runs on (its stage reads or writes these records). */
const ITEM_RECORDS: Partial<Record<AgendaItemKind, GroupAction>> = {
  financials: 'financials.figures',
  goals: 'goals.review',
  'new-goals': 'goals.write',
};

/** Who asks about a group's agenda: `eventAudience` marks an event's host group (subject.ts). */
type AgendaSubject = Pick<Subject, 'eventAudience'>;

/**
 * null when the group's meetings may hold an item of this kind; otherwise the refusal, the same as
 * for the records it runs on (SHARED_SESSION_FIGURES, SHARED_SESSION_GOALS: `forbidden`).
 */
export function checkAgendaKind(kind: AgendaItemKind, s: AgendaSubject): ApiError | null {
  const records = Object.hasOwn(ITEM_RECORDS, kind) ? ITEM_RECORDS[kind] : undefined;
  return records !== undefined && s.eventAudience === true ? sharedSessionRefusal(records) : null;
}

/** The kinds the group's meetings may hold, in AGENDA_KINDS order (the client's kind picker). */
export function agendaKindsFor(s: AgendaSubject): AgendaItemKind[] {
  return AGENDA_KINDS.filter((kind) => checkAgendaKind(kind, s) === null);
}

/** A template's items as the group's meetings take them: those of a kind they may not hold left out. */
export function agendaItemsFor<T extends { kind: AgendaItemKind }>(s: AgendaSubject, items: readonly T[]): T[] {
  return items.filter((item) => checkAgendaKind(item.kind, s) === null);
}
