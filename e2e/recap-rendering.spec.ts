// The recap renders notes from their structure, whatever they hold: every block and mark, hostile
// links and text (the shared corpus, shared/notes/testCorpus.ts) show as text and checked links,
// nothing runs; room-only blocks are labelled for the room and absent for an observer; a part of
// the recap that fails to render shows a message and a reload instead of blanking the page; the
// downloads leave room-only content out unless asked for, and say so in the file name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CORPUS_LINKS, CORPUS_ROOM_ONLY, CORPUS_TEXT, corpusNodes } from '../shared/notes/testCorpus.ts';
import { previousQuarter, quarterOf } from '../shared/financials/quarters.ts';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { holdPastMeeting, midQuarter } from './support/pastMeeting.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let meetingId: string;
const PASSWORD = 'correct horse battery';
const quarter = previousQuarter(quarterOf(new Date()));
const squash = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  const [max, mia] = seed.members;
  meetingId = await holdPastMeeting(srv.url, srv.storage, seed, {
    quarter,
    startsAt: midQuarter(quarter),
    notes: corpusNodes(),
    commitments: [
      { id: 'c1', who: max!.userId, what: 'Send the new rate card', due: '', status: 'open', confidential: false },
      { id: 'c2', who: mia!.userId, what: 'Let the weakest salesman go', due: '', status: 'open', confidential: true },
    ],
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** Collects anything script-like from the page: dialogs and uncaught errors. */
function watch(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return seen;
}

async function openRecap(email: string, viewport = { width: 1366, height: 768 }) {
  const ctx = await newContext(browser, srv.url, viewport);
  const page = await ctx.newPage();
  const seen = watch(page);
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${meetingId}/recap`);
  await page.getByTestId('recap').waitFor();
  return { ctx, page, seen };
}

/** Attribute names on every element of the recap: none may be an event handler. */
const attributeNames = (page: Page) =>
  page.evaluate(() => [...new Set([...document.querySelectorAll('[data-testid="recap"] *')].flatMap((e) => [...e.attributes].map((a) => a.name)))]);

describe('the recap renders any notes', () => {
  it('shows every block, mark and hostile text as text, links only to checked addresses, runs nothing', async () => {
    const { ctx, page, seen } = await openRecap('max.one@example.com', { width: 1920, height: 1080 });
    const notes = page.locator('.notes-view');
    await expect.poll(async () => squash(await notes.innerText())).toContain(CORPUS_TEXT.deep);
    const text = squash(await notes.innerText());
    for (const t of [...Object.values(CORPUS_TEXT), ...Object.values(CORPUS_ROOM_ONLY)]) expect(text).toContain(squash(t));
    for (const tag of ['strong', 'em', 'u', 's', 'code', 'blockquote', 'pre', 'hr', 'ol', 'ul.checklist', 'h4', 'h5']) expect(await notes.locator(tag).count(), tag).toBeGreaterThan(0);
    // Links: exactly the checked ones, opened apart from the app.
    const links = await notes.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')]));
    expect(links).toEqual(CORPUS_LINKS.map(([t, href]) => [t, href, 'noopener noreferrer nofollow']));
    // Nothing typed became an element or a handler; nothing ran.
    expect(await page.locator('[data-testid="recap"] img, [data-testid="recap"] script, [data-testid="recap"] iframe').count()).toBe(0);
    expect((await attributeNames(page)).filter((n) => n.startsWith('on'))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(seen).toEqual({ dialogs: [], errors: [] });
    await screenshot(page, 'recap-corpus-1920');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('labels what stays in the room for a member, and offers the marked download', async () => {
    const { ctx, page } = await openRecap('max.one@example.com', { width: 1280, height: 720 });
    await page.locator('.notes-view').waitFor();
    const labelled = await page.locator('.notes-view [data-room-only="true"]').allInnerTexts();
    expect(labelled).toHaveLength(4);
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(labelled.some((l) => l.includes(t) && l.toLowerCase().includes('stays in the room')), t).toBe(true);
    const salesman = page.locator('.recap-list li', { hasText: 'Let the weakest salesman go' });
    expect(await salesman.locator('.room-only-badge').innerText()).toBe('Stays in the room');

    const actions = page.getByTestId('recap-actions');
    const [plain] = await Promise.all([page.waitForEvent('download'), actions.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(plain.suggestedFilename()).toBe('peerboard-recap.pdf');
    const [marked] = await Promise.all([page.waitForEvent('download'), actions.getByRole('link', { name: 'PDF with what stays in the room' }).click()]);
    expect(marked.suggestedFilename()).toBe('peerboard-recap-stays-in-the-room.pdf');
    const [md] = await Promise.all([page.waitForEvent('download'), actions.getByRole('link', { name: 'Markdown with what stays in the room' }).click()]);
    expect(md.suggestedFilename()).toBe('peerboard-recap-stays-in-the-room.md');
    await screenshot(page, 'recap-room-only-1280');
    await ctx.close();
  });

  it('an observer never gets a room-only block, label or download', async () => {
    const { ctx, page } = await openRecap('otto.observer@example.com', { width: 375, height: 812 });
    await expect.poll(() => page.locator('.notes-view').innerText()).toContain(CORPUS_TEXT.quote);
    const html = await page.content();
    for (const t of [...Object.values(CORPUS_ROOM_ONLY), 'salesman', 'Stays in the room']) expect(html).not.toContain(t);
    expect(await page.getByTestId('recap-room-only-downloads').count()).toBe(0);
    // However deep the notes nest, the phone's page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'recap-observer-375');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('notes that fail to render show a message and a reload; the rest of the recap stays', async () => {
    const ctx = await newContext(browser, srv.url);
    const page = await ctx.newPage();
    const seen = watch(page);
    await login(page, 'mia.two@example.com', PASSWORD);
    // A summary whose notes the renderer cannot draw (as from a newer server): a list without items.
    await page.route('**/api/meetings/*/summary', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.notes[0].blocks = [{ kind: 'list', style: 'bullet', start: 1, items: null, roomOnly: false }];
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`/meetings/${meetingId}/recap`);
    const failed = page.getByTestId('error-boundary');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('The notes of Hot seat could not be shown');
    expect(await failed.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await page.getByTestId('recap').innerText()).toContain('Send the new rate card');
    expect(seen.dialogs).toEqual([]);
    await screenshot(page, 'recap-notes-boundary');

    // Reload, once the summary is whole again, shows the notes.
    await page.unroute('**/api/meetings/*/summary');
    await failed.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => page.locator('.notes-view').innerText()).toContain(CORPUS_TEXT.quote);
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    await ctx.close();
  });

  it('a page that fails to render says so with a reload, never a blank page', async () => {
    const ctx = await newContext(browser, srv.url);
    const page = await ctx.newPage();
    await login(page, 'mia.two@example.com', PASSWORD);
    await page.route('**/api/meetings/*/summary', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), notes: null, commitments: null } });
    });
    await page.goto(`/meetings/${meetingId}/recap`);
    const failed = page.getByTestId('error-boundary');
    await failed.waitFor();
    expect(await failed.innerText()).toContain('This page could not be shown');
    // The app around the page still works: the header's navigation takes you on.
    await page.getByRole('link', { name: 'My groups' }).click();
    await expect.poll(() => page.getByTestId('error-boundary').count()).toBe(0);
    await ctx.close();
  });
});
