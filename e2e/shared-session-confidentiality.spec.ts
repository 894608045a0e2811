// A shared session of a super week holding the standard agenda (scheduled before shared sessions
// left out their financial review and goals, so written to storage): the opening's reminder states the
// session's own confidentiality (the event, the groups in the room, nothing repeated outside it)
// rather than any one group's norms, on a laptop, a phone and the wall; the financial review item
// shows no company's numbers, only where each attendee's own group reviews them; the goal review
// and new goals items show no company's goals, only where each attendee's own group keeps them; and
// "Here now" names each person's company and group, never another group's address. Its closing,
// on the facilitator's console and the wall, schedules no next meeting: it says each group
// schedules its own.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventView } from '../shared/events.ts';
import { previousQuarter } from '../shared/financials/quarters.ts';
import { DEFAULT_NORMS } from '../shared/norms.ts';
import { joinGroup } from '../server/testing/harness.ts';
import { put } from '../server/testing/records.ts';
import { storeEarlierAgenda } from '../server/testing/sharedSession.ts';
import { screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, joinMeeting, openProjector } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

let betaId = '';
const ALPHA_WORDS = 'Alpha only: what Max and Mia tell us stays with Alpha.';

const suite = e2eSuite({
  prepare: async ({ srv, seed }) => {
    betaId = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Beta Group', leadership: 'coach-led', format: 'hybrid', tags: [] })).body.id;
    await joinGroup(srv.url, seed.organiser, betaId, 'Bea Coach', 'coach');
    await joinGroup(srv.url, seed.organiser, betaId, 'Ben Beta', 'member', 'Ben BV');
    // Alpha has its own words; they are Alpha's, not the session's.
    await seed.coach.put(`/api/groups/${seed.group.id}/norms`, { confidentiality: ALPHA_WORDS, recording: 'No recording.', advice: 'Experience first.' });
  },
});

const ALPHA_GOAL = 'Alpha only: sign the Kestrel Bank deal';

const reminder = (p: Page) => p.getByTestId('confidentiality-reminder').innerText();

