// A whole meeting facilitated by keyboard alone: no mouse event reaches the facilitator's page
// from the start to the closing. The "?" sheet lists the keys; → starts and advances, ← goes
// back; ↓ / ↑ step the member in focus; Shift+↓ / Shift+↑ move the goal mark and 1 / 2 / 3
// review the marked goal (a later one first); S steps the hot
// seat; C gives the floor to the first hand; Space pauses and resumes; + extends. And a button
// clicked with the mouse does not swallow Space: it still pauses the timer.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Goal } from '../shared/goals/types.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { REVIEWED_QUARTER, richRoom } from './support/richRoom.ts';
import { currentItem, driveRoom, joinMeeting, patientPolls, type RoomDriver } from './support/room.ts';

let room: Awaited<ReturnType<typeof richRoom>>;
let browser: Browser;
let driver: RoomDriver;
const COACH = 'cora.coach@example.com';

beforeAll(async () => {
  patientPolls();
  room = await richRoom();
  driver = await driveRoom(room.srv.url, room.seed.coach.cookie, room.meetingId);
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  driver?.close();
  await browser?.close();
  await room?.srv.close();
});

const focusName = (p: Page) => p.getByTestId('item-stage').getByTestId('focus-member').textContent();
const goalsOfMax = async (): Promise<Goal[]> =>
  ((await room.seed.coach.get(`/api/groups/${room.seed.group.id}/goals?quarter=${REVIEWED_QUARTER}`)).body as Goal[]).filter((g) => g.userId === room.seed.members[0]!.userId);
const running = () => driver.state().timer?.runningSince !== null;

