// New goals, in depth: a goal left unfinished last quarter is already in its owner's list
// (carried, and not deletable); two members set goals at the same moment and a third browser
// sees both arrive; the coach flags a vague goal, its owner sees the flag, rewords it, and the
// coach clears it; nobody edits another member's goals (not in the UI, not through the API:
// the owner words a goal, the coach only flags it); when the meeting ends the quarter's goals
// are in storage (a goal nobody reviewed carried in too) and the next meeting reviews them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Goal } from '../shared/goals/types.ts';
import type { GoalReviewSet } from '../shared/records.ts';
import { connectSocket, emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, joinMeeting, patientPolls, type RoomDriver } from './support/room.ts';
import { startE2eServer } from './support/server.ts';
import { step } from './support/steps.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let room: RoomDriver;
let meetingId: string;
let coach: Page, max: Page, mia: Page, moe: Page;
const QUARTER = '2026-Q4';

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  const gid = seed.group.id;
  const [m0, m1] = seed.members;
  // Last quarter's meeting set Max two goals and Mia one.
  const q3 = (await seed.coach.post(`/api/groups/${gid}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  const s = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(s, 'room:join', { meetingId: q3, mode: 'room' });
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.start' } });
  const set = async (who: typeof m0, text: string) => {
    const r = await who!.post(`/api/groups/${gid}/goals`, { quarter: '2026-Q3', text, target: 'by September' });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const dispatcher = await set(m0, 'Hire a dispatcher');
  await set(m0, 'Raise prices by 5 percent');
  const tender = await set(m1, 'Win a public tender');
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.end' } });
  s.close();
  meetingId = (await seed.coach.post(`/api/groups/${gid}/meetings`, { quarter: QUARTER, startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  // This meeting's goal review found two of them unfinished (they carry over); Max's price rise is left unreviewed.
  expect((await seed.coach.request('PUT', `/api/goals/${dispatcher}/review`, { status: 'not_done', comment: 'No candidate yet' })).status).toBe(200);
  expect((await seed.coach.request('PUT', `/api/goals/${tender}/review`, { status: 'partly', comment: 'Shortlisted' })).status).toBe(200);
  room = await driveRoom(srv.url, seed.coach.cookie, meetingId);
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  room?.close();
  await browser?.close();
  await srv?.close();
});

const stage = (p: Page) => p.getByTestId('new-goals');
/** The page's own list (its first goal list: the focused member's, or the reader's own). */
const ownList = (p: Page) => stage(p).locator('ul.goal-list').first();
/** Someone else's goals, as the "rest of the group" part shows them. */
const theirs = (p: Page, name: string) => p.getByTestId('group-new-goals').getByRole('region', { name: `Goals of ${name}` });
const goalsOf = async (who: { get: (p: string) => Promise<{ body: unknown }> }, userId: string) =>
  ((await who.get(`/api/groups/${seed.group.id}/goals?quarter=${QUARTER}&userId=${userId}`)).body as Goal[]).map((g) => g.text).sort();

describe('new goals', () => {
  const carriedOver = step(async () => {
    [coach, max, mia, moe] = await Promise.all([
      joinMeeting(browser, srv.url, meetingId, 'cora.coach@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'max.one@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'mia.two@example.com', 'Remote'),
      joinMeeting(browser, srv.url, meetingId, 'moe.three@example.com', 'In the room'),
    ]);
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => currentItem(max)).toContain('Opening');
    await room.command({ type: 'agenda.jump', itemId: room.itemId('new-goals') });
    for (const p of [coach, max, mia, moe]) await expect.poll(() => currentItem(p)).toContain('New goals');

    // Nobody in focus: each member's own list comes first, under "My goals".
    await expect.poll(() => stage(max).getByRole('heading', { level: 3 }).innerText()).toBe(`Goals for ${QUARTER}`);
    expect(await stage(max).getByRole('heading', { level: 4, name: 'My goals' }).count()).toBe(1);
    const carried = ownList(max).locator('li', { hasText: 'Hire a dispatcher' });
    await expect.poll(() => carried.innerText()).toContain('carried ×1');
    // An unfinished goal does not go away: its owner may edit its target, drop it or reword it
    // with a reason, not delete it; another member may do none of it.
    expect(await carried.getByRole('button', { name: 'Edit Hire a dispatcher' }).count()).toBe(1);
    expect(await carried.getByRole('button', { name: 'Delete Hire a dispatcher' }).count()).toBe(0);
    expect(await carried.getByRole('button', { name: 'Drop Hire a dispatcher' }).count()).toBe(1);
    expect(await carried.getByRole('button', { name: 'Reword Hire a dispatcher' }).count()).toBe(1);
    await carried.getByRole('button', { name: 'Edit Hire a dispatcher' }).click();
    expect(await stage(max).getByRole('form', { name: 'Edit Hire a dispatcher' }).getByLabel('Goal', { exact: true }).count()).toBe(0);
    await stage(max).getByRole('form', { name: 'Edit Hire a dispatcher' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await ownList(max).locator('li').allInnerTexts()).toHaveLength(1);
    await expect.poll(() => ownList(mia).innerText()).toContain('Win a public tender');
    expect(await ownList(mia).innerText()).toContain('carried ×1');
    expect(await ownList(moe).innerText()).toBe('No goals yet.');
  });

  const setAtOnce = step(async () => {
    await carriedOver();
    const fill = async (p: Page, text: string, target: string) => {
      const form = stage(p).getByRole('form', { name: 'Add a goal' });
      await form.getByLabel('Goal', { exact: true }).fill(text);
      await form.getByLabel('Measurable target').fill(target);
      return form.getByRole('button', { name: 'Add goal' });
    };
    const maxAdd = await fill(max, 'Open a second office', 'lease signed by March');
    const miaAdd = await fill(mia, 'Hire two apprentices', 'contracts signed');
    await Promise.all([maxAdd.click(), miaAdd.click()]);

    // Moe, busy with his own list, watches both come in; so does the coach, who has no list of her own.
    await expect.poll(() => theirs(moe, 'Max One').innerText()).toContain('Open a second office — target: lease signed by March');
    await expect.poll(() => theirs(moe, 'Mia Two').innerText()).toContain('Hire two apprentices — target: contracts signed');
    expect(await theirs(moe, 'Max One').innerText()).toContain('Hire a dispatcher');
    expect(await theirs(moe, 'Max One').getByRole('button', { name: /^(Drop|Reword) Hire a dispatcher$/ }).count()).toBe(0);
    await expect.poll(() => theirs(coach, 'Max One').getByRole('button', { name: /^(Drop|Reword) Hire a dispatcher$/ }).count()).toBe(2);
    await expect.poll(() => theirs(coach, 'Max One').innerText()).toContain('Open a second office');
    await expect.poll(() => theirs(coach, 'Mia Two').innerText()).toContain('Hire two apprentices');
    // Each member's own list is where they add; Mia sees Max's among the rest of the group.
    await expect.poll(() => ownList(max).innerText()).toContain('Open a second office');
    await expect.poll(() => theirs(mia, 'Max One').innerText()).toContain('Open a second office');
    // A reword is live too.
    await ownList(max).getByRole('button', { name: 'Edit Open a second office' }).click();
    await stage(max).getByRole('form', { name: 'Edit Open a second office' }).getByLabel('Measurable target').fill('lease signed by 31 March');
    await stage(max).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => theirs(moe, 'Max One').innerText()).toContain('target: lease signed by 31 March');
  });

  const vagueFlagged = step(async () => {
    await setAtOnce();
    const form = stage(mia).getByRole('form', { name: 'Add a goal' });
    await form.getByLabel('Goal', { exact: true }).fill('Grow the business');
    await form.getByRole('button', { name: 'Add goal' }).click();
    const flag = theirs(coach, 'Mia Two').getByRole('button', { name: 'Flag as vague: Grow the business' });
    await flag.click();
    const row = ownList(mia).locator('li', { hasText: 'Grow the business' });
    await expect.poll(() => row.innerText()).toContain('Vague: add a measurable target');
    await expect.poll(() => theirs(moe, 'Mia Two').locator('li', { hasText: 'Grow the business' }).innerText()).toContain('Vague');
    // Only whoever runs the room flags.
    expect(await stage(moe).getByRole('button', { name: /^Flag as vague/ }).count()).toBe(0);
    await screenshot(mia, 'phase-new-goals');
    expect(await seriousA11yViolations(mia)).toEqual([]);

    await row.getByRole('button', { name: 'Edit Grow the business' }).click();
    await stage(mia).getByRole('form', { name: 'Edit Grow the business' }).getByLabel('Measurable target').fill('revenue +15 % on 2026');
    await stage(mia).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => theirs(coach, 'Mia Two').innerText()).toContain('target: revenue +15 % on 2026');
    await theirs(coach, 'Mia Two').getByRole('button', { name: 'Clear the vague flag on Grow the business' }).click();
    await expect.poll(() => row.innerText()).not.toContain('Vague');
    expect(await row.innerText()).toContain('target: revenue +15 % on 2026');

    // With Mia in focus everyone looks at her list; Moe reads it without a way to change it.
    await coach.getByLabel('Member in focus').selectOption({ label: 'Mia Two' });
    await expect.poll(() => stage(moe).getByRole('heading', { level: 3 }).innerText()).toBe(`Goals for ${QUARTER} — Mia Two`);
    expect(await ownList(moe).innerText()).toContain('Grow the business');
    expect(await stage(moe).getByRole('button').count()).toBe(0);
    expect(await stage(mia).getByRole('button', { name: 'Edit Grow the business' }).count()).toBe(1);
    await coach.getByLabel('Member in focus').selectOption({ label: 'The whole group' });
    await expect.poll(() => stage(moe).getByRole('heading', { level: 3 }).innerText()).toBe(`Goals for ${QUARTER}`);
    expect(await stage(moe).getByRole('heading', { level: 4, name: 'My goals' }).count()).toBe(1);
  });

  const rightsChecked = step(async () => {
    await vagueFlagged();
    // No edit or delete control on anyone else's goal.
    expect(await moe.getByTestId('group-new-goals').getByRole('button').count()).toBe(0);
    expect(await mia.getByTestId('group-new-goals').getByRole('button').count()).toBe(0);
    const [m0, , m2] = seed.members;
    const office = ((await m0!.get(`/api/groups/${seed.group.id}/goals?quarter=${QUARTER}&userId=${m0!.userId}`)).body as Goal[]).find((g) => g.text === 'Open a second office')!;
    // Nor through the API.
    const reword = await m2!.patch(`/api/goals/${office.id}`, { text: 'Close the office' });
    expect(reword.status).toBe(403);
    expect(reword.body.error.message).toBe("Only the goal's owner edits it");
    expect((await m2!.del(`/api/goals/${office.id}`)).status).toBe(403);
    expect((await m2!.patch(`/api/goals/${office.id}`, { vague: true })).status).toBe(403);
    const forMax = await m2!.post(`/api/groups/${seed.group.id}/goals`, { quarter: QUARTER, text: 'Do what Moe says', target: '', userId: m0!.userId });
    expect(forMax.status).toBe(403);
    // The coach may flag it, not reword it.
    expect((await seed.coach.patch(`/api/goals/${office.id}`, { target: 'someday' })).status).toBe(403);
    expect((await seed.coach.patch(`/api/goals/${office.id}`, { vague: false })).status).toBe(200);
    expect(await goalsOf(seed.coach, m0!.userId)).toEqual(['Hire a dispatcher', 'Open a second office']);
    const stored = ((await m0!.get(`/api/groups/${seed.group.id}/goals?quarter=${QUARTER}&userId=${m0!.userId}`)).body as Goal[]).find((g) => g.id === office.id)!;
    expect([stored.text, stored.target]).toEqual(['Open a second office', 'lease signed by 31 March']);
  });

  const stored = step(async () => {
    await rightsChecked();
    await coach.getByRole('button', { name: 'End meeting' }).click();
    await coach.getByRole('button', { name: 'Yes, end meeting' }).click();
    await expect.poll(() => currentItem(max)).toBe('Meeting ended');
    const [m0, m1, m2] = seed.members;
    // The goal nobody reviewed is carried in at the end, beside the ones set today.
    await expect.poll(() => goalsOf(m2!, m0!.userId)).toEqual(['Hire a dispatcher', 'Open a second office', 'Raise prices by 5 percent']);
    expect(await goalsOf(m2!, m1!.userId)).toEqual(['Grow the business', 'Hire two apprentices', 'Win a public tender']);
    expect(await goalsOf(m2!, m2!.userId)).toEqual([]);

    // The next quarter's meeting reviews exactly these.
    const nextId: string = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    const set = (await seed.coach.get(`/api/meetings/${nextId}/goal-review`)).body as GoalReviewSet;
    expect(set.reviewQuarter).toBe(QUARTER);
    expect(set.previousMeetingId).toBe(meetingId);
    expect(set.review.map((g) => g.text).sort()).toEqual(['Grow the business', 'Hire a dispatcher', 'Hire two apprentices', 'Open a second office', 'Raise prices by 5 percent', 'Win a public tender']);

    const next = await driveRoom(srv.url, seed.coach.cookie, nextId);
    try {
      await next.command({ type: 'meeting.start' });
      await next.command({ type: 'agenda.jump', itemId: next.itemId('goals') });
      await coach.goto(`/meetings/${nextId}`);
      await coach.getByRole('button', { name: 'In the room' }).click();
      await expect.poll(() => currentItem(coach)).toContain('Goal review');
      const review = coach.getByTestId('goal-review');
      await coach.getByLabel('Member in focus').selectOption({ label: 'Max One' });
      await expect.poll(() => review.locator('li').count()).toBe(3);
      const text = await review.innerText();
      for (const goal of ['Open a second office', 'Hire a dispatcher', 'Raise prices by 5 percent']) expect(text).toContain(goal);
      await coach.getByRole('button', { name: 'Next member' }).click();
      await expect.poll(() => review.innerText()).toContain('Grow the business');
      expect(await review.locator('li').count()).toBe(3);
    } finally {
      next.close();
    }
  });

  it('carried-over goals are already in place for their owner', carriedOver);
  it('two members set goals at the same moment; a third browser sees both arrive', setAtOnce);
  it('the coach flags a vague goal; its owner sees the flag, rewords the goal, and the coach clears it', vagueFlagged);
  it("a member cannot edit another member's goals; the coach flags but does not reword", rightsChecked);
  it("when the meeting ends the quarter's goals are stored, and the next meeting's goal review opens with them", stored);
});
