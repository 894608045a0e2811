// Which agenda items a group's meetings may hold: every kind in a group's own meetings; in an
// event's host group (its shared sessions) none that runs on figures or goals, refused with the
// same reason as those records.
import { describe, expect, it } from 'vitest';
import { AGENDA_KINDS, type AgendaItemKind } from '../domain.ts';
import { SESSION_TEMPLATE } from '../events.ts';
import { STANDARD_TEMPLATE, TWO_DAY_TEMPLATE } from '../meeting/templates.ts';
import { agendaItemsFor, agendaKindsFor, check, checkAgendaKind, SHARED_SESSION_FIGURES, SHARED_SESSION_GOALS } from './index.ts';

const HOST = { eventAudience: true } as const;
const REFUSED: Partial<Record<AgendaItemKind, typeof SHARED_SESSION_FIGURES>> = {
  financials: SHARED_SESSION_FIGURES,
  goals: SHARED_SESSION_GOALS,
  'new-goals': SHARED_SESSION_GOALS,
};

describe("a group's own meetings", () => {
  it.each([{}, { eventAudience: false }] as const)('hold every kind of item (%j)', (s) => {
    for (const kind of AGENDA_KINDS) expect(checkAgendaKind(kind, s)).toBeNull();
    expect(agendaKindsFor(s)).toEqual([...AGENDA_KINDS]);
    expect(agendaItemsFor(s, STANDARD_TEMPLATE)).toEqual(STANDARD_TEMPLATE);
  });
});

describe("an event's host group: its shared sessions", () => {
  it.each(AGENDA_KINDS)('%s: refused only when it runs on figures or goals, with their reason', (kind) => {
    expect(checkAgendaKind(kind, HOST)).toEqual(REFUSED[kind] ?? null);
  });

  it('refuses each such item for the reason the host group refuses its records, whoever asks', () => {
    const organiser = { userId: 'o', groupRole: null, organiser: true, eventAudience: true };
    const group = { leadership: 'coach-led', observersSeeFinancials: true } as const;
    expect(checkAgendaKind('financials', HOST)).toEqual(check('financials.figures', organiser, group));
    expect(checkAgendaKind('goals', HOST)).toEqual(check('goals.review', organiser, group));
    expect(checkAgendaKind('new-goals', HOST)).toEqual(check('goals.write', organiser, group));
  });

  it('are offered every other kind, in order', () => {
    expect(agendaKindsFor(HOST)).toEqual(['opening', 'hotseat', 'topics', 'closing', 'custom', 'break', 'day-end']);
  });

  it('take a template without its financial review, goal review and new goals, the rest as it is', () => {
    expect(agendaItemsFor(HOST, STANDARD_TEMPLATE).map((i) => i.title)).toEqual(['Opening / check-in', 'Hot seat', 'Topics & best practices', 'Closing']);
    const twoDay = agendaItemsFor(HOST, TWO_DAY_TEMPLATE);
    expect(twoDay).toEqual(TWO_DAY_TEMPLATE.filter((i) => !['financials', 'goals', 'new-goals'].includes(i.kind)));
    expect(twoDay.filter((i) => i.kind === 'day-end')).toHaveLength(1);
    // The default session agenda holds none of them.
    expect(agendaItemsFor(HOST, SESSION_TEMPLATE)).toEqual(SESSION_TEMPLATE);
  });
});
