// The recap of a group's meeting of a network event says "Part of <event>", as the group page and
// the meeting's header do, leading to the event's page; the recap of a meeting of no event says
// nothing of the kind. Axe and screenshots at 1366x768 and 375x812.
import { expect, it } from 'vitest';
import type { EventView } from '../shared/events.ts';
import { dateAhead } from '../server/testing/records.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { driveRoom, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const DAY = dateAhead(30);
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1366, height: 768 };
let eventId = '';
let eventMeetingId = '';
const suite = e2eSuite({
  // The group's plain meeting, of no event.
  meeting: { quarter: '2027-Q2', startsAt: `${dateAhead(60)}T08:00:00Z` },
  prepare: async ({ seed, srv }) => {
    const created = await seed.organiser.post(`/api/networks/${seed.networkId}/events`, {
      name: 'Super week',
      timeZone: 'Europe/Berlin',
      days: [DAY],
      groupIds: [seed.group.id],
      groupMeetings: [{ groupId: seed.group.id, days: [{ date: DAY, start: '09:00', end: '17:00' }] }],
    });
    if (created.status !== 201) throw new Error(`event failed: ${JSON.stringify(created.body)}`);
    const view = created.body as EventView;
    eventId = view.event.id;
    eventMeetingId = view.schedule.find((e) => e.kind === 'group')!.meeting.id;
    // It ran: the recap is the record of a meeting that took place.
    const driver = await driveRoom(srv.url, seed.coach.cookie, eventMeetingId);
    await driver.command({ type: 'meeting.start' });
    await driver.command({ type: 'meeting.end' });
    driver.close();
  },
});

async function recap(meetingId: string, viewport: { width: number; height: number }) {
  const page = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
  await login(page, 'max.one@example.com', PASSWORD);
  await page.goto(`/meetings/${meetingId}/recap`);
  await page.getByTestId('recap').waitFor();
  return page;
}

it('the recap of a meeting of the event says it is part of the event, and leads there', async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    const page = await recap(eventMeetingId, viewport);
    const partOf = page.getByTestId('recap').getByTestId('part-of-event');
    await expect.poll(() => partOf.textContent()).toBe('Part of Super week');
    expect(await partOf.getByRole('link').getAttribute('href')).toBe(`/events/${eventId}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `event-part-of-recap-${viewport.width}`);
    await page.context().close();
  }
  const page = await recap(eventMeetingId, LAPTOP);
  await page.getByTestId('part-of-event').getByRole('link', { name: 'Super week' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Super week');
  await page.context().close();
});

it('the recap of a meeting of no event names none', async () => {
  const page = await recap(suite.meetingId, LAPTOP);
  await expect.poll(() => page.getByTestId('recap').locator('h1').textContent()).toContain('Alpha Group');
  expect(await page.getByTestId('part-of-event').count()).toBe(0);
  await page.context().close();
});