/** A new event of Alpha and Beta on `day` with one shared session; that session's meeting. */
async function sharedSessionOfNewEvent(name: string, day: string, session: { title: string; templateId?: string; start: string; end: string }) {
  const { seed } = suite;
  const { title, templateId, start, end } = session;
  const created = await seed.organiser.post<EventView>(`/api/networks/${seed.networkId}/events`, {
    name,
    timeZone: 'Europe/Berlin',
    days: [day],
    groupIds: [seed.group.id, betaId],
    sessions: [{ title, ...(templateId ? { templateId } : {}), days: [{ date: day, start, end }] }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.schedule.find((e) => e.kind === 'shared')!.meeting;
}

it("a shared session's reminder names the event and its groups; its financial review and goal items show no group's numbers or goals", async () => {
  const { seed, srv } = suite;
  const shared = await sharedSessionOfNewEvent('Super week spring 2027', '2027-03-03', { title: 'Universal content: pricing', templateId: 'standard', start: '09:00', end: '17:00' });
  // Scheduling now leaves those items out: the session holds them as one scheduled before did.
  await storeEarlierAgenda(srv.storage, shared.id);
  // Alpha's figures for the quarter the session's agenda would review.
  const reviewed = previousQuarter(shared.quarter);
  for (const [i, value] of [731_913, 842_027].entries()) {
    expect((await put(seed.members[i]!, `/api/groups/${seed.group.id}/figures/${reviewed}`, { figures: [{ kpiKey: 'total_revenue', value }] })).status).toBe(200);
  }
  // Max's goal in Alpha, for the quarter the session's agenda would review.
  for (const quarter of [reviewed, shared.quarter]) {
    expect((await seed.members[0]!.post(`/api/groups/${seed.group.id}/goals`, { quarter, text: ALPHA_GOAL, target: 'signed' })).status).toBe(201);
  }
  const room = await driveRoom(srv.url, seed.organiser.cookie, shared.id);
  try {
    await room.command({ type: 'meeting.start' });

    const ben = await joinMeeting(suite.browser, srv.url, shared.id, 'ben.beta@example.com', 'Remote', { width: 1366, height: 768 });
    const max = await joinMeeting(suite.browser, srv.url, shared.id, 'max.one@example.com', 'In the room', { width: 375, height: 812 });
    const wall = await openProjector(suite.browser, srv.url, shared.id, 'olga@example.com', { width: 1366, height: 768 });
    for (const p of [ben, max, wall]) {
      await expect.poll(() => reminder(p)).toContain('This shared session of Super week spring 2027 brings together people from Alpha Group and Beta Group.');
      const text = await reminder(p);
      expect(text).toContain('What anyone shares here stays here');
      expect(text).toContain('to anyone who was not in this session, in our own groups either.');
      // Neither a group's own words nor the defaults' "this group".
      expect(text).not.toContain(ALPHA_WORDS);
      expect(text).not.toContain(DEFAULT_NORMS.confidentiality);
    }
    expect(await seriousA11yViolations(ben)).toEqual([]);
    await screenshot(ben, 'shared-session-reminder-1366');
    await max.getByTestId('confidentiality-reminder').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await seriousA11yViolations(max)).toEqual([]);
    await screenshot(max, 'shared-session-reminder-375');
    await screenshot(wall, 'shared-session-reminder-wall-1366');

    await room.command({ type: 'agenda.next' });
    for (const p of [ben, max]) {
      await expect.poll(() => currentItem(p)).toContain('Financial review');
      const elsewhere = p.getByTestId('figures-elsewhere');
      await expect.poll(() => elsewhere.innerText()).toContain('Figures stay in each group');
      expect(await elsewhere.innerText()).toContain('No company’s numbers are shown in this shared session of Super week spring 2027');
      expect(await p.getByTestId('financials-view').count()).toBe(0);
      expect(await p.locator('main').innerText()).not.toMatch(/731|842|Numbers of/);
    }
    // Each finds their own group's review, out of the session.
    expect(await ben.getByRole('link', { name: 'Beta Group: financial review' }).getAttribute('href')).toBe(`/groups/${betaId}/financials`);
    expect(await ben.getByRole('link', { name: /Alpha Group/ }).count()).toBe(0);
    expect(await max.getByRole('link', { name: 'Alpha Group: financial review' }).getAttribute('href')).toBe(`/groups/${seed.group.id}/financials`);
    await expect.poll(() => wall.getByTestId('figures-elsewhere').innerText()).toContain('Figures stay in each group');
    expect(await wall.getByTestId('projector-figures').count()).toBe(0);
    expect(await seriousA11yViolations(ben)).toEqual([]);
    await screenshot(ben, 'shared-session-financials-1366');
    await max.getByTestId('figures-elsewhere').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await seriousA11yViolations(max)).toEqual([]);
    await screenshot(max, 'shared-session-financials-375');
    await screenshot(wall, 'shared-session-financials-wall-1366');

    // Ben sees who is here from Alpha (company and group), not how to reach them.
    await expect.poll(() => ben.getByTestId('presence').innerText()).toContain('Max One');
    const here = await ben.getByTestId('presence').innerText();
    expect(here).toContain('One GmbH · Alpha Group');
    expect(await ben.locator('main').innerText()).not.toContain('max.one@example.com');

    const newGoals = room.state().agenda.find((i) => i.kind === 'new-goals')!;
    for (const step of ['goals', 'new-goals'] as const) {
      if (step === 'goals') await room.command({ type: 'agenda.next' });
      else await room.command({ type: 'agenda.jump', itemId: newGoals.id });
      for (const p of [ben, max]) {
        await expect.poll(() => currentItem(p)).toContain(step === 'goals' ? 'Goal review' : 'New goals');
        const elsewhere = p.getByTestId('goals-elsewhere');
        await expect.poll(() => elsewhere.innerText()).toContain('Goals stay in each group');
        expect(await elsewhere.innerText()).toContain('No company’s goals are shown or set in this shared session of Super week spring 2027');
        expect(await p.locator('main').innerText()).not.toContain('Kestrel');
      }
      expect(await ben.getByRole('link', { name: 'Beta Group: goals' }).getAttribute('href')).toBe(`/groups/${betaId}/goals`);
      expect(await ben.getByRole('link', { name: /Alpha Group/ }).count()).toBe(0);
      expect(await max.getByRole('link', { name: 'Alpha Group: goals' }).getAttribute('href')).toBe(`/groups/${seed.group.id}/goals`);
      await expect.poll(() => wall.getByTestId('goals-elsewhere').innerText()).toContain('Goals stay in each group');
      expect(await wall.locator('body').innerText()).not.toContain('Kestrel');
      expect(await seriousA11yViolations(ben)).toEqual([]);
      await screenshot(ben, `shared-session-${step}-1366`);
      await max.getByTestId('goals-elsewhere').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expect(await seriousA11yViolations(max)).toEqual([]);
      await screenshot(max, `shared-session-${step}-375`);
      await screenshot(wall, `shared-session-${step}-wall-1366`);
    }
  } finally {
    room.close();
  }
});

it("a shared session's agenda editor offers no financial review, goal review or new goals, and does not put back one it removes", async () => {
  const { srv } = suite;
  const shared = await sharedSessionOfNewEvent('Autumn week 2027', '2027-09-06', { title: 'Universal content: hiring', templateId: 'standard', start: '09:00', end: '17:00' });
  // As one scheduled before: it holds a financial review the facilitator may take off the agenda.
  await storeEarlierAgenda(srv.storage, shared.id);
  const olga = await joinMeeting(suite.browser, srv.url, shared.id, 'olga@example.com', 'Remote', { width: 1366, height: 768 });
  const form = olga.getByRole('form', { name: 'Add agenda item' });
  await expect.poll(() => form.getByLabel('Kind').locator('option').allTextContents()).toEqual(['Opening', 'Hot seat', 'Topics', 'Closing', 'Custom', 'Break', 'End of day']);
  await olga.getByRole('button', { name: 'Remove Financial review' }).click();
  await olga.getByRole('group', { name: 'Confirm removing Financial review' }).getByRole('button', { name: 'Yes, remove' }).click();
  const removed = olga.locator('.undo-bar');
  await expect.poll(() => removed.innerText()).toContain('Removed “Financial review”.');
  // Rendered with the notice: no Undo that the server would refuse.
  expect(await removed.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  expect(await seriousA11yViolations(olga)).toEqual([]);
  await olga.context().close();
});

it("a shared session's closing offers no next meeting to schedule: the console and the wall say each group schedules its own", async () => {
  const { seed, srv } = suite;
  const shared = await sharedSessionOfNewEvent('Summer week 2027', '2027-06-02', { title: 'Universal content: succession', start: '09:00', end: '12:00' });
  // Olga scheduled it, so she facilitates: in a group's meeting she would get the form.
  const room = await driveRoom(srv.url, seed.organiser.cookie, shared.id);
  try {
    await room.command({ type: 'meeting.start' });
    const olga = await joinMeeting(suite.browser, srv.url, shared.id, 'olga@example.com', 'Remote', { width: 1366, height: 768 });
    const ben = await joinMeeting(suite.browser, srv.url, shared.id, 'ben.beta@example.com', 'Remote', { width: 1366, height: 768 });
    const wall = await openProjector(suite.browser, srv.url, shared.id, 'olga@example.com', { width: 1366, height: 768 });
    await room.command({ type: 'agenda.jump', itemId: room.itemId('closing') });
    for (const p of [olga, ben]) {
      await expect.poll(() => currentItem(p)).toContain('Closing');
      const line = p.getByTestId('next-meeting-elsewhere');
      await expect.poll(() => line.innerText()).toContain('Each group schedules its own next meeting');
      expect(await line.innerText()).toContain('No next meeting is scheduled at the closing of this shared session of Summer week 2027: each group schedules its own next meeting, and the event’s organisers schedule its sessions on the event page.');
      // The line stands where the form would: rendered in its place, so neither comes later.
      expect(await p.getByRole('form', { name: 'Schedule the next meeting' }).count()).toBe(0);
      expect(await p.getByTestId('next-meeting').count()).toBe(0);
    }
    // Each is led to their own group's page (an organiser in none of them: every group's).
    expect(await ben.getByRole('link', { name: 'Beta Group: meetings' }).getAttribute('href')).toBe(`/groups/${betaId}`);
    expect(await ben.getByRole('link', { name: /Alpha Group/ }).count()).toBe(0);
    expect(await olga.getByRole('link', { name: 'Alpha Group: meetings' }).getAttribute('href')).toBe(`/groups/${seed.group.id}`);
    await expect.poll(() => wall.getByTestId('next-meeting-elsewhere').innerText()).toContain(
      'Each group schedules its own next meeting: none is scheduled at the closing of this shared session of Summer week 2027.',
    );
    expect(await wall.getByTestId('next-meeting').count()).toBe(0);
    await olga.getByTestId('next-meeting-elsewhere').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await seriousA11yViolations(olga)).toEqual([]);
    await screenshot(olga, 'shared-session-closing-1366');
    await screenshot(wall, 'shared-session-closing-wall-1366');
  } finally {
    room.close();
  }
});
