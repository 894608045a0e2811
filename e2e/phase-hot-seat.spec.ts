// The hot seat, in depth: topics proposed before the meeting and ranked by votes as they come
// in; the facilitator seats the most-voted proposal's proposer; every stage with its own time
// box, countdown and rule, on the members' screens and the wall; the speaking queue in the
// order hands went up, a hand lowered, speakers called one after the other, the queue fresh
// in each stage; two people write the presenter's commitments at the same moment and both
// stay; the facilitator makes one of them the presenter's goal in one click.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Goal } from '../shared/goals/types.ts';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';
import { clockSeconds, currentItem, driveRoom, itemsOf, joinMeeting, openProjector, patientPolls, type RoomDriver } from './support/room.ts';
import { startE2eServer } from './support/server.ts';
import { step } from './support/steps.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let room: RoomDriver;
let meetingId: string;
let coach: Page, max: Page, mia: Page, moe: Page, projector: Page;
const QUARTER = '2026-Q4';
const MIN = 60_000;

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: QUARTER, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  room = await driveRoom(srv.url, seed.coach.cookie, meetingId);
  // A 40-minute hot seat: stages of 8, 10, 14 and 8 minutes (20/25/35/20 %).
  await room.command({ type: 'agenda.update', itemId: room.itemId('hotseat'), durationMs: 40 * MIN });
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  room?.close();
  await browser?.close();
  await srv?.close();
});

const timerSeconds = async (p: Page) => clockSeconds(await p.getByTestId('timer').first().textContent());
/** The countdown shows the stage's box (give or take the seconds a slow machine needs) and runs. */
async function expectCountdown(p: Page, boxMinutes: number) {
  await expect.poll(() => timerSeconds(p)).toBeLessThanOrEqual(boxMinutes * 60);
  const first = await timerSeconds(p);
  expect(first).toBeGreaterThan(boxMinutes * 60 - 45);
  await expect.poll(() => timerSeconds(p), { timeout: 5_000 }).toBeLessThan(first);
}

