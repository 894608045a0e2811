// Issue 16, after the event exists: the organiser links a meeting the group had already scheduled
// on the event's days from the event page; it joins the event's schedule, and a meeting on other
// days is never offered. The group's coach, who may not manage the event, gets no such form.
// Axe and screenshots at 1366x768 and 375x812.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventView } from '../shared/events.ts';
import { dateAhead } from '../server/testing/records.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

// A month ahead whenever the test runs, as the other event tests: literal dates go stale.
const DAYS = [dateAhead(30), dateAhead(31), dateAhead(32)];
let eventId = '';
let springId = '';
const suite = e2eSuite({
  prepare: async ({ seed }) => {
    const schedule = async (title: string, date: string) => {
      const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', title, timeZone: 'Europe/Berlin', days: [{ date, start: '09:00', end: '17:00' }] });
      if (r.status !== 201) throw new Error(`scheduling ${title} failed: ${JSON.stringify(r.body)}`);
      return r.body.meeting.id as string;
    };
    springId = await schedule('Alpha in the super week', DAYS[1]!);
    await schedule('Alpha after the super week', dateAhead(60));
    const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, { name: 'Super week', timeZone: 'Europe/Berlin', days: DAYS, groupIds: [seed.group.id] });
    if (created.status !== 201) throw new Error(`event failed: ${JSON.stringify(created.body)}`);
    eventId = (created.body as EventView).event.id;
  },
});

async function eventPage(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
  await login(page, email, PASSWORD);
  await page.goto(`/events/${eventId}`);
  await page.getByTestId('event-schedule').waitFor();
  return page;
}

it('an organiser links the group’s meeting on the event’s days to the event; the coach cannot', async () => {
  // On a phone: the form offers the meeting on the event's days, and only that one.
  const phone = await eventPage('olga@example.com', { width: 375, height: 812 });
  const phoneForm = phone.getByRole('form', { name: 'Link a group’s meeting to the event' });
  await expect.poll(() => phoneForm.getByLabel('Meeting').locator('option').allTextContents()).toEqual([expect.stringContaining('Alpha in the super week')]);
  await phoneForm.scrollIntoViewIfNeeded();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousA11yViolations(phone)).toEqual([]);
  await screenshot(phone, 'event-link-meeting-375');

  const olga = await eventPage('olga@example.com', { width: 1366, height: 768 });
  expect(await olga.getByTestId('entry-group').count()).toBe(0);
  const form = olga.getByRole('form', { name: 'Link a group’s meeting to the event' });
  expect(await form.getByLabel('Group').inputValue()).toBe(suite.seed.group.id);
  await expect.poll(() => form.getByLabel('Meeting').inputValue()).toBe(springId);
  await form.scrollIntoViewIfNeeded();
  await screenshot(olga, 'event-link-meeting-1366');
  await form.getByRole('button', { name: 'Link meeting' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toBe('Linked: Alpha in the super week is Alpha Group’s meeting of Super week.');
  // On the schedule, on its day; nothing left to offer.
  await expect.poll(() => olga.getByTestId('entry-group').locator('a').getAttribute('href')).toBe(`/meetings/${springId}`);
  await expect.poll(() => olga.getByTestId('no-linkable-meeting').textContent()).toContain('Alpha Group has no meeting on the event’s days left to link.');
  expect(await form.getByRole('button', { name: 'Link meeting' }).isDisabled()).toBe(true);
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await form.getByRole('status').scrollIntoViewIfNeeded();
  await screenshot(olga, 'event-link-meeting-linked-1366');
  const view = (await suite.seed.organiser.get<EventView>(`/api/events/${eventId}`)).body;
  expect(view.schedule.map((e) => [e.kind, e.meeting.id])).toEqual([['group', springId]]);

  // The coach sees the linked meeting on her schedule, and no form: only organisers manage the event.
  const cora = await eventPage('cora.coach@example.com', { width: 1366, height: 768 });
  await expect.poll(() => cora.getByTestId('entry-group').locator('a').getAttribute('href')).toBe(`/meetings/${springId}`);
  expect(await cora.getByRole('heading', { name: 'Link a group’s meeting' }).count()).toBe(0);
  expect(await cora.getByRole('form', { name: 'Link a group’s meeting to the event' }).count()).toBe(0);
});
