// Rights that change during a live meeting, in real browsers: the coach removes a member on the
// group page and the member's open meeting says "No access" at once; a member made an observer
// sees "Read-only"; an observer never gets a "stays in the room" block, on screen or in the
// browser's storage, during the meeting or after it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { NOTES_FIELD } from '../shared/notes/fromYjs.ts';
import { joinGroup } from '../server/testing/harness.ts';
import { login, newContext, screenshot } from './support/browser.ts';
import { driveRoom, joinMeeting, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite();

/** A live meeting of its own for each test (no test depends on another's leftovers). */
async function liveMeeting(quarter: string) {
  const meetingId: string = (await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, { quarter, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  const coach = await driveRoom(suite.srv.url, suite.seed.coach.cookie, meetingId);
  await coach.command({ type: 'meeting.start' });
  return { meetingId, coach };
}

const status = (p: Page) => p.getByTestId('sync-status').textContent();
const editor = (p: Page) => p.getByTestId('notes-editor').locator('.ProseMirror');

/**
 * The browser's offline copies, read back: every IndexedDB database of the page's origin, its
 * stored Yjs updates applied to a fresh doc here, as the notes and commitments text they hold.
 */
async function indexedDbText(p: Page): Promise<{ databases: string[]; text: string }> {
  const dumps = await p.evaluate(async () => {
    const out: { name: string; updates: number[][] }[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const updates: number[][] = [];
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(store, 'readonly').objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        for (const v of values) if (v instanceof Uint8Array) updates.push(Array.from(v));
      }
      db.close();
      out.push({ name: info.name, updates });
    }
    return out;
  });
  const texts = dumps.map(({ updates }) => {
    const doc = new Y.Doc();
    for (const u of updates) {
      try {
        Y.applyUpdate(doc, new Uint8Array(u));
      } catch {
        /* not a Yjs update (another store's value) */
      }
    }
    const text = doc.getXmlFragment(NOTES_FIELD).toString() + JSON.stringify(doc.getArray('commitments').toJSON());
    doc.destroy();
    return text;
  });
  return { databases: dumps.map((d) => d.name), text: texts.join('\n') };
}

describe('rights that change during a meeting', () => {
  it('the coach removes a member during a live meeting: their browser shows "No access" within seconds', async () => {
    const { meetingId, coach } = await liveMeeting('2026-Q4');
    await joinGroup(suite.srv.url, suite.seed.coach, suite.seed.group.id, 'Rhea Removed', 'member', 'Rhea GmbH');
    const member = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'rhea.removed@example.com', 'Remote');
    await expect.poll(() => status(member)).toBe('Saved');

    const coachPage = await (await newContext(suite.browser, suite.srv.url)).newPage();
    await login(coachPage, 'cora.coach@example.com', PASSWORD);
    await coachPage.goto(`/groups/${suite.seed.group.id}`);
    await coachPage.getByRole('button', { name: 'Remove Rhea Removed' }).click();
    const t0 = Date.now();
    await coachPage.getByRole('button', { name: 'Confirm remove Rhea Removed' }).click();
    await member.getByTestId('no-access').waitFor({ timeout: 5_000 });
    const seconds = (Date.now() - t0) / 1000;
    expect(seconds).toBeLessThan(5);
    expect(await member.getByRole('heading', { level: 1 }).textContent()).toBe('No access');
    // Nothing of the meeting is left on screen.
    expect(await member.getByTestId('notes-editor').count()).toBe(0);
    await screenshot(member, 'revocation-no-access');
    coach.close();
    await member.context().close();
    await coachPage.context().close();
  });

  it('a member made an observer sees "Read-only" and can no longer type, without a reload', async () => {
    const { meetingId, coach } = await liveMeeting('2027-Q1');
    const olive = await joinGroup(suite.srv.url, suite.seed.coach, suite.seed.group.id, 'Olive Demoted', 'member', 'Olive AG');
    const page = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'olive.demoted@example.com', 'Remote');
    await expect.poll(() => status(page)).toBe('Saved');
    expect(await page.getByTestId('read-only').count()).toBe(0);
    expect(await editor(page).getAttribute('contenteditable')).toBe('true');
    expect((await suite.seed.coach.patch(`/api/groups/${suite.seed.group.id}/members/${olive.userId}`, { role: 'observer' })).status).toBe(200);
    await page.getByTestId('read-only').waitFor({ timeout: 5_000 });
    await expect.poll(() => editor(page).getAttribute('contenteditable')).toBe('false');
    // Reopened as the observers' view: synced again, not "No access".
    await expect.poll(() => status(page)).toBe('Saved');
    await screenshot(page, 'revocation-read-only');
    coach.close();
    await page.context().close();
  });

  it("an observer's browser never holds a room-only block: not in the DOM, not in IndexedDB, during or after the meeting", async () => {
    const { meetingId, coach } = await liveMeeting('2027-Q2');
    const observer = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'otto.observer@example.com', 'Remote');
    await expect.poll(() => status(observer)).toBe('Saved');
    // Any text the observer's page ever shows, recorded as it appears.
    await observer.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenText: string[] }).seenText = seen;
      new MutationObserver(() => seen.push(document.body.innerText)).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const member = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'max.one@example.com', 'In the room');
    await expect.poll(() => status(member)).toBe('Saved');
    await editor(member).click();
    await member.keyboard.type('Shared: margins improved.');
    await member.keyboard.press('Enter');
    // Marked before a word is typed: the block is room-only from its first letter.
    await member.getByRole('button', { name: 'Stays in the room' }).click();
    await member.keyboard.type('SECRET the bank called the loan.');
    await member.keyboard.press('Enter');
    await member.getByRole('button', { name: 'Stays in the room' }).click();
    await member.keyboard.type('Shared: marker after the secret.');
    await expect.poll(() => member.getByTestId('notes-editor').locator('[data-confidential="true"]').innerText()).toContain('SECRET');
    await expect.poll(() => editor(observer).innerText()).toContain('marker after the secret');
    expect(await editor(observer).innerText()).toContain('margins improved');

    const check = async () => {
      expect(await observer.locator('body').innerText()).not.toContain('SECRET');
      expect(await observer.locator('[data-confidential="true"]').count()).toBe(0);
      expect(((await observer.evaluate(() => (window as unknown as { seenText: string[] }).seenText)) ?? []).join('\n')).not.toContain('SECRET');
      const idb = await indexedDbText(observer);
      expect(idb.text).not.toContain('SECRET');
      return idb;
    };
    const during = await check();
    // The member's own browser does keep its offline copy with the block (a control for the check above).
    expect((await indexedDbText(member)).text).toContain('SECRET');
    await screenshot(observer, 'revocation-observer-filtered');

    // After the meeting: the observer reloads and reads the notes again.
    await coach.command({ type: 'meeting.end' });
    await observer.reload();
    await observer.evaluate(() => ((window as unknown as { seenText: string[] }).seenText = []));
    await expect.poll(() => editor(observer).innerText()).toContain('marker after the secret');
    await check();
    expect(during.databases.some((d) => d.includes(':notes'))).toBe(false);
    coach.close();
    await observer.context().close();
    await member.context().close();
  });
});
