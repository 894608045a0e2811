// Issue 11 end to end: a two-day meeting runs day 1, adjourns (the wall says when it resumes),
// resumes the next morning and the recap shows both days with their actual minutes; a late day
// is re-balanced and members and the wall see the new boxes; a remote member joins the call from
// the meeting page. The server's meeting clock and each browser's clock (Playwright's
// page.clock.setFixedTime) are moved together: no sleeps, and a night passes in an instant. Each test
// schedules its own meeting and opens its own browsers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanCalendarDate } from '../shared/calendar/humanDate.ts';
import type { Browser, Page } from 'playwright-core';
import { TWO_DAY_TEMPLATE } from '../shared/meeting/templates.ts';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot } from './support/browser.ts';
import { driveRoom, patientPolls, PASSWORD } from './support/room.ts';
import { startE2eServer } from './support/server.ts';

const MIN = 60_000;
// Saturday 24 Oct 2026, 09:00 in Berlin (CEST); day 2 is Sunday after the change to CET.
const T0 = Date.UTC(2026, 9, 24, 7, 0);
const DAY2 = Date.UTC(2026, 9, 25, 7, 30); // 08:30 CET
const DAYS = [{ date: '2026-10-24', start: '09:00', end: '17:00' }, { date: '2026-10-25', start: '08:30', end: '15:15' }];
const CALL = 'https://meet.example.com/alpha-q4';

let clock = T0;
let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer(undefined, 0, () => clock);
  seed = await seedGroup(srv.url);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/**
 * A signed-in page. `clocked`: its Date is the test's clock (Playwright's page.clock), moved with
 * the server's; used for the wall, which only reads. (A page that sends commands keeps the real
 * clock: its socket's join does not survive a fixed Date months away from the server's.)
 */
async function open(email: string, path: string, viewport = { width: 1366, height: 900 }, clocked = false): Promise<Page> {
  const ctx = await newContext(browser, srv.url, viewport);
  const page = await ctx.newPage();
  if (clocked) {
    await page.clock.setFixedTime(clock);
    pages.push(page);
  }
  await login(page, email, PASSWORD);
  await page.goto(path);
  return page;
}
async function joinAs(email: string, meetingId: string, mode: 'In the room' | 'Remote', viewport?: { width: number; height: number }): Promise<Page> {
  const page = await open(email, `/meetings/${meetingId}`, viewport);
  await page.getByRole('button', { name: mode }).click();
  await expect.poll(() => page.getByTestId('connection-status').first().textContent()).toMatch(/online/i);
  return page;
}
/** Moves the server's meeting clock and every open browser's clock to `to`. */
async function setClock(to: number): Promise<void> {
  clock = to;
  for (const p of pages) await p.clock.setFixedTime(to);
}
async function schedule(extra: Record<string, unknown> = {}): Promise<string> {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, {
    quarter: '2026-Q4', timeZone: 'Europe/Berlin', templateId: 'two-day', days: DAYS, location: 'Hotel Rheinblick, Koblenz', onlineUrl: CALL, ...extra,
  });
  expect(r.status).toBe(201);
  return r.body.meeting.id;
}

