// Between meetings: a member enters last quarter's figures (form, then CSV with its refused
// lines listed), keeps one coach-only, and writes progress notes on a goal; a peer and the
// coach see what they may, from the group page's links; the network benchmark shows once five
// companies across the network reported.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinGroup } from '../server/testing/harness.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { e2eSuite } from './support/suite.ts';

const PASSWORD = 'correct horse battery';

const suite = e2eSuite({
  // The next meeting sets the quarter the goals page shows; Max already has a goal for it.
  meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z' },
  prepare: async ({ seed }) => {
    expect((await seed.members[0]!.post(`/api/groups/${seed.group.id}/goals`, { quarter: '2026-Q4', text: 'Hire a dispatcher', target: 'signed by January' })).status).toBe(201);
  },
});

async function signIn(email: string): Promise<Page> {
  const page = await (await newContext(suite.browser, suite.srv.url, { width: 1280, height: 1000 })).newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/groups/${suite.seed.group.id}`);
  return page;
}
const csv = (text: string) => ({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('between meetings', () => {
  it('figures by form and CSV, coach-only kept from peers, progress notes on goals', async () => {
    const max = await signIn('max.one@example.com');
    await max.getByRole('navigation', { name: 'Between meetings' }).getByRole('link', { name: /^Financials/ }).click();
    await max.getByTestId('financials-page').waitFor();
    const quarter = await max.getByLabel('Quarter').inputValue();
    const form = max.getByRole('form', { name: `My figures for ${quarter}` });

    // A slipped value is refused here with its KPI's name; nothing is saved.
    await form.getByLabel('Gross margin', { exact: true }).fill('4000');
    await form.getByRole('button', { name: 'Save figures' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Gross margin must be between');
    await form.getByLabel('Gross margin', { exact: true }).fill('38.5');
    await form.getByLabel('Headcount', { exact: true }).fill('12');
    await form.getByLabel('Cash on hand', { exact: true }).fill('250000');
    await form.getByLabel('Coach only: Cash on hand').check();
    // Money is entered in the group's currency and grouped once the field is left.
    expect(await form.getByLabel('Cash on hand', { exact: true }).inputValue()).toBe('250,000');
    expect(await form.locator('#unit-cash_on_hand').textContent()).toBe('EUR');
    await form.getByRole('button', { name: 'Save figures' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain(`You have 3 figures for ${quarter}`);

    // A CSV with bad lines: every one is listed, nothing is written.
    const input = max.getByLabel(`Import a CSV file for ${quarter}`);
    await input.setInputFiles(csv(`quarter,kpi,value\n${quarter},total_revenue,1.2M\n${quarter},no_such_kpi,3\n`));
    const importer = max.getByTestId('csv-import');
    await expect.poll(() => importer.getByRole('alert').textContent()).toContain('Line 3');
    expect(await importer.getByRole('listitem').count()).toBe(2);
    expect(await form.getByLabel('Total revenue', { exact: true }).inputValue()).toBe('');
    await screenshot(max, 'financials-entry');
    expect(await seriousA11yViolations(max)).toEqual([]);
    await input.setInputFiles(csv(`quarter,kpi,value\n${quarter},total_revenue,1200000\n${quarter},new_clients,4\n`));
    await expect.poll(() => importer.getByRole('status').textContent()).toContain('Imported 2 figures');
    await expect.poll(() => form.getByLabel('Total revenue', { exact: true }).inputValue()).toBe('1,200,000');
    expect(await form.getByLabel('Coach only: Cash on hand').isChecked()).toBe(true);

    // Mia sees Max's revenue in the group but never his coach-only cash.
    const mia = (await suite.seed.members[1]!.get(`/api/groups/${suite.seed.group.id}/financials/${quarter}`)).body;
    const maxSeenByMia = mia.members.find((m: { userId: string }) => m.userId === suite.seed.members[0]!.userId);
    expect(maxSeenByMia.views.total_revenue.value).toBe(1_200_000);
    expect(maxSeenByMia.views.cash_on_hand.value).toBeNull();

    // The old address of the figures page still leads here.
    await max.goto(`/groups/${suite.seed.group.id}/figures`);
    await expect.poll(() => new URL(max.url()).pathname).toBe(`/groups/${suite.seed.group.id}/financials`);

    // Goals: Max writes progress notes; the coach reads them at a glance.
    await max.goto(`/groups/${suite.seed.group.id}`);
    await max.getByRole('navigation', { name: 'Between meetings' }).getByRole('link', { name: /^Goals/ }).click();
    const goal = max.getByTestId('my-current-goals').getByRole('listitem').filter({ hasText: 'Hire a dispatcher' });
    await goal.getByLabel('Progress notes').fill('Two candidates interviewed');
    await goal.getByRole('button', { name: 'Save progress on Hire a dispatcher' }).click();
    await expect.poll(() => goal.getByRole('status').textContent()).toBe('Saved.');
    expect(await seriousA11yViolations(max)).toEqual([]);

    const coach = await signIn('cora.coach@example.com');
    await coach.getByRole('navigation', { name: 'Between meetings' }).getByRole('link', { name: /^Goals/ }).click();
    const overview = coach.getByTestId('goals-overview');
    await expect.poll(() => overview.textContent()).toContain('Progress: Two candidates interviewed');
    expect(await coach.getByRole('heading', { name: 'Every member at a glance' }).count()).toBe(1);
    expect(await seriousA11yViolations(coach)).toEqual([]);
  });

  it('shows the network benchmark only where five companies reported, across groups', async () => {
    const max = await signIn('max.one@example.com');
    await max.goto(`/groups/${suite.seed.group.id}/financials`);
    const quarter = await max.getByLabel('Quarter').inputValue();
    const revenue = async (who: (typeof suite.seed.members)[number], value: number) =>
      expect((await who.request('PUT', `/api/groups/${suite.seed.group.id}/figures/${quarter}`, { figures: [{ kpiKey: 'total_revenue', value }] })).status).toBe(200);
    await revenue(suite.seed.members[0]!, 1_200_000);
    await revenue(suite.seed.members[1]!, 800_000);
    await revenue(suite.seed.members[2]!, 500_000);
    await max.reload();
    const row = () => max.getByTestId('network-benchmarks').getByRole('row', { name: /^Total revenue/ });
    // Three companies: nothing shown that could be traced to one of them.
    await expect.poll(() => row().textContent()).toContain('Too few companies reported');
    expect(await row().textContent()).toMatch(/3$/);

    // Two companies of another group in the network report: five in all, the median shows.
    const beta = (await suite.seed.organiser.post(`/api/networks/${suite.seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body;
    for (const [name, company, value] of [['Bea Four', 'Four KG', 2_000_000], ['Bo Five', 'Five SA', 900_000]] as const) {
      const m = await joinGroup(suite.srv.url, suite.seed.organiser, beta.id, name, 'member', company);
      expect((await m.request('PUT', `/api/groups/${beta.id}/figures/${quarter}`, { figures: [{ kpiKey: 'total_revenue', value }] })).status).toBe(200);
    }
    await max.reload();
    await expect.poll(() => row().textContent()).toContain('€900,000');
    // Mine, the network's median (900k of 500k, 800k, 900k, 1.2M, 2M) and 5 companies.
    expect(await row().textContent()).toMatch(/^Total revenue€1,200,000€900,000.*5$/);
    await max.getByTestId('network-benchmarks').scrollIntoViewIfNeeded();
    await screenshot(max, 'network-benchmarks');
    expect(await seriousA11yViolations(max)).toEqual([]);
  });

  it("lets the coach add the group's own KPI, which members then enter and compare", async () => {
    const coach = await signIn('cora.coach@example.com');
    await coach.goto(`/groups/${suite.seed.group.id}/financials`);
    const form = coach.getByRole('form', { name: 'Add a KPI' });
    await form.getByRole('button', { name: 'Add KPI' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Give the KPI a name');
    await form.getByLabel('KPI name').fill('Net promoter score');
    await form.getByLabel('Better when').selectOption('higher');
    await form.getByRole('button', { name: 'Add KPI' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Net promoter score added: members can enter it now.');
    expect(await coach.getByTestId('own-kpis').textContent()).toContain('Net promoter score — a number, higher is better');
    // The same name twice is refused by the server, with its reason.
    await form.getByLabel('KPI name').fill('Net promoter score');
    await form.getByRole('button', { name: 'Add KPI' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/already/i);

    // Max (a member of a coach-led group) can't add KPIs, but enters the new one with his figures.
    const max = await signIn('max.one@example.com');
    await max.goto(`/groups/${suite.seed.group.id}/financials`);
    const quarter = await max.getByLabel('Quarter').inputValue();
    expect(await max.getByRole('form', { name: 'Add a KPI' }).count()).toBe(0);
    const figures = max.getByRole('form', { name: `My figures for ${quarter}` });
    await figures.getByLabel('Net promoter score', { exact: true }).fill('42');
    await figures.getByRole('button', { name: 'Save figures' }).click();
    await expect.poll(() => figures.getByRole('status').textContent()).toContain('You have');
    const row = max.getByRole('region', { name: `The group in ${quarter}` }).getByRole('row', { name: /^Net promoter score/ });
    // Mine, the group median, the middle half, companies: Max alone so far.
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toEqual(['42', '42', '42 – 42', '1']);
    expect(await seriousA11yViolations(coach)).toEqual([]);
  });
});

