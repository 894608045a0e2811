// The facilitator's console on one laptop screen (1366x768): the item with its controls and the
// notes side by side; Next, Back and the timer in view without scrolling and still in view at
// the bottom of the page; the agenda editor closed once the meeting runs; removing an item asks
// first and can be undone, back where it was.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser.ts';
import { richRoom } from './support/richRoom.ts';
import { currentItem, driveRoom, joinMeeting, patientPolls, type RoomDriver } from './support/room.ts';

let room: Awaited<ReturnType<typeof richRoom>>;
let browser: Browser;
let driver: RoomDriver;
const COACH = 'cora.coach@example.com';

beforeAll(async () => {
  patientPolls();
  room = await richRoom();
  driver = await driveRoom(room.srv.url, room.seed.coach.cookie, room.meetingId);
  await driver.command({ type: 'meeting.start' });
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  driver?.close();
  await browser?.close();
  await room?.srv.close();
});

/** The element's box lies wholly inside the viewport as the page is scrolled now. */
async function inView(page: Page, l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  const vp = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height && box.x + box.width <= vp.width;
}

describe('console at 1366x768', () => {
  it('keeps Next, Back and the timer in view and puts the item beside the notes, at every item', async () => {
    const page = await joinMeeting(browser, room.srv.url, room.meetingId, COACH, 'In the room', { width: 1366, height: 768 });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const timer = page.getByTestId('console-bar').getByTestId('timer');
    for (const kind of ['financials', 'goals', 'hotseat', 'new-goals', 'closing'] as const) {
      await driver.command({ type: 'agenda.jump', itemId: driver.itemId(kind) });
      await expect.poll(() => currentItem(page)).toBe(driver.state().agenda[driver.state().currentIndex]!.title);
      await page.getByTestId('item-stage').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `console-1366-${kind}`);
      for (const l of [next, back, timer]) expect(await inView(page, l), `${kind}: in view at the top`).toBe(true);
      // Side by side: the notes start right of the item's view, level with it.
      const item = (await page.getByTestId('item-stage').boundingBox())!;
      const notes = (await page.getByRole('region', { name: 'Notes' }).boundingBox())!;
      expect(notes.x).toBeGreaterThanOrEqual(item.x + item.width);
      expect(notes.y).toBeLessThan(768);
      // The item starts in the upper part of the screen, under a bar of at most a third of it.
      expect(item.y).toBeLessThan(768 * 0.6);
      expect((await page.getByTestId('console-bar').boundingBox())!.height).toBeLessThan(768 / 3);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      for (const l of [next, back, timer]) expect(await inView(page, l), `${kind}: in view at the bottom`).toBe(true);
    }
    await page.context().close();
  });

  it('keeps the agenda editor closed during the meeting; a removal asks first and can be undone', async () => {
    if (driver.state().agenda[driver.state().currentIndex]?.kind !== 'financials') await driver.command({ type: 'agenda.jump', itemId: driver.itemId('financials') });
    const page = await joinMeeting(browser, room.srv.url, room.meetingId, COACH, 'In the room', { width: 1366, height: 768 });
    const editor = page.locator('details', { has: page.getByText('Edit agenda', { exact: true }) });
    expect(await editor.getAttribute('open')).toBeNull();
    await editor.locator('summary').click();
    const titles = () => driver.state().agenda.map((i) => i.title);
    const before = titles();
    const topics = before.indexOf('Topics & best practices');
    await page.getByRole('button', { name: 'Remove Topics & best practices' }).click();
    // Asked, not done: a marker command after the click is answered while the agenda is whole.
    await driver.command({ type: 'timer.extend', ms: 60_000 });
    expect(titles()).toEqual(before);
    await page.getByRole('group', { name: 'Confirm removing Topics & best practices' }).getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(titles).not.toContain('Topics & best practices');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(titles).toEqual(before);
    expect(titles()[topics]).toBe('Topics & best practices');
    await page.context().close();
  });
});
