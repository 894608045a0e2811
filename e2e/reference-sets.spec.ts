// Industry reference sets on the organiser's network section: a refused CSV shows every bad line
// beside the form; a CSV file read in the browser adds the set; the list keeps the newest study
// year first; removing one asks once more. Axe and screenshots at 1366x768 and 375x812.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ReferenceSet } from '../shared/benchmarks.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

let networkCurrency = '';
const suite = e2eSuite({
  prepare: async ({ seed }) => {
    networkCurrency = (await seed.organiser.get('/api/me')).body.networks[0].currency;
    // An older study is already there: the new ones go above it.
    const older = await seed.organiser.post(`/api/networks/${seed.networkId}/reference-sets`, { source: 'Old Survey', year: 2021, csv: 'kpi,q1,median,q3\nheadcount,8,15,30\n' });
    if (older.status !== 201) throw new Error(`older set failed: ${JSON.stringify(older.body)}`);
  },
});

async function organiserHome(viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
  await login(page, 'olga@example.com', PASSWORD);
  return page;
}

const listed = (page: Page) => page.getByRole('list', { name: 'Reference sets of Test Network' }).getByRole('listitem').allTextContents();

it('an organiser adds a benchmark study from a CSV file after fixing the lines the server refused, and removes an old one', async () => {
  const olga = await organiserHome({ width: 1366, height: 768 });
  const sets = olga.getByTestId('reference-sets');
  const form = olga.getByRole('form', { name: 'Add an industry reference set' });
  await expect.poll(() => listed(olga)).toEqual([expect.stringContaining('Old Survey 2021')]);
  expect(await form.getByLabel('Currency').inputValue()).toBe(networkCurrency);

  // Two bad lines: both are named under the CSV, which they describe.
  await form.getByLabel('Source (study)').fill('Service Leadership Index');
  await form.getByLabel('Year').fill('2025');
  await form.getByLabel('Currency').selectOption('USD');
  await form.getByLabel('Quartiles (CSV)').fill('kpi,q1,median,q3\nrevenu,1,2,3\ngross_margin_pct,48,42.5,35\nheadcount,10,20,40\n');
  await form.getByRole('button', { name: 'Add reference set' }).click();
  const alert = form.getByRole('alert');
  await expect.poll(() => alert.getByRole('listitem').allTextContents()).toEqual(['Line 2: Unknown KPI "revenu"', 'Line 3: gross_margin_pct: q1 <= median <= q3 does not hold']);
  expect(await alert.textContent()).toContain('Nothing was added.');
  expect(await form.getByLabel('Quartiles (CSV)').getAttribute('aria-invalid')).toBe('true');
  expect(await listed(olga)).toHaveLength(1);
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await sets.scrollIntoViewIfNeeded();
  await screenshot(olga, 'reference-sets-errors-1366');

  // The fixed file, read in the browser into the CSV field, then added.
  const fixed = 'kpi,q1,median,q3\ngross_margin_pct,35,42.5,48\nheadcount,10,20,40\n';
  await form.getByLabel('Or read a CSV file').setInputFiles({ name: 'sli-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await expect.poll(() => form.getByLabel('Quartiles (CSV)').inputValue()).toBe(fixed);
  await form.getByRole('button', { name: 'Add reference set' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toBe('Added Service Leadership Index 2025: 2 KPIs.');
  expect(await form.getByRole('alert').count()).toBe(0);
  await expect.poll(() => listed(olga)).toEqual([
    expect.stringContaining('Service Leadership Index 2025 · money in USD · 2 KPIs'),
    expect.stringContaining('Old Survey 2021 · money in ' + networkCurrency + ' · 1 KPI'),
  ]);
  await screenshot(olga, 'reference-sets-added-1366');

  // Removing asks once more; "Keep it" keeps it.
  await sets.getByRole('button', { name: 'Remove Old Survey 2021' }).click();
  await sets.getByRole('button', { name: 'Keep it' }).click();
  expect(await listed(olga)).toHaveLength(2);
  await sets.getByRole('button', { name: 'Remove Old Survey 2021' }).click();
  await sets.getByRole('button', { name: 'Yes, remove Old Survey 2021' }).click();
  await expect.poll(() => listed(olga)).toEqual([expect.stringContaining('Service Leadership Index 2025')]);
  const stored = (await suite.seed.organiser.get<ReferenceSet[]>(`/api/networks/${suite.seed.networkId}/reference-sets`)).body;
  expect(stored.map((s) => [s.source, s.year, s.currency])).toEqual([['Service Leadership Index', 2025, 'USD']]);

  // On a phone the list and the form fit the width.
  const phone = await organiserHome({ width: 375, height: 812 });
  await expect.poll(() => listed(phone)).toHaveLength(1);
  await phone.getByTestId('reference-sets').scrollIntoViewIfNeeded();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousA11yViolations(phone)).toEqual([]);
  await screenshot(phone, 'reference-sets-375');
});
