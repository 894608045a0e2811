// A member follows on a phone (375x812): the meeting page has no sideways scroll, its header
// fits, Raise hand stays in view at the foot of the screen; and axe finds no serious or
// critical violation on any page type, meeting pages included, on a phone and a laptop.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { richRoom } from './support/richRoom.ts';
import { driveRoom, joinMeeting, patientPolls, PASSWORD, type RoomDriver } from './support/room.ts';

let room: Awaited<ReturnType<typeof richRoom>>;
let browser: Browser;
let driver: RoomDriver;
let endedId: string;
const PHONE = { width: 375, height: 812 };

beforeAll(async () => {
  patientPolls();
  room = await richRoom();
  driver = await driveRoom(room.srv.url, room.seed.coach.cookie, room.meetingId);
  await driver.command({ type: 'meeting.start' });
  // A meeting that has run and ended, for its recap.
  endedId = (await room.seed.coach.post(`/api/groups/${room.seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  const past = await driveRoom(room.srv.url, room.seed.coach.cookie, endedId);
  await past.command({ type: 'meeting.start' });
  await past.command({ type: 'meeting.end' });
  past.close();
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  driver?.close();
  await browser?.close();
  await room?.srv.close();
});

const overflowX = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** What sticks out on the right (for the failure message). */
const wide = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && (el.parentElement?.getBoundingClientRect().right ?? 0) <= document.documentElement.clientWidth + 1)
      .filter((el) => !el.closest('.table-wrap'))
      .slice(0, 6)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`)
      .join(', '),
  );
async function inView(page: Page, name: string): Promise<boolean> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  const vp = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= vp.height && box.x >= 0 && box.x + box.width <= vp.width;
}

describe('on a phone', () => {
  it('follows the meeting without sideways scrolling, Raise hand always in view', async () => {
    const mia = await joinMeeting(browser, room.srv.url, room.meetingId, 'mia.two@example.com', 'Remote', PHONE);
    for (const kind of ['financials', 'goals', 'hotseat', 'closing'] as const) {
      await driver.command({ type: 'agenda.jump', itemId: driver.itemId(kind) });
      if (kind === 'financials') await driver.command({ type: 'focus.set', userId: room.seed.members[0]!.userId });
      await expect.poll(() => mia.getByTestId('current-item').textContent()).toBe(driver.state().agenda[driver.state().currentIndex]!.title);
      await mia.getByTestId('item-stage').waitFor();
      await mia.evaluate(() => window.scrollTo(0, 0));
      await screenshot(mia, `phone-${kind}`);
      expect(await overflowX(mia), `${kind}: ${await wide(mia)}`).toBeLessThanOrEqual(0);
      expect(await inView(mia, 'Raise hand'), `${kind}: Raise hand at the top`).toBe(true);
      // The header fits: Logout is on the screen.
      expect(await inView(mia, 'Logout'), `${kind}: Logout`).toBe(true);
      await mia.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      expect(await inView(mia, 'Raise hand'), `${kind}: Raise hand half-way down`).toBe(true);
      expect(await seriousA11yViolations(mia), kind).toEqual([]);
    }
    await mia.context().close();
  });
});

describe('axe on every page type', () => {
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    it(`finds no serious or critical violation at ${viewport.width}px`, async () => {
      const g = room.seed.group.id;
      const anon = await (await newContext(browser, room.srv.url, viewport)).newPage();
      const found: Record<string, string[]> = {};
      for (const path of ['/login', '/forgot-password']) {
        await anon.goto(path);
        await anon.locator('h1').first().waitFor();
        found[path] = await seriousA11yViolations(anon);
      }
      await anon.context().close();
      for (const [email, paths] of [
        ['mia.two@example.com', ['/', '/me', `/groups/${g}`, `/groups/${g}/financials`, `/groups/${g}/goals`, `/groups/${g}/resources`, `/groups/${g}/search`, `/meetings/${room.meetingId}/update`, `/meetings/${endedId}/recap`, `/meetings/${room.meetingId}/projector`, '/no-such-page']],
        ['cora.coach@example.com', [`/groups/${g}/coach`, '/coaching', `/meetings/${room.meetingId}`]],
      ] as const) {
        const page = await (await newContext(browser, room.srv.url, viewport)).newPage();
        await login(page, email, PASSWORD);
        for (const path of paths) {
          await page.goto(path);
          await page.locator('h1').first().waitFor();
          // Let the page's data arrive (its loading line goes).
          await expect.poll(() => page.locator('.loading, .page-loading').count()).toBe(0);
          if (path === `/meetings/${room.meetingId}`) {
            const join = page.getByRole('button', { name: 'In the room' });
            if (await join.count()) await join.click();
            await page.getByTestId('console-bar').waitFor();
          }
          if (viewport === PHONE) expect(await overflowX(page), `${path} overflows: ${await wide(page)}`).toBeLessThanOrEqual(0);
          found[path] = await seriousA11yViolations(page);
        }
        await page.context().close();
      }
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    });
  }
});
