// After the meeting: a member opens last quarter's recap from the archive, searches for a word
// from its notes, opens the hit and downloads the PDF; hostile note content never runs; "my
// page" holds the member's goals, commitments and numbers; the coach marks the recap final.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { previousQuarter, quarterOf } from '../shared/financials/quarters.ts';
import { waitUntil } from '../server/testing/collabClient.ts';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { holdPastMeeting, midQuarter, paragraph } from './support/pastMeeting.ts';
import { seedGoalsAndFigures } from './support/memberRecord.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let groupId: string;
let meetingId: string;
const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
// Relative to today, so "last quarter" stays last quarter whenever the suite runs.
const lastQuarter = previousQuarter(quarterOf(new Date()));
const lastTitle = `Quarterly meeting ${lastQuarter}`;

beforeAll(async () => {
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  groupId = seed.group.id;
  const [max, mia] = seed.members;
  meetingId = await holdPastMeeting(srv.url, srv.storage, seed, {
    quarter: lastQuarter,
    startsAt: midQuarter(lastQuarter),
    location: 'Koblenz',
    notes: [
      paragraph([['Max wants to move his clients onto Kubernetes by spring.']]),
      paragraph([['<img src=x onerror=alert(1)> was pasted here']]),
      paragraph([['A tempting '], ['link', { link: { href: 'javascript:alert(1)' } }], [' and a '], ['real one', { link: { href: 'https://example.com/guide' } }]]),
    ],
    commitments: [
      { id: 'c1', who: max!.userId, what: 'Pilot Kubernetes with one client', due: day(30), status: 'open', confidential: false },
      { id: 'c2', who: max!.userId, what: 'Send the tender documents to Mia', due: day(-10), status: 'open', confidential: false },
      { id: 'c3', who: mia!.userId, what: 'Introduce Max to her bank', due: day(20), status: 'open', confidential: false },
    ],
  });
  // A meeting a few days ago (a super-week session): recent enough for the home page's recaps.
  await holdPastMeeting(srv.url, srv.storage, seed, {
    quarter: quarterOf(new Date(Date.now() - 5 * DAY)),
    startsAt: new Date(Date.now() - 5 * DAY).toISOString(),
    title: 'Super week: pricing session',
    commitments: [{ id: 'r1', who: max!.userId, what: 'Call three reference customers', due: day(14), status: 'open', confidential: false }],
  });
  await seedGoalsAndFigures(srv.storage, seed, lastQuarter);
  // The search index follows stored notes after a short debounce; wait until it has them.
  await waitUntil(async () => (await mia!.get(`/api/groups/${groupId}/search?q=kubernetes`)).body.hits?.length >= 2, 'indexed');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** Fails the test if any script from note content runs: no dialog, no injected image. */
function guard(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

describe('after the meeting', () => {
  it('a member finds last quarter’s recap in the archive, searches it, opens the hit and downloads the PDF', async () => {
    const ctx = await newContext(browser, srv.url, { width: 1280, height: 1000 });
    const page = await ctx.newPage();
    const dialogs = guard(page);
    await login(page, 'max.one@example.com', PASSWORD);
    await page.getByRole('link', { name: 'Alpha Group', exact: true }).click();
    const archive = page.getByTestId('meeting-archive');
    await archive.waitFor();
    expect(await archive.getByRole('heading', { level: 4 }).allInnerTexts()).toContain(lastQuarter);
    await screenshot(page, 'archive');
    expect(await archive.getByRole('link', { name: `Download PDF of ${lastTitle}` }).getAttribute('href')).toBe(`/api/meetings/${meetingId}/recap.pdf`);
    await archive.getByRole('link', { name: lastTitle, exact: true }).click();
    const recap = page.getByTestId('recap');
    await recap.waitFor();
    await expect.poll(() => recap.innerText()).toContain('Kubernetes by spring');
    // My commitments come first.
    expect(await recap.locator('li.mine').first().innerText()).toContain('Pilot Kubernetes with one client');
    await screenshot(page, 'recap');

    await page.getByRole('link', { name: 'Group page' }).click();
    await page.getByLabel('Search notes, commitments and goals').fill('kubernetes');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.locator('mark').count()).toBeGreaterThan(0);
    expect((await results.locator('mark').first().innerText()).toLowerCase()).toBe('kubernetes');
    await screenshot(page, 'search-results');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await results.getByRole('link', { name: /Hot seat/ }).click();
    await recap.waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#item-/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recap-actions').getByRole('link', { name: 'Download PDF' }).click()]);
    expect(fs.readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });

  it('hostile note content is shown as text in the recap and in search results, and never runs', async () => {
    const ctx = await newContext(browser, srv.url);
    const page = await ctx.newPage();
    const dialogs = guard(page);
    await login(page, 'mia.two@example.com', PASSWORD);
    await page.goto(`/meetings/${meetingId}/recap`);
    await page.getByTestId('recap').waitFor();
    await expect.poll(() => page.getByTestId('recap').innerText()).toContain('<img src=x onerror=alert(1)> was pasted here');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The javascript: link is plain text; the https one is a real link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'real one' }).getAttribute('href')).toBe('https://example.com/guide');

    await page.goto(`/groups/${groupId}/search?q=${encodeURIComponent('onerror img')}`);
    await expect.poll(() => page.getByTestId('search-results').innerText()).toContain('src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[data-testid="search-results"] a[href^="javascript:"]').count()).toBe(0);
    // Positive sentinel: a dialog opened now arrives after any the hostile content opened.
    await page.evaluate(() => setTimeout(() => alert('sentinel')));
    await expect.poll(() => dialogs.length).toBeGreaterThan(0);
    expect(dialogs).toEqual(['sentinel']);
    await ctx.close();
  });

  it('my page holds my goals with carry-overs, my open commitments (overdue flagged) and my numbers; home shows the recent recap', async () => {
    const ctx = await newContext(browser, srv.url, { width: 1280, height: 1400 });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await ctx.newPage();
    await login(page, 'max.one@example.com', PASSWORD);
    const recent = page.getByTestId('recent-recaps');
    await recent.waitFor();
    await expect.poll(() => recent.innerText()).toContain('Super week: pricing session');
    expect(await recent.innerText()).toContain('You committed: Call three reference customers');
    await screenshot(page, 'home-recent-recaps');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My page' }).click();
    const goals = page.getByTestId('my-goals').first();
    await goals.waitFor();
    await expect.poll(() => goals.innerText()).toContain('Hire a service manager');
    expect(await goals.innerText()).toContain('Carried over ×1');
    expect(await goals.getByRole('img', { name: /My goal completion/ }).count()).toBe(1);
    const commitments = page.getByTestId('my-commitments');
    const overdue = commitments.locator('li.overdue');
    expect(await overdue.count()).toBe(1);
    expect(await overdue.innerText()).toContain('Send the tender documents to Mia');
    expect(await commitments.innerText()).toContain('Pilot Kubernetes with one client');
    const figures = page.getByTestId('my-figures');
    expect(await figures.getByRole('img', { name: /Total revenue/ }).count()).toBe(1);
    // The table fallback holds the same numbers as the chart.
    await figures.getByText('Total revenue as a table').click();
    expect(await figures.getByRole('table', { name: 'Total revenue' }).getByRole('row').count()).toBeGreaterThan(2);
    await screenshot(page, 'my-page');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The calendar feed link is shown once, with Copy.
    await page.getByRole('button', { name: 'Create a calendar feed link' }).click();
    const feed = page.getByLabel('Calendar feed link');
    await expect.poll(() => feed.inputValue()).toMatch(/\/api\/calendar\/.+\.ics$/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await feed.inputValue());
    await ctx.close();
  });

  it('the coach sees every member at a glance and marks the recap final; the archive shows it', async () => {
    const ctx = await newContext(browser, srv.url);
    const page = await ctx.newPage();
    await login(page, 'cora.coach@example.com', PASSWORD);
    await page.goto(`/groups/${groupId}`);
    await page.getByRole('link', { name: /Coach's view/ }).click();
    const table = page.getByTestId('coach-overview');
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').nth(1).innerText()).toContain('Max One');
    expect(await table.getByRole('row').nth(1).innerText()).toMatch(/1 overdue: Send the tender documents to Mia/);
    await screenshot(page, 'coach-view');

    await page.goto(`/meetings/${meetingId}/recap`);
    const actions = page.getByTestId('recap-actions');
    await actions.waitFor();
    await actions.getByRole('button', { name: 'Mark recap final' }).click();
    await expect.poll(() => actions.innerText()).toContain('Final');
    await page.goto(`/groups/${groupId}`);
    await page.getByTestId('meeting-archive').waitFor();
    const item = page.getByTestId('meeting-archive').getByRole('listitem').filter({ hasText: lastTitle });
    await expect.poll(() => item.innerText()).toContain('Final');
    await ctx.close();
  });
});