describe('the meeting by keyboard', () => {
  it('runs from the start to the closing without a mouse event', async () => {
    // The hot seat was prepared before the meeting (presenter and topic), as groups do.
    await driver.command({ type: 'hotseat.setup', itemId: driver.itemId('hotseat'), presenterId: room.seed.members[1]!.userId, topic: 'Hiring a second technician' });
    const coach = await joinMeeting(browser, room.srv.url, room.meetingId, COACH, 'In the room', { width: 1366, height: 768 });
    await coach.evaluate(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'mouseup', 'wheel']) window.addEventListener(type, () => (w.pointerEvents += 1), true);
      // Nothing has focus: keys go to the page.
      (document.activeElement as HTMLElement | null)?.blur();
    });
    const key = (k: string) => coach.keyboard.press(k);

    // The sheet of keys, opened and closed with "?"; Escape closes it too.
    await key('?');
    const sheet = coach.getByTestId('key-sheet');
    await expect.poll(() => sheet.isVisible()).toBe(true);
    for (const label of ['Next member in focus', 'Hot seat: next stage', 'Give the floor to the first raised hand', 'Start, pause or resume the timer', 'Add 5 minutes to the timer', 'Goal review: the marked goal is done', 'Goal review: mark the next goal of the member in focus', 'Goal review: mark the previous goal of the member in focus']) {
      expect(await sheet.textContent()).toContain(label);
    }
    await screenshot(coach, 'keys-sheet-1366');
    // While the sheet is open the meeting waits: → does not start it.
    await key('ArrowRight');
    await key('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(driver.state().status).toBe('scheduled');

    // → starts the meeting, then moves on.
    await key('ArrowRight');
    await expect.poll(() => driver.state().status).toBe('live');
    await expect.poll(() => currentItem(coach)).toBe('Opening / check-in');
    await key('ArrowRight');
    await expect.poll(() => currentItem(coach)).toBe('Financial review');

    // Member by member, and back to the whole group.
    await key('ArrowDown');
    await expect.poll(() => focusName(coach)).toContain('Max One');
    await key('j');
    await expect.poll(() => focusName(coach)).toContain('Mia Two');
    await key('ArrowUp');
    await expect.poll(() => focusName(coach)).toContain('Max One');
    await key('k');
    await expect.poll(() => focusName(coach)).toContain('The whole group');

    // The timer: Space pauses and resumes, + adds five minutes.
    await expect.poll(running).toBe(true);
    // Each Space toggles what the page shows, so the next one waits until the page has the change
    // (the driver's socket may hear of it first).
    const timerButton = (label: string) => coach.getByRole('button', { name: label }).isVisible();
    await key('Space');
    await expect.poll(running).toBe(false);
    await expect.poll(() => timerButton('Resume timer')).toBe(true);
    await key('Space');
    await expect.poll(running).toBe(true);
    await expect.poll(() => timerButton('Pause timer')).toBe(true);
    const box = driver.state().timer!.durationMs;
    await key('+');
    await expect.poll(() => driver.state().timer!.durationMs).toBe(box + 5 * 60_000);

    // Goal review: the marked goal starts at Max's first open one; Shift+↓ / Shift+↑ move the mark
    // within Max's goals (↓ / ↑ still step the member), and 1 / 2 / 3 review the marked goal.
    await key('ArrowRight');
    await expect.poll(() => currentItem(coach)).toBe('Goal review');
    await key('ArrowDown');
    await expect.poll(() => focusName(coach)).toContain('Max One');
    const keyed = () => coach.locator('[data-keyed]').textContent();
    await expect.poll(keyed).toContain('Hire a dispatcher');
    await key('Shift+ArrowDown');
    await expect.poll(keyed).toContain('Raise prices by 5 percent');
    await key('Shift+ArrowDown');
    await expect.poll(keyed).toContain('Launch a backup service');
    // At the last goal Shift+↓ stays; Shift+↑ and Shift+↓ come back to it.
    await key('Shift+ArrowDown');
    await key('Shift+ArrowUp');
    await expect.poll(keyed).toContain('Raise prices by 5 percent');
    await key('Shift+ArrowDown');
    await expect.poll(keyed).toContain('Launch a backup service');
    // The third goal first: the first two stay open.
    await key('3');
    await expect.poll(async () => (await goalsOfMax()).map((g) => g.status)).toEqual(['open', 'open', 'not_done']);
    // Reviewed: the mark goes back to the first open goal.
    await expect.poll(keyed).toContain('Hire a dispatcher');
    await key('1');
    await expect.poll(async () => (await goalsOfMax()).map((g) => g.status)).toEqual(['done', 'open', 'not_done']);
    await expect.poll(keyed).toContain('Raise prices by 5 percent');
    await key('2');
    await expect.poll(async () => (await goalsOfMax()).map((g) => g.status)).toEqual(['done', 'partly', 'not_done']);
    await expect.poll(() => coach.locator('[data-keyed]').count()).toBe(0);
    // A reviewed goal can be marked again and its review changed by key.
    await key('Shift+ArrowUp');
    await expect.poll(keyed).toContain('Launch a backup service');
    await key('2');
    await expect.poll(async () => (await goalsOfMax()).map((g) => g.status)).toEqual(['done', 'partly', 'partly']);
    await expect.poll(() => focusName(coach)).toContain('Max One');

    // Hot seat: S through the stages; a member raises a hand and C gives them the floor.
    await key('ArrowRight');
    await expect.poll(() => currentItem(coach)).toBe('Hot seat');
    const seat = () => driver.state().hotSeats[driver.itemId('hotseat')]?.stage;
    // The next S is computed from the facilitator page's own state: wait until the page shows the
    // stage the server holds, or S would ask for the stage it is already in.
    const seen = (label: string) => expect.poll(() => coach.getByTestId('hotseat-stage').first().textContent()).toBe(label);
    // Entering the item opens its first stage.
    await expect.poll(seat).toBe('presentation');
    await seen('Presentation');
    await key('s');
    await expect.poll(seat).toBe('questions');
    await seen('Clarifying questions');
    const moe = await driveRoom(room.srv.url, room.seed.members[2]!.cookie, room.meetingId);
    await moe.command({ type: 'hand.raise' });
    await expect.poll(() => coach.getByTestId('hand-queue').first().textContent()).toContain('Moe Three');
    await key('c');
    await expect.poll(() => driver.state().speakerId).toBe(room.seed.members[2]!.userId);
    moe.close();
    await key('s');
    await expect.poll(seat).toBe('advice');
    await seen('Experience and advice');
    await key('s');
    await expect.poll(seat).toBe('commitments');

    // On to the closing; ← goes back one and → returns.
    for (const title of ['Topics & best practices', 'New goals', 'Closing']) {
      await key('ArrowRight');
      await expect.poll(() => currentItem(coach)).toBe(title);
    }
    await key('ArrowLeft');
    await expect.poll(() => currentItem(coach)).toBe('New goals');
    await key('ArrowRight');
    await expect.poll(() => currentItem(coach)).toBe('Closing');

    expect(await coach.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
    await coach.context().close();
  });

  it('pauses with Space right after a button was clicked with the mouse', async () => {
    if (driver.state().status === 'scheduled') await driver.command({ type: 'meeting.start' });
    // On its own (or after the first test), the room may be anywhere: bring it to the financial review.
    const financials = driver.itemId('financials');
    if (driver.state().agenda[driver.state().currentIndex]?.id !== financials) await driver.command({ type: 'agenda.jump', itemId: financials });
    if (!running()) await driver.command({ type: driver.state().timer ? 'timer.resume' : 'timer.start' });
    const coach = await joinMeeting(browser, room.srv.url, room.meetingId, COACH, 'In the room', { width: 1366, height: 768 });
    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => focusName(coach)).not.toContain('The whole group');
    const focused = driver.state().focusUserId;
    await coach.keyboard.press('Space');
    await expect.poll(running).toBe(false);
    // Space paused the timer and did not press Next member again.
    expect(driver.state().focusUserId).toBe(focused);
    await coach.context().close();
  });
});
