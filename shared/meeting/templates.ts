// The standard quarterly-meeting agenda (PRODUCT.md, "The meeting, as these groups run it").
import type { AgendaItem, AgendaTemplateItem } from '../domain.ts';

const min = (minutes: number) => minutes * 60_000;

/**
 * Seven items, 4 h 5 min in all. Typed as a plain array so it fits AgendaTemplate.items,
 * but frozen (items too): it is shared by every request, and a stray push or sort must
 * throw rather than change every group's agenda.
 */
export const STANDARD_TEMPLATE: AgendaTemplateItem[] = deepFreeze([
  { kind: 'opening', title: 'Opening / check-in', durationMs: min(20) },
  { kind: 'financials', title: 'Financial review', durationMs: min(60) },
  { kind: 'goals', title: 'Goal review', durationMs: min(45) },
  { kind: 'hotseat', title: 'Hot seat', durationMs: min(45) },
  { kind: 'topics', title: 'Topics & best practices', durationMs: min(30) },
  { kind: 'new-goals', title: 'New goals', durationMs: min(30) },
  { kind: 'closing', title: 'Closing', durationMs: min(15) },
]);

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
  }));
}