describe('a two-day meeting', () => {
  it('runs day 1, adjourns overnight, resumes, and the recap shows both days', async () => {
    pages.length = 0;
    clock = T0 - 10 * MIN;
    const meetingId = await schedule();
    const coach = await joinAs('cora.coach@example.com', meetingId, 'In the room');
    // Max is in the room before the start: present on day 1.
    await joinAs('max.one@example.com', meetingId, 'In the room');
    const wall = await open('cora.coach@example.com', `/meetings/${meetingId}/projector`, { width: 1280, height: 720 }, true);
    const driver = await driveRoom(srv.url, seed.coach.cookie, meetingId);

    await setClock(T0);
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => coach.getByTestId('current-item').textContent()).toBe('Opening / check-in');
    await expect.poll(() => wall.getByTestId('day-status').textContent()).toBe('Day 1 of 2');
    // Day 1: the opening runs 10 minutes over, every other item takes its box.
    const day1 = TWO_DAY_TEMPLATE.slice(0, TWO_DAY_TEMPLATE.findIndex((i) => i.kind === 'day-end'));
    let t = T0;
    for (const [i, item] of day1.entries()) {
      t += item.durationMs + (i === 0 ? 10 * MIN : 0);
      await setClock(t);
      if (i < day1.length - 1) await driver.command({ type: 'agenda.next' });
    }
    await screenshot(coach, 'days-console-end-of-day-1');
    await coach.getByRole('button', { name: 'Adjourn until day 2' }).click();
    await expect.poll(() => wall.getByTestId('day-status').textContent()).toBe('Day 1 of 2 · resumes tomorrow 08:30');
    await expect.poll(() => coach.getByTestId('day-status').textContent()).toMatch(/^Day 1 of 2 · resumes .*08:30 Berlin/);
    expect(await wall.getByTestId('timer').count()).toBe(0);
    await screenshot(wall, 'days-wall-adjourned');

    // The night passes: nothing accrues. Day 2 at 08:30.
    await setClock(DAY2);
    await coach.getByRole('button', { name: 'Resume day 2' }).click();
    await expect.poll(() => wall.getByTestId('day-status').textContent()).toBe('Day 2 of 2');
    await expect.poll(() => wall.getByTestId('current-item').textContent()).toBe('Check-in');
    // The facilitator's editor sets day 2 and shows day 1 read-only: Max was present, is late today.
    await coach.locator('summary', { hasText: /^Attendance$/ }).click();
    const maxRow = coach.getByTestId('attendance-editor').getByRole('listitem').filter({ hasText: 'Max One' });
    await expect.poll(() => maxRow.getByTestId('attendance-day-1').textContent()).toBe('Day 1: Present');
    const maxDay2 = coach.getByLabel('Attendance of Max One on day 2');
    await maxDay2.selectOption('late');
    await expect.poll(() => maxDay2.inputValue()).toBe('late');
    expect(await maxRow.getByTestId('attendance-day-1').textContent()).toBe('Day 1: Present');
    await screenshot(coach, 'days-attendance-editor-day-2');
    const wide = coach.viewportSize();
    await coach.setViewportSize({ width: 375, height: 812 });
    await maxRow.scrollIntoViewIfNeeded();
    await screenshot(coach, 'days-attendance-editor-day-2-phone');
    if (wide) await coach.setViewportSize(wide);
    const day2 = TWO_DAY_TEMPLATE.slice(day1.length + 1);
    t = DAY2;
    for (const [i, item] of day2.entries()) {
      t += item.durationMs;
      await setClock(t);
      if (i < day2.length - 1) await driver.command({ type: 'agenda.next' });
    }
    await driver.command({ type: 'meeting.end' });
    driver.close();

    await coach.goto(`/meetings/${meetingId}/recap`);
    const days = coach.getByTestId('recap-days');
    const locale = await coach.evaluate(() => navigator.languages[0] ?? navigator.language);
    await expect.poll(() => days.getByTestId('recap-day-1').textContent()).toContain(`${humanCalendarDate('2026-10-24', locale)} · 09:00–17:10 Berlin`);
    expect(await days.getByTestId('recap-day-1').getByTestId('recap-day-minutes').textContent()).toBe('490 min actual of 480 planned');
    expect(await days.getByTestId('recap-day-2').textContent()).toContain(`${humanCalendarDate('2026-10-25', locale)} · 08:30–15:15 Berlin`);
    expect(await days.getByTestId('recap-day-2').getByTestId('recap-day-minutes').textContent()).toBe('405 min actual of 405 planned');
    expect(await days.getByTestId('recap-day-1').textContent()).toContain('Max One (present)');
    expect(await days.getByTestId('recap-day-2').textContent()).toContain('Max One (late)');
    await screenshot(coach, 'days-recap');
  });

  it('the facilitator re-balances a late day; members and the wall see the new boxes', async () => {
    pages.length = 0;
    clock = T0 - 5 * MIN;
    const meetingId = await schedule();
    const coach = await joinAs('cora.coach@example.com', meetingId, 'In the room');
    const member = await joinAs('max.one@example.com', meetingId, 'Remote', { width: 1280, height: 1000 });
    const wall = await open('cora.coach@example.com', `/meetings/${meetingId}/projector`, { width: 1280, height: 720 }, true);
    const driver = await driveRoom(srv.url, seed.coach.cookie, meetingId);
    await setClock(T0);
    await driver.command({ type: 'meeting.start' });
    // The opening (45 min) takes 75: the day is 30 minutes late.
    await setClock(T0 + 75 * MIN);
    await driver.command({ type: 'agenda.next' });
    await expect.poll(() => coach.getByTestId('projected-end').textContent()).toMatch(/^17:30 Berlin/);
    expect(await coach.locator('.schedule-projection').textContent()).toBe('The day was planned to end at 17:00 Berlin · 15:00 your time.');
    await coach.getByRole('button', { name: 'Re-balance the rest of the day…' }).click();
    const preview = coach.getByTestId('rebalance-preview');
    // 30 minutes late: Goal review, the hot seats and topics (255 min) share 225, whole minutes
    // down; the breaks keep their time.
    expect(await preview.locator('tbody tr').allInnerTexts()).toEqual([
      'Goal review\t1 h 15 min\t1 h 6 min',
      'Hot seat\t1 h\t52 min',
      'Hot seat\t1 h\t52 min',
      'Topics & best practices\t1 h\t52 min',
    ]);
    await screenshot(coach, 'days-console-rebalance-preview');
    await coach.getByRole('button', { name: 'Apply to everyone' }).click();
    await expect.poll(() => coach.locator('.schedule-projection').count()).toBe(0); // back on time
    await expect.poll(() => coach.getByTestId('projected-end').textContent()).toMatch(/^16:57 Berlin/);
    const plannedOf = (p: Page) => p.getByTestId('agenda').getByTestId('planned').allTextContents();
    await expect.poll(() => plannedOf(member)).toEqual(
      ['45 min', '1 h 30 min', '15 min', '1 h 6 min', '1 h', '52 min', '52 min', '15 min', '52 min', '30 min', '1 h', '1 h', '15 min', '1 h 30 min', '1 h', '1 h', '30 min'].map((m) => `${m} planned`),
    );
    // The wall: next after Financial review is the coffee break (unchanged); step on to see Goal review's new box.
    await driver.command({ type: 'agenda.next' });
    await expect.poll(() => wall.locator('.projector-next').textContent()).toBe('Next: Goal review · 1 h 6 min');
    await screenshot(wall, 'days-wall-rebalanced');
    // Undo puts the boxes back for everyone.
    await coach.getByRole('button', { name: 'Undo re-balance' }).click();
    await expect.poll(() => wall.locator('.projector-next').textContent()).toBe('Next: Goal review · 1 h 15 min');
    driver.close();
  });

  it('a remote member of the online group sees when and where, and joins the call from the meeting page', async () => {
    pages.length = 0;
    clock = T0 - 3 * 24 * 60 * MIN;
    const meetingId = await schedule({ location: null });
    const member = await open('max.one@example.com', `/meetings/${meetingId}`, { width: 1280, height: 900 });
    await member.getByRole('button', { name: 'Remote' }).click();
    const info = member.getByTestId('meeting-info');
    await expect.poll(() => info.textContent()).toContain('Day 1: Sat 24 Oct 2026 · 09:00–17:00 Berlin');
    expect(await info.textContent()).toContain('Day 2: Sun 25 Oct 2026 · 08:30–15:15 Berlin');
    // The agenda with planned times, before the start.
    expect((await member.getByTestId('agenda').locator('.agenda-clock').allTextContents()).slice(0, 3)).toEqual(['Day 1 · 09:00', '09:45', '11:15']);
    // This browser runs in UTC: each planned time also in the viewer's own (Berlin is UTC+2 in October).
    expect((await member.getByTestId('agenda').locator('.agenda-clock-viewer').allTextContents()).slice(0, 3)).toEqual(['07:00 your time', '07:45 your time', '09:15 your time']);
    await member.context().route('https://meet.example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Call</title>' }));
    const link = info.getByTestId('call-link');
    expect(await link.getAttribute('href')).toBe(CALL);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const [popup] = await Promise.all([member.waitForEvent('popup'), link.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(CALL);
    await screenshot(member, 'days-member-before-start');
  });
});
