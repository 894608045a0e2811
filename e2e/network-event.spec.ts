// Issue 16, a super week: an organiser creates a network event with two groups and one shared
// session in the UI; a member of each group joins the shared session and sees the same wall;
// then each goes to their own group's meeting of the event, which the other cannot open. Inside a
// shared session, a member of one group finds their own group behind "Group page" and parks a
// topic for their own group, out of the other group's sight.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventView } from '../shared/events.ts';
import { ApiClient, joinGroup } from '../server/testing/harness.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, joinMeeting, openProjector, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite({
  prepare: async ({ srv, seed }) => {
    const beta = await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] });
    await joinGroup(srv.url, seed.organiser, beta.body.id, 'Bea Coach', 'coach');
    await joinGroup(srv.url, seed.organiser, beta.body.id, 'Ben Beta', 'member', 'Ben BV');
  },
});

const MAX = 'max.one@example.com';
const BEN = 'ben.beta@example.com';

async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
  await login(page, email, PASSWORD);
  return page;
}

/** The meeting ids of the event page's entries of a kind, as linked. */
async function linkedMeetings(page: Page, kind: 'shared' | 'group'): Promise<string[]> {
  const hrefs = await page.getByTestId(`entry-${kind}`).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace('/meetings/', ''));
}

