// The financial review, deeper than the full meeting walks it: the facilitator steps member by
// member (buttons and the "Member in focus" select) and every laptop, the wall and an observer
// follow live; a member's figures against their own history (QoQ, YoY) and the group (median,
// middle half, box plot, rank with a tie); the group summary table; a coach-only figure seen by
// the coach and its owner but by no peer and not on the wall; a figure corrected mid-meeting
// re-ranks live; observers see numbers only once the group opens them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectSocket, emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, joinMeeting, patientPolls } from './support/room.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let meetingId: string;
const PASSWORD = 'correct horse battery';

type Fig = { kpiKey: string; value: number; coachOnly?: boolean };
/** Per member (Max, Mia, Moe) and quarter. The 2026-Q4 meeting reviews 2026-Q3. */
const FIGURES: Record<string, Fig[]>[] = [
  {
    // Max: +9.1 % on last quarter, +20 % on the same quarter last year; his net profit is for the coach only.
    '2025-Q3': [{ kpiKey: 'total_revenue', value: 1_000_000 }, { kpiKey: 'gross_margin_pct', value: 36 }],
    '2026-Q2': [{ kpiKey: 'total_revenue', value: 1_100_000 }, { kpiKey: 'gross_margin_pct', value: 38 }],
    '2026-Q3': [{ kpiKey: 'total_revenue', value: 1_200_000 }, { kpiKey: 'gross_margin_pct', value: 40 }, { kpiKey: 'net_profit_pct', value: 12, coachOnly: true }],
  },
  {
    '2026-Q2': [{ kpiKey: 'total_revenue', value: 1_400_000 }],
    '2026-Q3': [{ kpiKey: 'total_revenue', value: 1_500_000 }, { kpiKey: 'gross_margin_pct', value: 30 }, { kpiKey: 'net_profit_pct', value: 8 }],
  },
  {
    // Moe ties with Max on revenue.
    '2026-Q2': [{ kpiKey: 'total_revenue', value: 1_250_000 }],
    '2026-Q3': [{ kpiKey: 'total_revenue', value: 1_200_000 }, { kpiKey: 'gross_margin_pct', value: 35 }, { kpiKey: 'net_profit_pct', value: 10 }],
  },
];

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  for (const [i, byQuarter] of FIGURES.entries()) {
    for (const [quarter, figures] of Object.entries(byQuarter)) {
      const r = await seed.members[i]!.request('PUT', `/api/groups/${seed.group.id}/figures/${quarter}`, { figures });
      expect(r.status).toBe(200);
    }
  }
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  // Started and moved to the financial review over the socket: the full meeting already clicks there.
  const s = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(s, 'room:join', { meetingId, mode: 'room' });
  expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
  expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'agenda.next' } })).ok).toBe(true);
  s.close();
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  await browser?.close();
  await srv?.close();
});

async function open(email: string, mode: 'In the room' | 'Remote'): Promise<Page> {
  const page = await joinMeeting(browser, srv.url, meetingId, email, mode);
  await poll(() => currentItem(page)).toContain('Financial review');
  return page;
}

/** Waits for what a screen shows: generous, as other tests may load this small machine at the same time. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
/** The cells after the KPI's name in the financial review's table. */
const row = (p: Page, kpi: string) => p.getByTestId('financials-view').locator('tbody tr').filter({ has: p.getByRole('rowheader', { name: kpi, exact: true }) }).locator('td').allTextContents();
/** One key figure on the wall: its label, value and context, run together. */
const wallFigure = (p: Page, kpi: string) => p.getByTestId('projector-figures').locator('.projector-figure').filter({ hasText: kpi }).textContent();
/** The wall's whole-group table: the median row's cell under a KPI's column. */
const wallMedian = (p: Page, kpi: string) =>
  p.getByTestId('projector-figures').evaluate((el, label) => {
    const heads = [...el.querySelectorAll('thead th')].map((th) => th.textContent);
    return el.querySelector('[data-testid="wall-median-row"]')?.children[heads.indexOf(label)]?.textContent ?? null;
  }, kpi);
