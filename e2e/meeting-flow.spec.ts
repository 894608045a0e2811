// The full quarterly meeting: a coach and three members (one remote) go through every item;
// the server restarts in the middle of the hot seat and the meeting carries on; the recap is
// right; the next quarter's meeting opens with the carried-over and new goals to review,
// the presenter's hot-seat commitment among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectSocket, emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { watchConnections } from './support/connectionLog.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let meetingId: string;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  const [m0, m1, m2] = seed.members;
  // Last quarter: figures of three companies, and a meeting that set goals.
  for (const [i, m] of [m0!, m1!, m2!].entries()) {
    for (const [q, base] of [['2026-Q2', 900], ['2026-Q3', 1000]] as const) {
      await m.request('PUT', `/api/groups/${seed.group.id}/figures/${q}`, { figures: [{ kpiKey: 'total_revenue', value: (base + i * 100) * 1000 }, { kpiKey: 'gross_margin_pct', value: 30 + i }] });
    }
  }
  const q3 = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  const s = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(s, 'room:join', { meetingId: q3, mode: 'room' });
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.start' } });
  for (const text of ['Hire a dispatcher', 'Raise prices by 5 percent']) {
    expect((await m0!.post(`/api/groups/${seed.group.id}/goals`, { quarter: '2026-Q3', text, target: 'done by September' })).status).toBe(201);
  }
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.end' } });
  s.close();
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC', location: 'Koblenz' })).body.meeting.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const title = (p: Page) => p.getByTestId('current-item').textContent();

