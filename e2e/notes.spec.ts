// Co-edited notes in two browsers: live text and carets, offline edits that merge, notes that
// survive a reload and a server restart, a shared commitments list, private notes kept private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let meetingId: string;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const editor = (p: Page) => p.getByTestId('notes-editor').locator('.ProseMirror');
/** The notes' text without other people's caret labels. */
const text = (p: Page) =>
  editor(p).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });

async function open(ctx: BrowserContext, email: string, mode: 'In the room' | 'Remote') {
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${meetingId}`);
  await page.getByRole('button', { name: mode }).click();
  await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('Saved');
  return page;
}

describe('co-edited notes', () => {
  it('two people type together, go offline, come back, and nothing is lost', async () => {
    const ctxA = await newContext(browser, srv.url, { width: 1280, height: 1000 });
    const ctxB = await newContext(browser, srv.url, { width: 1280, height: 1000 });
    const a = await open(ctxA, 'max.one@example.com', 'In the room');
    const b = await open(ctxB, 'mia.two@example.com', 'Remote');

    await editor(a).click();
    await a.keyboard.type('Anna: pricing is too low. ');
    await expect.poll(() => text(b)).toContain('Anna: pricing is too low.');
    await editor(b).click();
    await b.keyboard.press('End');
    await b.keyboard.type('Ben agrees.');
    await expect.poll(() => text(a)).toContain('Ben agrees.');
    // Each sees the other's caret with the other's name.
    await expect.poll(() => a.locator('.collaboration-carets__label').allInnerTexts()).toContain('Mia Two');
    await expect.poll(() => b.locator('.collaboration-carets__label').allInnerTexts()).toContain('Max One');
    await screenshot(a, 'notes-two-browsers');

    // B goes offline, keeps typing; A types too; both converge when B is back.
    await ctxB.setOffline(true);
    await expect.poll(() => b.getByTestId('sync-status').textContent()).toMatch(/Offline/);
    await editor(b).click();
    await b.keyboard.press('End');
    await b.keyboard.type(' Offline idea.');
    await screenshot(b, 'notes-offline');
    await editor(a).click();
    await a.keyboard.press('Control+Home');
    await a.keyboard.type('Online first. ');
    await expect.poll(() => text(b)).not.toContain('Online first.');
    await ctxB.setOffline(false);
    await expect.poll(() => text(a), { timeout: 15_000 }).toContain('Offline idea.');
    await expect.poll(() => text(b), { timeout: 15_000 }).toContain('Online first.');
    expect(await text(a)).toBe(await text(b));
    await expect.poll(() => b.getByTestId('sync-status').textContent()).toBe('Saved');

    // A commitment added by one shows up for the other.
    await a.getByLabel('Commits to').fill('Send the new price list');
    await a.getByRole('button', { name: 'Add commitment' }).click();
    await expect.poll(() => b.getByTestId('commitments').innerText()).toContain('Max One');
    await expect.poll(() => b.getByTestId('commitments').locator('input').first().inputValue()).toBe('Send the new price list');

    // Private notes stay private.
    await a.getByTestId('private-notes-editor').locator('.ProseMirror').click();
    await a.keyboard.type('Only for me: ask Mia about her bank.');
    await expect.poll(() => a.getByTestId('sync-status').textContent()).toBe('Saved');
    await b.waitForTimeout(800);
    expect(await b.locator('body').innerText()).not.toContain('Only for me');

    expect(await seriousA11yViolations(a)).toEqual([]);

    // A reload keeps the notes.
    const before = await text(a);
    await a.reload();
    await expect.poll(() => text(a)).toBe(before);
    await ctxA.close();
    await ctxB.close();
  });

  it('notes survive a server restart', async () => {
    const { port, dataDir } = srv;
    const ctx = await newContext(browser, srv.url);
    const page = await open(ctx, 'moe.three@example.com', 'In the room');
    await expect.poll(() => text(page)).toContain('Offline idea.');
    const before = await text(page);
    await srv.close();
    srv = await startE2eServer(dataDir, port);
    await page.reload();
    await expect.poll(() => text(page), { timeout: 15_000 }).toBe(before);
    await expect.poll(() => page.getByTestId('private-notes-editor').innerText()).not.toContain('Only for me');
    await ctx.close();
  });
});