const focusOf = (p: Page) => p.getByTestId('focus-member').first().textContent();

describe('financial review', () => {
  it('steps member by member with everyone following, compares against history and group, and keeps coach-only figures off peers and the wall', async () => {
    const coach = await open('cora.coach@example.com', 'In the room');
    const max = await open('max.one@example.com', 'In the room');
    const mia = await open('mia.two@example.com', 'Remote');
    const otto = await open('otto.observer@example.com', 'Remote');
    const wall = await (await newContext(browser, srv.url, { width: 1920, height: 1080 })).newPage();
    await login(wall, 'cora.coach@example.com', PASSWORD);
    await wall.goto(`/meetings/${meetingId}/projector`);
    await poll(() => wall.getByTestId('current-item').textContent()).toContain('Financial review');

    // The whole group first: the summary table, for a member and for the coach (who counts the coach-only figure).
    for (const p of [coach, max, mia, otto]) await poll(() => focusOf(p)).toContain('The whole group');
    await poll(() => row(mia, 'Gross margin')).toEqual(['35.0 %', '32.5 % – 37.5 %', '3', expect.anything()]);
    expect(await mia.getByRole('img', { name: 'Gross margin: group from 30.0 % to 40.0 %, middle half 32.5 % to 37.5 %, median 35.0 %' }).count()).toBe(1);
    expect((await row(mia, 'Total revenue')).slice(0, 1)).toEqual(['€1.2M']);
    expect((await row(mia, 'Net profit / EBITDA margin')).slice(0, 3)).toEqual(['9.0 %', '8.5 % – 9.5 %', '2']);
    await poll(async () => (await row(coach, 'Net profit / EBITDA margin')).slice(0, 3)).toEqual(['10.0 %', '9.0 % – 11.0 %', '3']);
    await poll(() => wall.getByTestId('projector-figures').textContent()).toContain('The group — 2026-Q3');
    expect(await wallMedian(wall, 'Net profit / EBITDA margin')).toBe('9.0 %');

    // Only the facilitator steps; members and the observer get no controls.
    for (const p of [max, mia, otto]) {
      expect(await p.getByRole('button', { name: 'Next member' }).count()).toBe(0);
      expect(await p.getByRole('button', { name: 'Previous member' }).count()).toBe(0);
      expect(await p.getByLabel('Member in focus').count()).toBe(0);
    }
    expect(await coach.getByRole('button', { name: 'Previous member' }).isDisabled()).toBe(true);

    // The observer: the group keeps its numbers from observers.
    await poll(() => otto.getByTestId('financials-view').textContent()).toContain('This group keeps its figures from observers.');
    expect(await otto.locator('.fin-table').count()).toBe(0);
    expect(await otto.getByTestId('financials-view').textContent()).not.toMatch(/€|%/);

    // Max in focus: everyone follows, the wall too.
    await coach.getByRole('button', { name: 'Next member' }).click();
    for (const p of [coach, max, mia, otto]) await poll(() => focusOf(p)).toContain('Max One');
    await poll(() => focusOf(wall)).toBe('Max One · One GmbH — 2026-Q3');
    // Against his own history and the group: revenue +9.1 % QoQ, +20 % YoY, tied second.
    await poll(() => row(mia, 'Total revenue')).toEqual(['€1.2M', '+9.1 %', '+20 %', '€1.2M', expect.any(String), '2 of 3', expect.anything()]);
    // A margin changes in points: 38 % -> 40 % is +2 pp (not +5.3 %), 36 % a year ago +4 pp.
    expect(await row(mia, 'Gross margin')).toEqual(['40.0 %', '+2 pp', '+4 pp', '35.0 %', '32.5 % – 37.5 %', '1 of 3', expect.any(String)]);
    expect(await mia.getByRole('img', { name: 'Gross margin: group from 30.0 % to 40.0 %, middle half 32.5 % to 37.5 %, median 35.0 %; Max One 40.0 %' }).count()).toBe(1);
    // His line, and the group's median quarter by quarter (Max alone in 2025-Q3; 1.1, 1.25, 1.4 M in 2026-Q2).
    expect(await mia.getByRole('img', { name: 'Total revenue of Max One, with the group median: Max One €1M, €1.1M, €1.2M; group median €1M, €1.3M, €1.2M' }).count()).toBe(1);

    // His coach-only net profit: the coach and Max see it, Mia does not (not even in the median or the count), nor the wall.
    await poll(async () => (await row(coach, 'Net profit / EBITDA margin')).slice(0, 6)).toEqual(['12.0 % coach only', '–', '–', '10.0 %', '9.0 % – 11.0 %', '1 of 3']);
    await poll(async () => (await row(max, 'Net profit / EBITDA margin')).slice(0, 1)).toEqual(['12.0 % coach only']);
    expect(await max.getByRole('img', { name: /^Net profit \/ EBITDA margin of Max One/ }).count()).toBe(1);
    expect((await row(mia, 'Net profit / EBITDA margin')).slice(0, 6)).toEqual(['–', '–', '–', '9.0 %', '8.5 % – 9.5 %', '–']);
    expect(await mia.getByRole('img', { name: /^Net profit \/ EBITDA margin of Max One/ }).count()).toBe(0);
    expect(await mia.getByTestId('financials-view').textContent()).not.toMatch(/12\.0 %|coach only/);
    await poll(() => wallFigure(wall, 'Total revenue')).toContain('+9.1 % · 2 of 3');
    const wallText = (await wall.getByTestId('projector-figures').textContent()) ?? '';
    expect(wallText).not.toContain('12.0 %');
    // The wall's net profit: no figure of Max's, the room's median and middle half of two companies.
    expect(await wallFigure(wall, 'Net profit / EBITDA margin')).toBe('Net profit / EBITDA margin––9.0 %8.5 % – 9.5 %');
    // The console says why its count differs from the wall's.
    expect(await coach.getByTestId('wall-difference').textContent()).toContain('Net profit / EBITDA margin: 3 companies, 1 coach-only not on the wall');
    expect(await mia.getByTestId('wall-difference').count()).toBe(0);
    await mia.getByTestId('financials-view').scrollIntoViewIfNeeded();
    await screenshot(mia, 'phase-financials-member-in-focus');
    expect(await seriousA11yViolations(mia)).toEqual([]);
    await screenshot(wall, 'phase-financials-projector');
    // The figures fit on the wall without squeezing the item's title (one line of it) out of sight.
    expect(await wall.getByTestId('current-item').evaluate((el) => el.clientHeight / parseFloat(getComputedStyle(el).lineHeight))).toBeGreaterThan(0.95);
    expect(await wall.locator('.projector-stage').evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    expect(await seriousA11yViolations(wall)).toEqual([]);

    // Next: Mia, first on revenue; then back to Max with Previous.
    await coach.getByRole('button', { name: 'Next member' }).click();
    for (const p of [coach, max, mia, otto]) await poll(() => focusOf(p)).toContain('Mia Two');
    await poll(() => focusOf(wall)).toContain('Mia Two');
    await poll(() => row(max, 'Total revenue')).toEqual(['€1.5M', '+7.1 %', '–', '€1.2M', expect.any(String), '1 of 3', expect.anything()]);
    await coach.getByRole('button', { name: 'Previous member' }).click();
    for (const p of [max, mia]) await poll(() => focusOf(p)).toContain('Max One');
    await poll(() => focusOf(wall)).toContain('Max One');

    // The select jumps straight to Moe, the last: Next is disabled there. He shares second place with Max.
    await coach.getByLabel('Member in focus').selectOption({ label: 'Moe Three' });
    for (const p of [max, mia, otto]) await poll(() => focusOf(p)).toContain('Moe Three');
    await poll(() => focusOf(wall)).toContain('Moe Three');
    await poll(() => coach.getByRole('button', { name: 'Next member' }).isDisabled()).toBe(true);
    await poll(() => row(mia, 'Total revenue')).toEqual(['€1.2M', '-4 %', '–', '€1.2M', expect.any(String), '2 of 3', expect.anything()]);
    await poll(() => wall.getByTestId('projector-figures').textContent()).toContain('-4 % · 2 of 3');

    // Moe corrects his revenue during the meeting: the tie breaks, live, on every screen.
    expect((await seed.members[2]!.request('PUT', `/api/groups/${seed.group.id}/figures/2026-Q3`, { figures: [{ kpiKey: 'total_revenue', value: 1_300_000 }] })).status).toBe(200);
    await poll(() => row(mia, 'Total revenue')).toEqual(['€1.3M', '+4 %', '–', '€1.3M', expect.any(String), '2 of 3', expect.anything()]);
    await poll(() => wall.getByTestId('projector-figures').textContent()).toContain('+4 % · 2 of 3');
    await coach.getByLabel('Member in focus').selectOption({ label: 'Max One' });
    await poll(() => row(mia, 'Total revenue')).toEqual(['€1.2M', '+9.1 %', '+20 %', '€1.3M', expect.any(String), '3 of 3', expect.anything()]);
    await poll(() => wall.getByTestId('projector-figures').textContent()).toContain('+9.1 % · 3 of 3');

    // Mia corrects her gross margin from the review itself: her figures open in a new tab on the
    // reviewed quarter, the meeting stays open, and Max drops to second on margin, live.
    expect(await coach.getByRole('link', { name: /Enter or correct my figures/ }).count()).toBe(0);
    const [tab] = await Promise.all([mia.context().waitForEvent('page'), mia.getByRole('link', { name: 'Enter or correct my figures for 2026-Q3' }).click()]);
    expect(await tab.getByLabel('Quarter').inputValue()).toBe('2026-Q3');
    const form = tab.getByRole('form', { name: 'My figures for 2026-Q3' });
    await poll(() => form.getByLabel('Gross margin', { exact: true }).inputValue()).toBe('30');
    await form.getByLabel('Gross margin', { exact: true }).fill('45');
    await form.getByRole('button', { name: 'Save figures' }).click();
    await poll(async () => (await row(mia, 'Gross margin')).slice(0, 6)).toEqual(['40.0 %', '+2 pp', '+4 pp', '40.0 %', expect.any(String), '2 of 3']);
    await tab.close();

    // The coach opens the group's numbers to observers (group page, in another tab): Otto sees
    // them at once, still without the coach-only one.
    const settings = await coach.context().newPage();
    await settings.goto(`/groups/${seed.group.id}`);
    await settings.getByRole('button', { name: 'Edit group' }).click();
    await settings.getByLabel("Observers may see the members' figures").check();
    await settings.getByRole('button', { name: 'Save group' }).click();
    await poll(() => settings.getByRole('region', { name: 'Details' }).textContent()).toContain('Members, coach and observers');
    await settings.close();
    await poll(() => row(otto, 'Total revenue')).toEqual(['€1.2M', '+9.1 %', '+20 %', '€1.3M', expect.any(String), '3 of 3', expect.anything()]);
    expect((await row(otto, 'Net profit / EBITDA margin')).slice(0, 1)).toEqual(['–']);
    expect(await otto.getByRole('button', { name: 'Next member' }).count()).toBe(0);

    // Back to the whole group with the select: everyone is on the summary again.
    await coach.getByLabel('Member in focus').selectOption({ label: 'The whole group' });
    for (const p of [max, mia, otto]) await poll(() => focusOf(p)).toContain('The whole group');
    await poll(() => wall.getByTestId('projector-figures').textContent()).toContain('The group — 2026-Q3');
    expect(await wallMedian(wall, 'Net profit / EBITDA margin')).toBe('9.0 %');
  });
});