describe('the hot seat', () => {
  const proposed = step(async () => {
    [coach, max, mia, moe, projector] = await Promise.all([
      joinMeeting(browser, srv.url, meetingId, 'cora.coach@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'max.one@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'mia.two@example.com', 'Remote'),
      joinMeeting(browser, srv.url, meetingId, 'moe.three@example.com', 'In the room'),
      openProjector(browser, srv.url, meetingId, 'cora.coach@example.com'),
    ]);

    // Before the meeting: three proposals, ranked by votes as they come in (ties: first proposed first).
    const propose = async (p: Page, title: string) => {
      await p.getByLabel('Propose a topic').fill(title);
      await p.getByRole('button', { name: 'Propose', exact: true }).click();
      await expect.poll(() => coach.getByTestId('topic-proposals').textContent()).toContain(title);
    };
    await propose(max, 'Pricing managed services');
    await propose(mia, 'Hiring a second technician');
    await propose(moe, 'Selling the company');
    const ranking = () => itemsOf(coach.getByTestId('topic-proposals').locator('ol'));
    await max.getByRole('button', { name: 'Vote for Selling the company' }).click();
    await expect.poll(ranking).toEqual([
      expect.stringContaining('Selling the company — Moe Three, 1 vote'),
      expect.stringContaining('Pricing managed services — Max One, 0 votes'),
      expect.stringContaining('Hiring a second technician — Mia Two, 0 votes'),
    ]);
    await moe.getByRole('button', { name: 'Vote for Hiring a second technician' }).click();
    await max.getByRole('button', { name: 'Vote for Hiring a second technician' }).click();
    await expect.poll(ranking).toEqual([
      expect.stringContaining('Hiring a second technician — Mia Two, 2 votes'),
      expect.stringContaining('Selling the company — Moe Three, 1 vote'),
      expect.stringContaining('Pricing managed services — Max One, 0 votes'),
    ]);
    // Max's vote shows as his, and can be taken back.
    expect(await max.getByRole('button', { name: 'Remove my vote for Hiring a second technician' }).getAttribute('aria-pressed')).toBe('true');
  });

  const seated = step(async () => {
    await proposed();

    // The meeting starts; the facilitator takes the room straight to the hot seat.
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => currentItem(mia)).toContain('Opening');
    await room.command({ type: 'agenda.jump', itemId: room.itemId('hotseat') });
    for (const p of [coach, max, mia, moe, projector]) await expect.poll(() => currentItem(p)).toContain('Hot seat');
    expect(await mia.getByTestId('hotseat-stage').textContent()).toBe('Not started');

    // The facilitator's pick list follows the ranking; the top proposal brings its proposer.
    const pick = coach.getByLabel('From the proposals');
    expect(await pick.locator('option').allInnerTexts()).toEqual(['Own topic', 'Hiring a second technician (2)', 'Selling the company (1)', 'Pricing managed services (0)']);
    await pick.selectOption({ label: 'Hiring a second technician (2)' });
    expect(await coach.getByLabel('Presenter', { exact: true }).inputValue()).toBe(seed.members[1]!.userId);
    await coach.getByRole('button', { name: 'Set presenter and topic' }).click();
    await expect.poll(() => projector.getByTestId('projector-presenter').textContent()).toBe('Mia Two: Hiring a second technician');
    await expect.poll(() => max.locator('.hotseat-who').textContent()).toBe('Mia Two presents: Hiring a second technician');

    // Each stage's time box is on everyone's screen before it starts.
    expect(await max.getByRole('list', { name: 'Hot-seat stages' }).locator('li').allInnerTexts()).toEqual([
      'Presentation 8 min',
      'Clarifying questions 10 min',
      'Experience and advice 14 min',
      'Commitments 8 min',
    ]);

    // Presentation: its own 8-minute countdown and its rule, here and on the wall.
    await coach.getByRole('button', { name: 'Presentation' }).click();
    await expect.poll(() => projector.getByTestId('hotseat-stage').textContent()).toBe('Presentation — The presenter explains the problem; everyone listens');
    await expect.poll(() => max.getByTestId('stage-rule').textContent()).toBe('The presenter explains the problem; everyone listens');
    expect(await max.getByRole('list', { name: 'Hot-seat stages' }).locator('li[aria-current="step"]').innerText()).toContain('Presentation');
    await expectCountdown(projector, 8);
    await expectCountdown(mia, 8);

    // Clarifying questions: a fresh 10-minute box, and hands go up.
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => mia.getByTestId('stage-rule').textContent()).toBe('Clarifying questions only: no advice yet');
    await expect.poll(() => projector.getByTestId('stage-rule').textContent()).toBe('Clarifying questions only: no advice yet');
    await expectCountdown(projector, 10);
  });

  const handsCalled = step(async () => {
    await seated();

    // Hands in the order they went up, the same on every screen and on the wall.
    const queue = (p: Page) => itemsOf(p.getByTestId('hand-queue'));
    const names = (p: Page) => p.getByTestId('hand-queue').locator('li > span:first-child').allInnerTexts();
    for (const [p, expected] of [[moe, ['Moe Three']], [max, ['Moe Three', 'Max One']], [coach, ['Moe Three', 'Max One', 'Cora Coach']]] as const) {
      await p.getByRole('button', { name: 'Raise hand' }).click();
      await expect.poll(() => queue(projector)).toEqual(expected);
    }
    for (const p of [mia, max, moe]) await expect.poll(() => queue(p)).toEqual(['Moe Three', 'Max One', 'Cora Coach']);
    await expect.poll(() => names(coach)).toEqual(['Moe Three', 'Max One', 'Cora Coach']);
    expect(await projector.getByRole('heading', { name: 'Hands raised (3)' }).count()).toBe(1);
    // Only the facilitator calls on people.
    expect(await max.getByRole('button', { name: /^Call on/ }).count()).toBe(0);

    // Max's question was answered: he lowers his hand and leaves the queue everywhere.
    await max.getByRole('button', { name: 'Lower hand' }).click();
    for (const p of [projector, mia]) await expect.poll(() => queue(p)).toEqual(['Moe Three', 'Cora Coach']);
    expect(await max.getByRole('button', { name: 'Raise hand' }).getAttribute('aria-pressed')).toBe('false');

    // The facilitator calls the first in line, who ends the turn; then the next one.
    await coach.getByRole('button', { name: 'Call on Moe Three' }).click();
    for (const p of [projector, mia, max]) await expect.poll(() => p.getByTestId('speaker').textContent()).toContain('Moe Three');
    await expect.poll(() => queue(projector)).toEqual(['Cora Coach']);
    await moe.getByRole('button', { name: 'Done speaking' }).click();
    await expect.poll(() => projector.getByTestId('speaker').count()).toBe(0);
    await coach.getByRole('button', { name: 'Call on Cora Coach' }).click();
    await expect.poll(() => projector.getByTestId('speaker').textContent()).toBe('Speaking: Cora Coach');
    await expect.poll(() => projector.getByTestId('hand-queue').textContent()).toBe('None');
    await expect.poll(() => mia.getByTestId('hand-queue').textContent()).toBe('No hands raised.');

    // Experience and advice: a 14-minute box; a new stage starts with an empty queue and nobody speaking.
    await moe.getByRole('button', { name: 'Raise hand' }).click();
    await expect.poll(() => queue(projector)).toEqual(['Moe Three']);
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => moe.getByTestId('stage-rule').textContent()).toBe('Share what you have lived, then what you would do');
    await expect.poll(() => projector.getByTestId('hand-queue').textContent()).toBe('None');
    expect(await projector.getByTestId('speaker').count()).toBe(0);
    expect(await moe.getByRole('button', { name: 'Raise hand' }).getAttribute('aria-pressed')).toBe('false');
    await expectCountdown(projector, 14);
  });

  const committed = step(async () => {
    await handsCalled();

    // Commitments: the last stage, 8 minutes, and the wall reads the commitments back.
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => mia.getByTestId('hotseat-stage').textContent()).toBe('Commitments');
    await expect.poll(() => projector.getByTestId('stage-rule').textContent()).toBe('The presenter says what they will do, and by when');
    expect(await coach.getByRole('button', { name: 'Next stage' }).count()).toBe(0);
    await expectCountdown(mia, 8);
    await expect.poll(() => projector.getByTestId('commitments-readback').textContent()).toContain('No commitments recorded.');

    // Mia (in the hot seat) and Max (from the notes' commitments list, for Mia) write at the same moment.
    const miaCommits = mia.getByTestId('hotseat-commitments');
    await miaCommits.getByLabel('Commitment', { exact: true }).fill('Post the technician job ad this week');
    const maxForm = max.getByRole('form', { name: 'Add a commitment' });
    await maxForm.getByLabel('Who').selectOption({ label: 'Mia Two' });
    await maxForm.getByLabel('Commits to').fill('Ask two peers for a technician referral');
    await Promise.all([miaCommits.getByRole('button', { name: 'Write it down' }).click(), maxForm.getByRole('button', { name: 'Add commitment' }).click()]);
    const both = ['Post the technician job ad this week', 'Ask two peers for a technician referral'];
    for (const p of [coach, mia, max]) {
      for (const text of both) await expect.poll(() => p.getByTestId('hotseat-commitments').textContent()).toContain(text);
    }
    for (const text of both) await expect.poll(() => projector.getByTestId('commitments-readback').textContent()).toContain(`Mia Two: ${text}`);
    // Only the presenter and the facilitator write here or make goals; Max, a peer, reads.
    expect(await max.getByTestId('hotseat-commitments').getByRole('button').count()).toBe(0);

    // One click by the facilitator makes one of them Mia's goal for the quarter; the other stays a commitment.
    await coach.getByRole('button', { name: "Make next quarter's goal: Post the technician job ad this week" }).click();
    const line = (p: Page, text: string) => p.getByTestId('hotseat-commitments').locator('li', { hasText: text });
    await expect.poll(() => line(mia, 'Post the technician job ad').textContent()).toContain(`Goal for ${QUARTER}`);
    await expect.poll(() => line(max, 'Post the technician job ad').textContent()).toContain(`Goal for ${QUARTER}`);
    expect(await line(coach, 'Ask two peers').getByRole('button', { name: "Make next quarter's goal: Ask two peers for a technician referral" }).count()).toBe(1);
    const mias = async () => {
      const r = await seed.members[0]!.get(`/api/groups/${seed.group.id}/goals?quarter=${QUARTER}&userId=${seed.members[1]!.userId}`);
      return (r.body as Goal[]).map((g) => ({ text: g.text, status: g.status, meetingId: g.meetingId }));
    };
    await expect.poll(mias).toEqual([{ text: 'Post the technician job ad this week', status: 'open', meetingId }]);

    await screenshot(projector, 'phase-hot-seat');
    expect(await seriousA11yViolations(projector)).toEqual([]);
    expect(await seriousA11yViolations(max)).toEqual([]);
  });

  it('before the meeting, members propose topics and the most-voted ranks first', proposed);
  it('the facilitator seats the top proposal; each stage has its own time box, countdown and rule, here and on the wall', seated);
  it('hands queue in the order they went up, for everyone and the wall; one is lowered; speakers are called in turn', handsCalled);
  it('two people write the presenter’s commitments at once; both stay; the facilitator makes one a goal in one click', committed);
});
