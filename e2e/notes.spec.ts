// Co-edited notes in real browsers: live text and named carets, "stays in the room" blocks,
// offline edits that merge, a shared commitments list, private notes kept private, read-only
// observers, notes on the projector, notes that survive a reload and a server restart, and
// "No access" (not "Offline") for someone removed from the group while away.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { joinGroup } from '../server/testing/harness.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { startE2eServer } from './support/server.ts';
import { notesToText } from '../shared/notes/text.ts';
import type { SummaryNotes } from '../shared/records.ts';
import { e2eSuite } from './support/suite.ts';

const PASSWORD = 'correct horse battery';

const suite = e2eSuite({ meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z' } });

const editor = (p: Page) => p.getByTestId('notes-editor').locator('.ProseMirror');
const status = (p: Page) => p.getByTestId('sync-status').textContent();
/** An element's text without other people's caret labels. */
const textOf = (l: Locator) =>
  l.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
const text = (p: Page, testId = 'notes-editor') => textOf(p.getByTestId(testId).locator('.ProseMirror'));
/** A caret key, then a frame: ProseMirror takes the moved browser caret from the (async)
 *  selectionchange event, and a key pressed before that would act at the old position. */
async function caretKey(p: Page, key: string) {
  await p.keyboard.press(key);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
/** Puts the cursor at the very end. Home first: when the browser caret already sits at the end
 *  (after someone else's caret widget) End alone moves nothing and ProseMirror keeps its own idea. */
async function toEnd(p: Page) {
  await editor(p).click();
  await caretKey(p, 'Control+Home');
  await caretKey(p, 'Control+End');
}
/** The first item's notes as the summary API renders them for this reader (from the stored doc). */
async function storedNotes(who: { get: (p: string) => Promise<{ body: any }> }): Promise<string> {
  const notes: SummaryNotes[] = (await who.get(`/api/meetings/${suite.meetingId}/summary`)).body.notes ?? [];
  return notes.map((n) => notesToText(n.blocks)).join('\n');
}

async function open(ctx: BrowserContext, email: string, mode: 'In the room' | 'Remote') {
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${suite.meetingId}`);
  await page.getByRole('button', { name: mode }).click();
  await expect.poll(() => status(page)).toBe('Saved');
  return page;
}

describe('co-edited notes', () => {
  it('two people type together, go offline, come back, and nothing is lost', async () => {
    const ctxA = await newContext(suite.browser, suite.srv.url, { width: 1280, height: 1000 });
    const ctxB = await newContext(suite.browser, suite.srv.url, { width: 1280, height: 1000 });
    const a = await open(ctxA, 'max.one@example.com', 'In the room');
    const b = await open(ctxB, 'mia.two@example.com', 'Remote');

    await editor(a).click();
    await a.keyboard.type('Anna: pricing is too low. ');
    await expect.poll(() => text(b)).toContain('Anna: pricing is too low.');
    await editor(b).click();
    await caretKey(b, 'End');
    await b.keyboard.type('Ben agrees.');
    await expect.poll(() => text(a)).toContain('Ben agrees.');
    // Each sees the other's caret with the other's name, in the other's (visible) colour.
    const labelA = a.locator('.collaboration-carets__label', { hasText: 'Mia Two' });
    await expect.poll(() => labelA.count()).toBe(1);
    expect(await labelA.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await expect.poll(() => b.locator('.collaboration-carets__label').allInnerTexts()).toContain('Max One');

    // "Stays in the room": a flagged block shows as such for everyone.
    await toEnd(a);
    await a.keyboard.press('Enter');
    await a.keyboard.type('Anna may sell the company.');
    await a.getByRole('button', { name: 'Stays in the room' }).click();
    expect(await a.getByRole('button', { name: 'Stays in the room' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => textOf(b.getByTestId('notes-editor').locator('[data-confidential="true"]'))).toBe('Anna may sell the company.');
    await screenshot(a, 'notes-two-browsers');

    // B goes offline, keeps typing; A types too; both converge when B is back.
    await ctxB.setOffline(true);
    await expect.poll(() => status(b)).toBe('Offline — changes kept on this device');
    await editor(b).locator('p').first().click();
    await caretKey(b, 'End');
    await b.keyboard.type(' Offline idea.');
    await screenshot(b, 'notes-offline');
    await editor(a).click();
    await caretKey(a, 'Control+Home');
    await a.keyboard.type('Online first. ');
    await expect.poll(() => text(b)).not.toContain('Online first.');
    await ctxB.setOffline(false);
    await expect.poll(() => text(a), { timeout: 15_000 }).toContain('Offline idea.');
    await expect.poll(() => text(b), { timeout: 15_000 }).toContain('Online first.');
    expect(await text(a)).toBe(await text(b));
    await expect.poll(() => status(b)).toBe('Saved');
    // Stored on the server: members read the flagged block, observers (not in the room) do not.
    await expect.poll(() => storedNotes(suite.seed.coach)).toContain('Offline idea.');
    expect(await storedNotes(suite.seed.coach)).toContain('Anna may sell the company.');
    expect(await storedNotes(suite.seed.observer)).toContain('Ben agrees.');
    expect(await storedNotes(suite.seed.observer)).not.toContain('Anna may sell');

    // A commitment added by one shows up for the other; concurrent edits of two fields both stay.
    await a.getByLabel('Commits to').fill('Send the new price list');
    await a.getByRole('button', { name: 'Add commitment' }).click();
    await expect.poll(() => b.getByTestId('commitments').innerText()).toContain('Max One');
    await expect.poll(() => b.getByLabel("What: Max One's commitment").inputValue()).toBe('Send the new price list');
    await a.getByLabel("Due date: Max One's commitment").fill('2027-01-15');
    await b.getByLabel("Status: Max One's commitment").selectOption('done');
    for (const p of [a, b]) {
      await expect.poll(() => p.getByLabel("Status: Max One's commitment").inputValue()).toBe('done');
      await expect.poll(() => p.getByLabel("Due date: Max One's commitment").inputValue()).toBe('2027-01-15');
    }
    await b.getByLabel("What: Max One's commitment").fill('Send the new price list to all clients');
    await b.getByLabel("What: Max One's commitment").press('Enter');
    await expect.poll(() => a.getByLabel("What: Max One's commitment").inputValue()).toBe('Send the new price list to all clients');
    await b.getByTestId('commitments').scrollIntoViewIfNeeded();
    await screenshot(b, 'notes-commitments');

    // Private notes stay private.
    await a.getByTestId('private-notes-editor').locator('.ProseMirror').click();
    await a.keyboard.type('Only for me: ask Mia about her bank.');
    await expect.poll(() => status(a)).toBe('Saved');
    // Positive sentinel: a shared line typed after the private one reaches B; the private one never does.
    await toEnd(a);
    await a.keyboard.type(' Shared after the private note.');
    await expect.poll(() => text(b)).toContain('Shared after the private note.');
    expect(await b.locator('body').innerText()).not.toContain('Only for me');

    expect(await seriousA11yViolations(a)).toEqual([]);

    // A reload keeps the notes.
    const before = await text(a);
    await a.reload();
    await expect.poll(() => text(a)).toBe(before);
    await expect.poll(() => text(a, 'private-notes-editor')).toBe('Only for me: ask Mia about her bank.');
    await ctxA.close();
    await ctxB.close();
  });

  it('observers read along without a toolbar or a way to type', async () => {
    const ctx = await newContext(suite.browser, suite.srv.url);
    const page = await open(ctx, 'otto.observer@example.com', 'Remote');
    await expect.poll(() => text(page)).toContain('Ben agrees.');
    expect(await editor(page).getAttribute('contenteditable')).toBe('false');
    expect(await page.getByTestId('notes-editor').locator('..').getByRole('toolbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add commitment' }).count()).toBe(0);
    await ctx.close();
  });

  it('the projector shows the notes; notes survive a server restart, edits made meanwhile too', async () => {
    const ctx = await newContext(suite.browser, suite.srv.url, { width: 1280, height: 900 });
    const coach = await open(ctx, 'cora.coach@example.com', 'In the room');
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    const projector = await ctx.newPage();
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`/meetings/${suite.meetingId}/projector?notes=1`);
    await expect.poll(() => text(projector, 'projector-notes')).toContain('Anna may sell the company.');
    await screenshot(projector, 'notes-projector');
    expect(await seriousA11yViolations(projector)).toEqual([]);

    const before = await text(coach);
    const { port, dataDir } = suite.srv;
    await suite.srv.close();
    await expect.poll(() => status(coach), { timeout: 10_000 }).toBe('Offline — changes kept on this device');
    await toEnd(coach);
    await coach.keyboard.type(' Typed while the server was down.');
    suite.srv = await startE2eServer(dataDir, port);
    // The provider reconnects by itself and sends what was typed meanwhile.
    await expect.poll(() => status(coach), { timeout: 15_000 }).toBe('Saved');
    await expect.poll(() => storedNotes(suite.seed.coach), { timeout: 10_000 }).toContain('Typed while the server was down.');

    // A fresh browser (no offline copy) gets everything from the restarted server.
    const fresh = await newContext(suite.browser, suite.srv.url);
    const moe = await open(fresh, 'moe.three@example.com', 'In the room');
    await expect.poll(() => text(moe), { timeout: 15_000 }).toBe(before + ' Typed while the server was down.');
    await expect.poll(() => text(moe, 'private-notes-editor')).toBe('');
    await expect.poll(() => projector.getByTestId('projector-notes').innerText(), { timeout: 15_000 }).toContain('Typed while the server was down.');
    await coach.reload();
    await expect.poll(() => text(coach)).toBe(await text(moe));
    await ctx.close();
    await fresh.close();
  });

  it('someone removed from the group while offline sees "No access" when back, not "Offline"', async () => {
    const nora = await joinGroup(suite.srv.url, suite.seed.organiser, suite.seed.group.id, 'Nora Five', 'member', 'Five GmbH');
    const ctx = await newContext(suite.browser, suite.srv.url);
    const page = await open(ctx, 'nora.five@example.com', 'Remote');
    await ctx.setOffline(true);
    await expect.poll(() => status(page)).toBe('Offline — changes kept on this device');
    expect((await suite.seed.coach.request('DELETE', `/api/groups/${suite.seed.group.id}/members/${nora.userId}`)).status).toBe(204);
    await ctx.setOffline(false);
    // The upgrade is refused with 403, which the browser reports as a failed socket; the meeting's API says why.
    await expect.poll(() => status(page), { timeout: 20_000 }).toBe('No access');
    expect(await page.getByTestId('sync-status').getAttribute('title')).toBe('You no longer have access to these notes');
    await ctx.close();
  });
});

