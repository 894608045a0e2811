// Network events from the event page and back: the organiser schedules a new meeting for a
// participating group on the event's days (the server's refusal shows beside the form); a member
// then finds "Part of <event>" on the group page's meeting and in the meeting's header, each
// leading to the event's page. The group's coach, who may not manage the event, gets no form.
// Axe and screenshots at 1366x768 and 375x812.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventView } from '../shared/events.ts';
import { dateLabel } from '../client/src/components/events/eventDates.ts';
import { dateAhead } from '../server/testing/records.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { joinMeeting, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

// A month ahead whenever the test runs, as the other event tests: literal dates go stale.
const DAYS = [dateAhead(30), dateAhead(31), dateAhead(32)];
const FORM = 'Schedule a group’s meeting of the event';
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1366, height: 768 };
let eventId = '';
const suite = e2eSuite({
  prepare: async ({ seed }) => {
    const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
      name: 'Super week',
      timeZone: 'Europe/Berlin',
      days: DAYS,
      groupIds: [seed.group.id],
      sessions: [{ title: 'Keynote', days: [{ date: DAYS[2]!, start: '09:00', end: '12:00' }] }],
    });
    if (created.status !== 201) throw new Error(`event failed: ${JSON.stringify(created.body)}`);
    eventId = (created.body as EventView).event.id;
  },
});

async function signedIn(email: string, path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
  await login(page, email, PASSWORD);
  await page.goto(path);
  return page;
}

async function eventPage(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await signedIn(email, `/events/${eventId}`, viewport);
  await page.getByTestId('event-schedule').waitFor();
  return page;
}

it('an organiser schedules a group’s two-day meeting of the event; members see it is part of the event', async () => {
  // On a phone: the form fits, one day picked, the one-day agenda offered.
  const phone = await eventPage('olga@example.com', PHONE);
  const phoneForm = phone.getByRole('form', { name: FORM });
  await expect.poll(() => phoneForm.getByLabel('Agenda').locator('option').allTextContents()).toEqual(['Standard quarterly meeting (one day)']);
  await phoneForm.scrollIntoViewIfNeeded();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousA11yViolations(phone)).toEqual([]);
  await screenshot(phone, 'event-schedule-meeting-375');

  const olga = await eventPage('olga@example.com', LAPTOP);
  const form = olga.getByRole('form', { name: FORM });
  await form.getByLabel(`Alpha Group meets on ${dateLabel(DAYS[1]!)}`).check();
  // Two days: only the agendas of two days fit.
  await expect.poll(() => form.getByLabel('Agenda').locator('option').allTextContents()).toEqual(['Two-day meeting (coach-led)']);
  await form.getByLabel('Alpha Group ends').fill('08:00');
  await form.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect.poll(() => form.getByRole('alert').textContent()).toContain('the end must come after the start');
  await form.scrollIntoViewIfNeeded();
  await screenshot(olga, 'event-schedule-meeting-error-1366');

  await form.getByLabel('Alpha Group starts').fill('08:30');
  await form.getByLabel('Alpha Group ends').fill('16:00');
  await form.getByRole('button', { name: 'Schedule meeting' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toMatch(/^Scheduled: Super week: Alpha Group, /);
  expect(await form.getByRole('alert').count()).toBe(0);
  // On the schedule on both its days.
  await expect.poll(() => olga.getByTestId('entry-group').count()).toBe(2);
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await form.getByRole('status').scrollIntoViewIfNeeded();
  await screenshot(olga, 'event-schedule-meeting-1366');
  const view = (await suite.seed.organiser.get<EventView>(`/api/events/${eventId}`)).body;
  const own = view.schedule.find((e) => e.kind === 'group')!.meeting;
  expect(own.days).toEqual([
    { date: DAYS[0], start: '08:30', end: '16:00' },
    { date: DAYS[1], start: '08:30', end: '16:00' },
  ]);

  // A member: the group page's meeting says which event it is part of, and leads there.
  for (const viewport of [PHONE, LAPTOP]) {
    const group = await signedIn('max.one@example.com', `/groups/${suite.seed.group.id}`, viewport);
    const item = group.locator('.meeting-item', { has: group.getByRole('link', { name: own.title }) });
    await expect.poll(() => item.getByTestId('part-of-event').textContent()).toBe('Part of Super week');
    // The item fits the phone (the readiness table above it is wider than a phone, as before).
    expect(await item.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(viewport.width);
    await item.scrollIntoViewIfNeeded();
    await screenshot(group, `event-part-of-group-${viewport.width}`);
  }
  const group = await signedIn('max.one@example.com', `/groups/${suite.seed.group.id}`, LAPTOP);
  await group.getByTestId('part-of-event').getByRole('link', { name: 'Super week' }).click();
  await expect.poll(() => group.getByRole('heading', { level: 1 }).textContent()).toBe('Super week');

  // The meeting's header says it too.
  for (const viewport of [LAPTOP, PHONE]) {
    const meeting = await joinMeeting(suite.browser, suite.srv.url, own.id, 'max.one@example.com', 'Remote', viewport);
    const partOf = meeting.getByTestId('part-of-event');
    await expect.poll(() => partOf.textContent()).toBe('Part of Super week');
    expect(await partOf.getByRole('link').getAttribute('href')).toBe(`/events/${eventId}`);
    expect(await seriousA11yViolations(meeting)).toEqual([]);
    await screenshot(meeting, `event-part-of-meeting-${viewport.width}`);
  }

  // The coach reads the event, and schedules nothing from it.
  const cora = await eventPage('cora.coach@example.com', LAPTOP);
  await expect.poll(() => cora.getByTestId('entry-group').count()).toBe(2);
  expect(await cora.getByRole('form', { name: FORM }).count()).toBe(0);
});
