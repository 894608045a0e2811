// Issue 2's end-to-end run: the facilitator (coach), a remote member and the projector view,
// in three browser contexts, go through the whole agenda; a11y checked; screenshots saved.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STANDARD_TEMPLATE } from '../shared/meeting/templates.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { e2eSuite } from './support/suite.ts';

const PASSWORD = 'correct horse battery';

const suite = e2eSuite({ meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00+01:00', timeZone: 'Europe/Berlin', location: 'Koblenz' } });

const currentItem = (page: Page) => page.getByTestId('current-item');
/** Runs the page's (installed) clock forward, then lets the renders those timers scheduled land
 *  (React schedules with MessageChannel, which the clock does not fake). The same helper shows a
 *  running timer change, so a paused one staying put is a real observation. */
async function tick(page: Page, ms: number) {
  await page.clock.runFor(ms);
  await page.evaluate(() => new Promise<void>((r) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => r();
    ch.port2.postMessage(null);
  }));
}

describe('a whole agenda in three browsers', () => {
  it('facilitator drives, member and projector follow, live', async () => {
    const coachCtx = await newContext(suite.browser, suite.srv.url, { width: 1366, height: 900 });
    const memberCtx = await newContext(suite.browser, suite.srv.url);
    const projCtx = await newContext(suite.browser, suite.srv.url, { width: 1920, height: 1080 });
    const coach = await coachCtx.newPage();
    const member = await memberCtx.newPage();
    const projector = await projCtx.newPage();
    // Playwright's clock: timer ticks are driven by runFor(), not by waiting in real time.
    await projector.clock.install();

    await login(coach, 'cora.coach@example.com', PASSWORD);
    await login(member, 'max.one@example.com', PASSWORD);
    await login(projector, 'cora.coach@example.com', PASSWORD);

    await coach.goto(`/meetings/${suite.meetingId}`);
    await coach.getByRole('button', { name: 'In the room' }).click();
    await member.goto(`/meetings/${suite.meetingId}`);
    await member.getByRole('button', { name: 'Remote' }).click();
    await projector.goto(`/meetings/${suite.meetingId}/projector`);

    for (const p of [coach, member, projector]) await expect.poll(() => p.getByTestId('connection-status').first().textContent()).toMatch(/online/i);
    // Presence: the coach sees the remote member.
    await expect.poll(() => coach.getByTestId('presence').textContent()).toContain('Max One');
    await expect.poll(() => projector.getByTestId('presence').textContent()).toContain('Max One');

    await coach.getByRole('button', { name: 'Start meeting' }).click();
    const titles = STANDARD_TEMPLATE.map((i) => i.title);
    for (const p of [coach, member, projector]) await expect.poll(() => currentItem(p).textContent()).toContain(titles[0]);
    // The projector counts down on its own from the timer data.
    const t1 = await projector.getByTestId('timer').textContent();
    await tick(projector, 1_300);
    expect(await projector.getByTestId('timer').textContent()).not.toBe(t1);

    // Raise hand: the facilitator and the projector see it; the facilitator calls on the member.
    await member.getByRole('button', { name: 'Raise hand' }).click();
    await expect.poll(() => projector.getByTestId('hand-queue').textContent()).toContain('Max One');
    await coach.getByRole('button', { name: 'Call on Max One' }).click();
    await expect.poll(() => projector.getByTestId('hand-queue').textContent()).not.toContain('Max One');

    // The whole agenda with the keyboard (→), everyone following.
    await coach.locator('body').click();
    for (let i = 1; i < titles.length; i++) {
      await coach.keyboard.press('ArrowRight');
      for (const p of [coach, member, projector]) await expect.poll(() => currentItem(p).textContent()).toContain(titles[i]);
    }
    // ← goes back one; → forward again.
    await coach.keyboard.press('ArrowLeft');
    await expect.poll(() => currentItem(member).textContent()).toContain(titles[titles.length - 2]);
    await coach.keyboard.press('ArrowRight');
    await expect.poll(() => currentItem(projector).textContent()).toContain(titles[titles.length - 1]);

    // Space pauses the timer for everyone.
    await coach.keyboard.press('Space');
    await expect.poll(() => coach.getByRole('button', { name: 'Resume timer' }).count()).toBe(1);
    const paused = await projector.getByTestId('timer').textContent();
    await tick(projector, 1_300);
    expect(await projector.getByTestId('timer').textContent()).toBe(paused);

    // Screenshots of the console and the projector at both sizes.
    await screenshot(coach, 'facilitator-console');
    await screenshot(member, 'member-view');
    await screenshot(projector, 'projector-1920x1080');
    await projector.setViewportSize({ width: 1280, height: 720 });
    await screenshot(projector, 'projector-1280x720');
    // Legible at 1280x720: the item title and timer are large and on screen.
    const titleBox = await currentItem(projector).boundingBox();
    const timerBox = await projector.getByTestId('timer').boundingBox();
    expect(titleBox && titleBox.y + titleBox.height).toBeLessThanOrEqual(720);
    expect(timerBox && timerBox.y + timerBox.height).toBeLessThanOrEqual(720);
    const fontPx = await currentItem(projector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(40);

    // Accessibility: no serious or critical violations on the three pages.
    expect(await seriousA11yViolations(coach)).toEqual([]);
    expect(await seriousA11yViolations(member)).toEqual([]);
    expect(await seriousA11yViolations(projector)).toEqual([]);

    // A member can't drive the room: the keyboard does nothing for them.
    await member.locator('body').click();
    await member.keyboard.press('ArrowLeft');
    // Positive sentinel: the member's next action (a raised hand) reaches the wall; the item has not moved.
    await member.getByRole('button', { name: 'Raise hand' }).click();
    await expect.poll(() => projector.getByTestId('hand-queue').textContent()).toContain('Max One');
    expect(await currentItem(projector).textContent()).toContain(titles[titles.length - 1]);

    await coach.getByRole('button', { name: 'End meeting' }).click();
    await coach.getByRole('button', { name: 'Yes, end meeting' }).click();
    await expect.poll(() => currentItem(projector).textContent()).toMatch(/ended/i);
    await expect.poll(() => currentItem(member).textContent()).toBe('Meeting ended');
    const state = await suite.srv.storage.getMeetingState(suite.meetingId);
    expect(state?.status).toBe('ended');
    expect(state?.agenda.every((i) => i.spentMs > 0)).toBe(true);
  });
});
