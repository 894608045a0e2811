// The recap says the day the meeting actually ran (not the planned one) in words, and lists each
// hot seat with its presenter and topic.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { humanDate } from '../shared/calendar/humanDate.ts';
import { launchBrowser, login, newContext } from './support/browser.ts';
import { richRoom } from './support/richRoom.ts';
import { driveRoom, patientPolls, PASSWORD } from './support/room.ts';

let room: Awaited<ReturnType<typeof richRoom>>;
let browser: Browser;

beforeAll(async () => {
  patientPolls();
  room = await richRoom();
  const driver = await driveRoom(room.srv.url, room.seed.coach.cookie, room.meetingId);
  await driver.command({ type: 'hotseat.setup', itemId: driver.itemId('hotseat'), presenterId: room.seed.members[1]!.userId, topic: 'Hiring a second technician' });
  await driver.command({ type: 'meeting.start' });
  await driver.command({ type: 'meeting.end' });
  driver.close();
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  await browser?.close();
  await room?.srv.close();
});

describe('recap', () => {
  it('names the day it ran and the hot seat', async () => {
    const page = await (await newContext(browser, room.srv.url)).newPage();
    await login(page, 'mia.two@example.com', PASSWORD);
    await page.goto(`/meetings/${room.meetingId}/recap`);
    await page.getByTestId('recap').waitFor();
    // Planned for 1 December 2026; it ran today.
    // In words, in the reader's locale: "Wednesday 2 December 2026" (en-GB), never ISO.
    const locale = await page.evaluate(() => navigator.languages[0] ?? navigator.language);
    const today = humanDate(Date.now(), 'UTC', locale);
    expect(today).not.toMatch(/\d{4}-\d{2}/);
    await expect.poll(() => page.getByTestId('recap').locator('p.muted').first().textContent()).toContain(`Ran on ${today}`);
    expect(await page.getByTestId('recap-hotseats').textContent()).toContain('Hot seat: Mia Two — Hiring a second technician');
    await page.context().close();
  });
});
