// The standard quarterly-meeting agenda (PRODUCT.md, "The meeting, as these groups run it").
import type { AgendaItem, AgendaTemplateItem } from '../domain.ts';

const min = (minutes: number) => minutes * 60_000;

/**
 * Seven items, 4 h 5 min in all; New goals and Closing are fixed (a late day's re-balance
 * never cuts them). Typed as a plain array so it fits AgendaTemplate.items,
 * but frozen (items too): it is shared by every request, and a stray push or sort must
 * throw rather than change every group's agenda.
 */
export const STANDARD_TEMPLATE: AgendaTemplateItem[] = deepFreeze([
  { kind: 'opening', title: 'Opening / check-in', durationMs: min(20) },
  { kind: 'financials', title: 'Financial review', durationMs: min(60) },
  { kind: 'goals', title: 'Goal review', durationMs: min(45) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(45) },
  { kind: 'topics', title: 'Topics & best practices', durationMs: min(30) },
  { kind: 'new-goals', title: 'New goals', durationMs: min(30), fixed: true },
  { kind: 'closing', title: 'Closing', durationMs: min(15), fixed: true },
]);

/**
 * The coach-led two-day meeting ("two-day meetings with lots and lots of open discussion"):
 * day 1 is 8 h (e.g. 09:00-17:00) with the review of numbers and goals and two hot seats; day 2
 * is 6 h 45 min (e.g. 08:30-15:15) with two more hot seats, open discussion, new goals and the
 * closing. Coffee and lunch are breaks; the 'day-end' entry adjourns the room overnight.
 */
export const TWO_DAY_TEMPLATE: AgendaTemplateItem[] = deepFreeze([
  { kind: 'opening', title: 'Opening / check-in', durationMs: min(45) },
  { kind: 'financials', title: 'Financial review', durationMs: min(90) },
  { kind: 'break', title: 'Coffee break', durationMs: min(15) },
  { kind: 'goals', title: 'Goal review', durationMs: min(75) },
  { kind: 'break', title: 'Lunch', durationMs: min(60) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(60) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(60) },
  { kind: 'break', title: 'Coffee break', durationMs: min(15) },
  { kind: 'topics', title: 'Topics & best practices', durationMs: min(60) },
  { kind: 'day-end', title: 'End of day 1', durationMs: min(1) },
  { kind: 'opening', title: 'Check-in', durationMs: min(30) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(60) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(60) },
  { kind: 'break', title: 'Coffee break', durationMs: min(15) },
  { kind: 'topics', title: 'Open discussion', durationMs: min(90) },
  { kind: 'break', title: 'Lunch', durationMs: min(60) },
  { kind: 'new-goals', title: 'New goals', durationMs: min(60), fixed: true },
  { kind: 'closing', title: 'Closing', durationMs: min(30), fixed: true },
]);

/** The built-in templates a group can schedule from, by the id the API takes as templateId. */
export const BUILT_IN_TEMPLATES: Readonly<Record<'standard' | 'two-day', { name: string; items: AgendaTemplateItem[] }>> = Object.freeze({
  standard: { name: 'Standard quarterly meeting (one day)', items: STANDARD_TEMPLATE },
  'two-day': { name: 'Two-day meeting (coach-led)', items: TWO_DAY_TEMPLATE },
});

function deepFreeze(items: AgendaTemplateItem[]): AgendaTemplateItem[] {
  for (const item of items) Object.freeze(item);
  return Object.freeze(items) as AgendaTemplateItem[];
}

/**
 * A fresh agenda from a template. Ids come from the caller (the server's id generator),
 * which keeps this function pure and the tests deterministic.
 */
export function agendaFromTemplate(items: readonly AgendaTemplateItem[], newId: () => string): AgendaItem[] {
  return items.map((item) => ({
    id: newId(),
    kind: item.kind,
    title: item.title,
    durationMs: item.durationMs,
    spentMs: 0,
    ...(item.fixed && { fixed: true }),
  }));
}