it('an organiser runs a super week: a shared session for both groups, a private meeting for each', async () => {
  // The organiser plans the week from the home page.
  const olga = await signedIn('olga@example.com', { width: 1366, height: 768 });
  await olga.getByRole('link', { name: /Plan a network event/ }).click();
  await olga.waitForURL(/\/events\/new$/);
  await olga.getByLabel('Event name').fill('Super week spring 2027');
  await olga.getByLabel('First day').fill('2027-03-01');
  await olga.getByLabel('Number of days').fill('3');
  await olga.getByLabel('Time zone').selectOption('Europe/Berlin');
  await olga.getByLabel('Alpha Group').check();
  await olga.getByLabel('Beta Group').check();
  // Alpha meets on Monday only; Beta keeps its two days (Monday and Tuesday).
  await olga.getByLabel('Alpha Group meets on Tue 2 Mar 2027').uncheck();
  expect(await olga.getByTestId('group-meeting').first().textContent()).toContain('One-day meeting, private to Alpha Group.');
  expect(await olga.getByTestId('group-meeting').nth(1).textContent()).toContain('Two-day meeting, private to Beta Group.');
  await olga.getByLabel('Session 1 title').fill('Universal content: pricing');
  expect(await olga.getByLabel('Session 1 day').inputValue()).toBe('2027-03-03');
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await screenshot(olga, 'event-new-1366');
  await olga.getByRole('button', { name: 'Create event' }).click();
  // The form's own address (/events/new) would match a bare /events/<id> pattern at once.
  await olga.waitForURL(/\/events\/(?!new$)[^/]+$/);
  const eventId = new URL(olga.url()).pathname.split('/').pop()!;
  // Alpha on Monday, Beta on Monday and Tuesday (its two-day meeting shows on both days).
  await expect.poll(() => olga.getByTestId('entry-group').count()).toBe(3);
  expect(await olga.getByTestId('entry-shared').count()).toBe(1);
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await screenshot(olga, 'event-organiser-1366');

  const view = (await suite.seed.organiser.get<EventView>(`/api/events/${eventId}`)).body;
  const sharedId = view.schedule.find((e) => e.kind === 'shared')!.meeting.id;
  const alphaId = view.schedule.find((e) => e.groupName === 'Alpha Group')!.meeting.id;
  const betaId = view.schedule.find((e) => e.groupName === 'Beta Group')!.meeting.id;

  // Each member finds the event on their home page; their schedule holds the shared session and their own group's meeting only.
  const maxHome = await signedIn(MAX, { width: 1366, height: 768 });
  await maxHome.getByTestId('my-events').getByRole('link', { name: 'Super week spring 2027' }).click();
  await expect.poll(() => linkedMeetings(maxHome, 'group')).toEqual([alphaId]);
  expect(await linkedMeetings(maxHome, 'shared')).toEqual([sharedId]);
  expect(await maxHome.getByTestId('event-schedule').textContent()).not.toContain('Beta Group');
  expect(await seriousA11yViolations(maxHome)).toEqual([]);
  await screenshot(maxHome, 'event-member-1366');
  const benHome = await signedIn(BEN, { width: 375, height: 812 });
  await benHome.goto(`/events/${eventId}`);
  // Beta's two-day meeting shows on both of its days.
  await expect.poll(() => linkedMeetings(benHome, 'group')).toEqual([betaId, betaId]);
  expect(await linkedMeetings(benHome, 'shared')).toEqual([sharedId]);
  expect(await benHome.getByTestId('event-schedule').textContent()).not.toContain('Alpha Group');
  expect(await seriousA11yViolations(benHome)).toEqual([]);
  await screenshot(benHome, 'event-member-375');

  // The shared session: both members join, the wall shows it, and all see the same item.
  const wall = await openProjector(suite.browser, suite.srv.url, sharedId, 'olga@example.com');
  const max = await joinMeeting(suite.browser, suite.srv.url, sharedId, MAX, 'In the room');
  const ben = await joinMeeting(suite.browser, suite.srv.url, sharedId, BEN, 'Remote');
  const maxWall = await signedIn(MAX, { width: 1280, height: 720 });
  await maxWall.goto(`/meetings/${sharedId}/projector`);
  const benWall = await signedIn(BEN, { width: 1280, height: 720 });
  await benWall.goto(`/meetings/${sharedId}/projector`);
  const room = await driveRoom(suite.srv.url, suite.seed.organiser.cookie, sharedId);
  try {
    await room.command({ type: 'meeting.start' });
    await room.command({ type: 'agenda.next' });
    for (const p of [wall, max, ben, maxWall, benWall]) await expect.poll(() => currentItem(p)).toContain('Keynote');
  } finally {
    room.close();
  }
  expect(await seriousA11yViolations(wall)).toEqual([]);
  await screenshot(wall, 'event-shared-wall-1920');
  await screenshot(ben, 'event-shared-session-1280');

  // Each goes on to their own group's meeting; the other group's stays shut to them.
  await maxHome.reload();
  await maxHome.getByTestId('entry-group').getByRole('link').click();
  await maxHome.waitForURL(`**/meetings/${alphaId}`);
  await maxHome.getByRole('button', { name: 'In the room' }).click();
  await expect.poll(() => currentItem(maxHome)).toContain('Starting soon');
  expect(await maxHome.getByRole('heading', { level: 1 }).textContent()).toBe('Super week spring 2027: Alpha Group');
  await benHome.reload();
  await benHome.getByTestId('entry-group').first().getByRole('link').click();
  await benHome.waitForURL(`**/meetings/${betaId}`);
  await benHome.getByRole('button', { name: 'Remote' }).click();
  await expect.poll(() => currentItem(benHome)).toContain('Starting soon');
  expect(await benHome.getByRole('heading', { level: 1 }).textContent()).toBe('Super week spring 2027: Beta Group');
  for (const [page, other] of [[maxHome, betaId], [benHome, alphaId]] as const) {
    await page.goto(`/meetings/${other}`);
    await page.getByRole('button', { name: 'Remote' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('No such meeting'));
    expect(await page.getByTestId('current-item').count()).toBe(0);
  }
});

it("inside a shared session, a member's \"Group page\" and \"Park it\" are their own group's, not the host group's", async () => {
  const { seed } = suite;
  const groups = (await seed.organiser.get<{ id: string; name: string }[]>(`/api/networks/${seed.networkId}/groups`)).body;
  const betaId = groups.find((g) => g.name === 'Beta Group')!.id;
  const created = await seed.organiser.post<EventView>(`/api/networks/${seed.networkId}/events`, {
    name: 'Super week autumn 2027',
    timeZone: 'Europe/Berlin',
    days: ['2027-09-06'],
    groupIds: [seed.group.id, betaId],
    sessions: [{ title: 'Universal content: hiring', days: [{ date: '2027-09-06', start: '09:00', end: '12:00' }] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const sharedId = created.body.schedule.find((e) => e.kind === 'shared')!.meeting.id;
  const room = await driveRoom(suite.srv.url, seed.organiser.cookie, sharedId);
  await room.command({ type: 'meeting.start' });
  await room.command({ type: 'agenda.next' });
  room.close();

  // Ben of Beta, on a laptop, parks a topic: it is for Beta, and says so.
  const ben = await joinMeeting(suite.browser, suite.srv.url, sharedId, BEN, 'Remote', { width: 1366, height: 768 });
  await expect.poll(() => currentItem(ben)).toContain('Keynote');
  expect(await ben.getByRole('link', { name: 'Group page' }).getAttribute('href')).toBe(`/groups/${betaId}`);
  const benPark = ben.getByRole('form', { name: 'Park an item' });
  await expect.poll(() => benPark.textContent()).toContain('Topics you park here go to Beta Group’s parking lot.');
  await benPark.getByPlaceholder('Park for a later meeting…').fill('Onboarding plan for our new technicians');
  await ben.getByRole('button', { name: 'Park it' }).click();
  const parked = benPark.getByRole('status');
  await expect.poll(() => parked.textContent()).toContain('Parked for Beta Group: Onboarding plan for our new technicians');
  expect(await parked.getByRole('link', { name: 'parking lot' }).getAttribute('href')).toBe(`/groups/${betaId}/parking`);
  expect(await seriousA11yViolations(ben)).toEqual([]);
  await screenshot(ben, 'event-shared-session-parked-1366');

  // Bea, Beta's coach, on a phone: the same, for Beta too.
  const bea = await joinMeeting(suite.browser, suite.srv.url, sharedId, 'bea.coach@example.com', 'Remote', { width: 375, height: 812 });
  await expect.poll(() => currentItem(bea)).toContain('Keynote');
  await bea.getByPlaceholder('Park for a later meeting…').fill('Coach the founders on delegation');
  await bea.getByRole('button', { name: 'Park it' }).click();
  const beaParked = bea.getByRole('form', { name: 'Park an item' }).getByRole('status');
  await expect.poll(() => beaParked.textContent()).toContain('Parked for Beta Group: Coach the founders on delegation');
  // Above the phone's fixed hand bar, for the screenshot.
  await beaParked.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  expect(await seriousA11yViolations(bea)).toEqual([]);
  await screenshot(bea, 'event-shared-session-parked-375');

  // "Group page" takes Ben to Beta's page, whose parking lot holds both topics.
  await ben.getByRole('link', { name: 'Group page' }).click();
  await ben.waitForURL(`**/groups/${betaId}`);
  await expect.poll(() => ben.getByRole('heading', { level: 1 }).textContent()).toBe('Beta Group');
  await ben.getByRole('link', { name: 'Parking lot' }).click();
  const betaLot = ben.getByTestId('parking-open');
  await expect.poll(() => betaLot.textContent()).toContain('Onboarding plan for our new technicians');
  expect(await betaLot.textContent()).toContain('Coach the founders on delegation');

  // Max of Alpha: his link leads to Alpha, and Alpha's lot holds none of Beta's topics.
  const max = await joinMeeting(suite.browser, suite.srv.url, sharedId, MAX, 'Remote');
  await expect.poll(() => max.getByRole('link', { name: 'Group page' }).getAttribute('href')).toBe(`/groups/${seed.group.id}`);
  await max.goto(`/groups/${seed.group.id}/parking`);
  await expect.poll(() => max.getByRole('heading', { level: 1 }).textContent()).toBe('Alpha Group: parking lot');
  const alphaLot = max.getByTestId('parking-page');
  await expect.poll(() => alphaLot.textContent()).toContain('Nothing parked.');
  expect(await alphaLot.textContent()).not.toMatch(/Onboarding plan|delegation/);

  // Bea joins Alpha too: attending through both groups, she says which group a topic is for, and
  // her link leads to the event's page.
  const beaApi = new ApiClient(suite.srv.url);
  expect((await beaApi.post('/api/auth/login', { email: 'bea.coach@example.com', password: PASSWORD })).status).toBe(200);
  const invite = await seed.organiser.post(`/api/groups/${seed.group.id}/invites`, { role: 'member' });
  expect((await beaApi.post(`/api/invites/${invite.body.url.split('/').pop()}/accept`, { company: 'Bea Consulting' })).status).toBe(200);
  await bea.reload();
  await expect.poll(() => bea.getByRole('link', { name: 'Event page' }).getAttribute('href')).toBe(`/events/${created.body.event.id}`);
  await bea.getByLabel('Park it for').selectOption({ label: 'For Alpha Group' });
  await bea.getByPlaceholder('Park for a later meeting…').fill('Peer review of our service contracts');
  await bea.getByRole('button', { name: 'Park it' }).click();
  await expect.poll(() => beaParked.textContent()).toContain('Parked for Alpha Group: Peer review of our service contracts');
  // Above the phone's fixed hand bar, for the screenshot.
  await beaParked.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  expect(await seriousA11yViolations(bea)).toEqual([]);
  await screenshot(bea, 'event-shared-session-two-groups-375');
  await max.reload();
  await expect.poll(() => alphaLot.textContent()).toContain('Peer review of our service contracts');
});