async function open(email: string, mode: 'In the room' | 'Remote', viewport = { width: 1280, height: 1000 }) {
  const page = await (await newContext(browser, srv.url, viewport)).newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/meetings/${meetingId}`);
  await page.getByRole('button', { name: mode }).click();
  await expect.poll(() => page.getByTestId('connection-status').first().textContent()).toMatch(/online/i);
  return page;
}

describe('a whole quarterly meeting', () => {
  it('runs from opening to rating, survives a restart in the hot seat, and feeds the next quarter', async () => {
    const coach = await open('cora.coach@example.com', 'In the room');
    const max = await open('max.one@example.com', 'In the room');
    const mia = await open('mia.two@example.com', 'Remote');
    const moe = await open('moe.three@example.com', 'In the room');
    const projector = await (await newContext(browser, srv.url, { width: 1920, height: 1080 })).newPage();
    await login(projector, 'cora.coach@example.com', PASSWORD);
    await projector.goto(`/meetings/${meetingId}/projector`);

    // Before the meeting: Mia proposes her hot-seat topic, Max votes for it.
    await mia.getByLabel('Propose a topic').fill('Hiring a second technician');
    await mia.getByRole('button', { name: 'Propose', exact: true }).click();
    await max.getByRole('button', { name: 'Vote for Hiring a second technician' }).click();
    await expect.poll(() => coach.getByTestId('topic-proposals').textContent()).toContain('Mia Two, 1 vote');

    await coach.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => title(mia)).toContain('Opening');
    const next = async (expected: string) => {
      await coach.getByRole('button', { name: 'Next', exact: true }).click();
      for (const p of [coach, max, mia, moe]) await expect.poll(() => title(p)).toContain(expected);
    };

    // Financial review, member by member.
    await next('Financial review');
    await expect.poll(() => mia.getByTestId('focus-member').textContent()).toContain('The whole group');
    await expect.poll(() => mia.getByTestId('financials-view').textContent()).toContain('Companies');
    await coach.getByRole('button', { name: 'Next member' }).click();
    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => mia.getByTestId('focus-member').textContent()).toContain('Mia Two');
    await coach.getByRole('button', { name: 'Previous member' }).click();
    await expect.poll(() => mia.getByTestId('focus-member').textContent()).toContain('Max One');
    // Max: the lowest revenue of three, +11.1 % on last quarter, his dot on each KPI's box plot.
    await expect.poll(() => mia.getByTestId('financials-view').textContent()).toContain('3 of 3');
    expect(await mia.getByTestId('financials-view').textContent()).toContain('+11.1 %');
    expect(await mia.getByRole('img', { name: /Total revenue: group from .* Max One/ }).count()).toBe(1);
    await expect.poll(() => projector.getByTestId('projector-figures').textContent()).toContain('· 3 of 3');
    await mia.getByTestId('item-stage').scrollIntoViewIfNeeded();
    await screenshot(mia, 'financial-review-charts');
    expect(await seriousA11yViolations(mia)).toEqual([]);

    // Goal review: Max's two goals from last quarter.
    await next('Goal review');
    await coach.getByLabel('Member in focus').selectOption({ label: 'Max One' });
    const review = coach.getByTestId('goal-review');
    await expect.poll(() => review.textContent()).toContain('Hire a dispatcher');
    await review.locator('li', { hasText: 'Hire a dispatcher' }).getByRole('button', { name: 'Not done' }).click();
    await review.locator('li', { hasText: 'Raise prices' }).getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => max.getByTestId('goal-review').textContent()).toContain('Not done');
    await expect.poll(() => max.getByTestId('goal-review').textContent()).toContain('Done');

    // Hot seat: Mia presents; the stages time-box the discussion.
    await next('Hot seat');
    // Picking the voted-up proposal fills in its topic and its proposer as presenter.
    await coach.getByLabel('From the proposals').selectOption({ label: 'Hiring a second technician (1)' });
    expect(await coach.getByLabel('Presenter', { exact: true }).inputValue()).toBe(seed.members[1]!.userId);
    await coach.getByRole('button', { name: 'Set presenter and topic' }).click();
    await coach.getByRole('button', { name: 'Presentation' }).click();
    await expect.poll(() => projector.getByTestId('hotseat-stage').textContent()).toContain('Presentation');
    await moe.getByRole('button', { name: 'Raise hand' }).click();
    await coach.getByRole('button', { name: 'Call on Moe Three' }).click();
    await expect.poll(() => projector.getByTestId('speaker').textContent()).toContain('Moe Three');

    // The server restarts in the middle of the hot seat; everyone reconnects by themselves.
    const { port, dataDir } = srv;
    const connections = await watchConnections({ coach, max, mia, moe, projector });
    await srv.close();
    srv = await startE2eServer(dataDir, port);
    await connections.waitOnline(20_000);
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => projector.getByTestId('hotseat-stage').textContent()).toContain('Clarifying questions only');
    expect(await mia.getByTestId('stage-rule').textContent()).toBe('Clarifying questions only: no advice yet');
    await screenshot(projector, 'projector-hotseat');
    expect(await seriousA11yViolations(projector)).toEqual([]);
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => mia.getByTestId('stage-rule').textContent()).toContain('Share what you have lived');
    await coach.getByRole('button', { name: 'Next stage' }).click();
    await expect.poll(() => mia.getByTestId('hotseat-stage').textContent()).toBe('Commitments');
    expect(await coach.getByRole('button', { name: 'Next stage' }).count()).toBe(0);

    // Mia's commitment, written down in the room, becomes her goal for the quarter.
    const commits = mia.getByTestId('hotseat-commitments');
    await commits.getByLabel('Commitment', { exact: true }).fill('Hire the second technician by March');
    await commits.getByRole('button', { name: 'Write it down' }).click();
    await coach.getByRole('button', { name: "Make next quarter's goal: Hire the second technician by March" }).click();
    await expect.poll(() => mia.getByTestId('hotseat-commitments').textContent()).toContain('Goal for 2026-Q4');
    await expect.poll(() => projector.getByTestId('commitments-readback').textContent()).toContain('Mia Two: Hire the second technician by March');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    // Topics, then new goals: the carried-over goal is already there; Max adds one.
    await next('Topics');
    await next('New goals');
    const mine = max.getByTestId('new-goals');
    await expect.poll(() => mine.textContent()).toContain('Hire a dispatcher');
    expect(await mine.textContent()).toContain('carried ×1');
    await mine.getByLabel('Goal', { exact: true }).fill('Open a second office');
    await mine.getByLabel('Measurable target').fill('lease signed');
    await mine.getByRole('button', { name: 'Add goal' }).click();
    await expect.poll(() => mine.textContent()).toContain('Open a second office');
    await mine.getByRole('button', { name: 'Edit Open a second office' }).click();
    await mine.getByLabel('Measurable target').first().fill('lease signed by March');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => mine.textContent()).toContain('target: lease signed by March');

    // Closing: ratings, then the end.
    await next('Closing');
    await max.getByRole('button', { name: 'Rate 8' }).click();
    await mia.getByRole('button', { name: 'Rate 9' }).click();
    await expect.poll(() => max.getByTestId('rating').textContent()).toContain('You rated 8');
    expect(await max.getByTestId('commitments-readback').textContent()).toContain('Hire the second technician by March');
    expect(await max.getByTestId('rating').textContent()).not.toContain('Average');
    await coach.getByRole('button', { name: 'End meeting' }).click();
    await coach.getByRole('button', { name: 'Yes, end meeting' }).click();
    await expect.poll(() => title(moe)).toBe('Meeting ended');
    await expect.poll(() => max.getByTestId('rating').textContent()).toContain('Average 8.5 / 10 from 2');

    // The summary, from the ended meeting, is right.
    await max.getByRole('link', { name: 'Read the summary of this meeting' }).click();
    const recap = max.getByTestId('recap');
    await expect.poll(() => recap.textContent()).toContain('Average 8.5 / 10 from 2 ratings.');
    const text = (await recap.textContent()) ?? '';
    expect(text).toContain('Hire a dispatcher');
    expect(text).toContain('Not done');
    expect(text).toContain('Open a second office');
    expect(text).toMatch(/Mia Two \(remote\)/);
    expect(text).toContain('Hot seat: Mia Two — Hiring a second technician');
    expect(text).toMatch(/Financial highlights \(2026-Q3\)/);
    expect(text).toContain('Total revenue: group median €1.1M (3 companies)');
    expect(text).toContain('Hire the second technician by March');
    expect(await seriousA11yViolations(max)).toEqual([]);

    // The next quarter opens with those goals to review.
    const nextId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    await coach.goto(`/meetings/${nextId}`);
    await coach.getByRole('button', { name: 'In the room' }).click();
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    for (const expected of ['Financial review', 'Goal review']) {
      await expect.poll(() => coach.getByRole('button', { name: 'Next', exact: true }).isEnabled()).toBe(true);
      await coach.getByRole('button', { name: 'Next', exact: true }).click();
      await expect.poll(() => title(coach)).toContain(expected);
    }
    await coach.getByLabel('Member in focus').selectOption({ label: 'Max One' });
    const nextReview = coach.getByTestId('goal-review');
    await expect.poll(() => nextReview.textContent()).toContain('Open a second office');
    expect(await nextReview.textContent()).toContain('Hire a dispatcher');
    await coach.getByRole('button', { name: 'Next member' }).click();
    await expect.poll(() => nextReview.textContent()).toContain('Hire the second technician by March');
  });
});
