// Protocols the group shapes, run by the facilitator on the console: a Gestalt hot seat (no
// advice: an experience-sharing round) and a five-step issue process (root cause), each seen on
// the wall at 1920x1080 and the console at 1366x768: stage, rule, round speaker, time and next.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, joinMeeting, openProjector } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite();

/** A meeting from a template with `preset`, its hot seat set up, the room on it. */
async function meetingWith(preset: 'gestalt' | 'five-step', quarter: string): Promise<{ coach: Page; mia: Page; wall: Page }> {
  const items = [
    { kind: 'opening', title: 'Check-in', durationMs: 10 * 60_000 },
    { kind: 'hotseat', title: 'Hot seat', durationMs: 40 * 60_000 },
    { kind: 'closing', title: 'Closing', durationMs: 10 * 60_000 },
  ];
  const t = await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/templates`, { name: `With ${preset}`, items, protocol: { preset } });
  const m = await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, { quarter, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC', templateId: t.body.id });
  const meetingId: string = m.body.meeting.id;
  const coach = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'cora.coach@example.com', 'In the room', { width: 1366, height: 768 });
  const mia = await joinMeeting(suite.browser, suite.srv.url, meetingId, 'mia.two@example.com', 'In the room', { width: 375, height: 812 });
  await joinMeeting(suite.browser, suite.srv.url, meetingId, 'moe.three@example.com', 'Remote');
  const wall = await openProjector(suite.browser, suite.srv.url, meetingId, 'cora.coach@example.com');
  return { coach, mia, wall };
}

const text = (p: Page, id: string) => p.getByTestId(id).first().textContent();

describe('hot-seat protocols run by the facilitator', () => {
  it('Gestalt: next stage is refused until a presenter is chosen; the experience round goes speaker by speaker', async () => {
    const { coach, mia, wall } = await meetingWith('gestalt', '2027-Q1');
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    // → before the start reached this page would start the meeting again, not move on.
    await expect.poll(() => currentItem(coach)).toContain('Check-in');
    await coach.keyboard.press('ArrowRight');
    await expect.poll(() => text(coach, 'hotseat-stage')).toBe('Not started');
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => coach.getByRole('alert').first().textContent()).toContain('Choose a presenter first');
    await coach.getByLabel('Presenter', { exact: true }).selectOption({ label: 'Max One' });
    await coach.locator('form.hotseat-setup').getByLabel('Topic', { exact: true }).fill('Selling the company');
    await coach.getByRole('button', { name: 'Set presenter and topic' }).click();
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => text(wall, 'hotseat-stage')).toBe('Presentation — The presenter explains the situation; everyone listens');
    // S moves on from the stage the console shows: wait until it shows this one.
    await expect.poll(() => text(coach, 'hotseat-stage')).toBe('Presentation');
    await coach.keyboard.press('s');
    await expect.poll(() => text(coach, 'hotseat-stage')).toBe('Clarifying questions');
    await coach.keyboard.press('s');
    await expect.poll(() => text(wall, 'hotseat-stage')).toBe('Experience sharing — Only "I" statements: what I lived, no advice');
    expect(await text(wall, 'next-stage')).toBe('Then: Presenter reflection');
    await coach.getByRole('button', { name: 'Start the round' }).click();
    await expect.poll(() => text(wall, 'round-speaker')).toMatch(/^Speaking: Cora Coach · \d+:\d\d left$/);
    expect(await text(wall, 'round-next')).toMatch(/^Next: (Mia Two|Moe Three) \(1 of 3\)$/);
    expect(await text(mia, 'round-speaker')).toContain('Cora Coach');
    await screenshot(wall, 'hotseat-gestalt-round-wall-1920');
    await screenshot(coach, 'hotseat-gestalt-round-console-1366');
    expect(await seriousA11yViolations(coach)).toEqual([]);
    await coach.keyboard.press('c');
    await expect.poll(() => text(wall, 'round-speaker')).toMatch(/^Speaking: (Mia Two|Moe Three)/);
    expect(await text(wall, 'round-next')).toMatch(/\(2 of 3\)$/);
  });

  it('Five-step: root cause is a stage of its own; the facilitator writes the presenter’s commitment', async () => {
    const { coach, wall } = await meetingWith('five-step', '2027-Q2');
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    // → before the start reached this page would start the meeting again, not move on.
    await expect.poll(() => currentItem(coach)).toContain('Check-in');
    await coach.keyboard.press('ArrowRight');
    await coach.getByLabel('Presenter', { exact: true }).selectOption({ label: 'Mia Two' });
    await coach.locator('form.hotseat-setup').getByLabel('Topic', { exact: true }).fill('Late payments');
    await coach.getByRole('button', { name: 'Set presenter and topic' }).click();
    for (const _ of [1, 2, 3]) {
      const before = await text(coach, 'hotseat-stage');
      await coach.getByRole('button', { name: 'Next stage' }).click();
      // Next stage moves on from the stage the console shows: wait until it shows the new one.
      await expect.poll(() => text(coach, 'hotseat-stage')).not.toBe(before);
    }
    await expect.poll(() => text(wall, 'hotseat-stage')).toBe('Root cause — Find the real issue behind the symptom before solving it');
    expect(await text(wall, 'next-stage')).toBe('Then: Advice');
    await screenshot(wall, 'hotseat-five-step-wall-1920');
    await coach.getByRole('button', { name: /^Commitments \d+ min$/ }).click();
    await expect.poll(() => text(coach, 'hotseat-stage')).toBe('Commitments');
    await coach.getByLabel('Commitment', { exact: true }).fill('Call the three biggest debtors this week');
    await coach.getByRole('button', { name: 'Write it down' }).click();
    await expect.poll(() => text(coach, 'hotseat-commitments')).toContain('Call the three biggest debtors this week');
    await screenshot(coach, 'hotseat-five-step-console-1366');
  });
});
