// Closing, in depth: attendance made final (present and remote from where people joined, late
// for who joins more than LATE_AFTER_MS after the start, a correction by the facilitator in
// the console, a member who never came recorded absent at the end); the commitments read back on the wall and in the closing view (a
// dropped one not); ratings 1-10, one changed before the end, the average only after it; and
// the summary with agenda and notes, goal results, commitments, new goals, rating and
// attendance, each reader getting what the rules give them: a member of the room sees "stays
// in the room" notes and commitments but not a peer's coach-only figure, the coach sees every
// figure, an observer (not in the room) sees neither.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LATE_AFTER_MS } from '../shared/meeting/reducer.ts';
import { humanDateTime } from '../shared/calendar/humanDate.ts';
import type { MeetingSummary } from '../shared/records.ts';
import { addCommitment } from '../shared/collab/commitments.ts';
import { commitmentsDocName } from '../shared/collab/docNames.ts';
import { collabClient, waitUntil } from '../server/testing/collabClient.ts';
import { connectSocket, emitAck, joinGroup, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';
import { currentItem, driveRoom, itemsOf, joinMeeting, openProjector, patientPolls, type RoomDriver } from './support/room.ts';
import { startE2eServer } from './support/server.ts';
import { step } from './support/steps.ts';
import { notesToText } from '../shared/notes/text.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let room: RoomDriver;
let meetingId: string;
let coach: Page, max: Page, mia: Page, moe: Page, projector: Page;
const K = 1000;

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  const gid = seed.group.id;
  // A fourth member company who will not come.
  await joinGroup(srv.url, seed.organiser, gid, 'Nia Four', 'member', 'Four SE');
  const [m0, m1, m2] = seed.members;
  // Last quarter's figures (the ones this meeting reviews): Max keeps his cash for the coach only.
  for (const [m, cash, coachOnly] of [[m0!, 100, true], [m1!, 300, false], [m2!, 500, false]] as const) {
    const r = await m.request('PUT', `/api/groups/${gid}/figures/2026-Q3`, { figures: [{ kpiKey: 'total_revenue', value: 1_000 * K }, { kpiKey: 'cash_on_hand', value: cash * K, coachOnly }] });
    expect(r.status).toBe(200);
  }
  // Last quarter's meeting set Max two goals.
  const q3 = (await seed.coach.post(`/api/groups/${gid}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  const s = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(s, 'room:join', { meetingId: q3, mode: 'room' });
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.start' } });
  const goalIds: string[] = [];
  for (const text of ['Hire a dispatcher', 'Raise prices by 5 percent']) {
    const r = await m0!.post(`/api/groups/${gid}/goals`, { quarter: '2026-Q3', text, target: 'by September' });
    expect(r.status).toBe(201);
    goalIds.push(r.body.id);
  }
  await emitAck(s, 'meeting:command', { meetingId: q3, command: { type: 'meeting.end' } });
  s.close();

  meetingId = (await seed.coach.post(`/api/groups/${gid}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC', location: 'Koblenz' })).body.meeting.id;
  // This meeting's goal review and new goals, as they stand when the room reaches the closing.
  expect((await seed.coach.request('PUT', `/api/goals/${goalIds[0]}/review`, { status: 'not_done', comment: 'No candidate yet' })).status).toBe(200);
  expect((await seed.coach.request('PUT', `/api/goals/${goalIds[1]}/review`, { status: 'done', comment: 'Up 6 percent' })).status).toBe(200);
  expect((await m1!.post(`/api/groups/${gid}/goals`, { quarter: '2026-Q4', text: 'Open a Vienna office', target: 'lease signed' })).status).toBe(201);
  room = await driveRoom(srv.url, seed.coach.cookie, meetingId);
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  room?.close();
  await browser?.close();
  await srv?.close();
});

const editor = (p: Page) => p.getByTestId('notes-editor').locator('.ProseMirror');
const readback = (p: Page) => p.getByTestId('commitments-readback');
const rating = (p: Page) => p.getByTestId('rating');

describe('closing', () => {
  const attendanceTaken = step(async () => {
    [coach, max, mia, projector] = await Promise.all([
      joinMeeting(browser, srv.url, meetingId, 'cora.coach@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'max.one@example.com', 'In the room'),
      joinMeeting(browser, srv.url, meetingId, 'mia.two@example.com', 'Remote'),
      openProjector(browser, srv.url, meetingId, 'cora.coach@example.com'),
    ]);
    await coach.getByRole('button', { name: 'Start meeting' }).click();
    await expect.poll(() => currentItem(mia)).toContain('Opening');
    await room.command({ type: 'agenda.jump', itemId: room.itemId('closing') });
    for (const p of [coach, max, mia, projector]) await expect.poll(() => currentItem(p)).toContain('Closing');

    // Moe walks in more than LATE_AFTER_MS after the start. The room reads its state from storage
    // on every command, so moving the stored start back stands in for the minutes gone by.
    const stored = (await srv.storage.getMeetingState(meetingId))!;
    const startedAt = stored.startedAt! - LATE_AFTER_MS - 60_000;
    // Lateness counts from the day's start (meeting days): the first day's run moves back too.
    const dayRuns = stored.dayRuns.map((run, i) => (i === 0 ? { ...run, startedAt } : run));
    expect(await srv.storage.saveMeetingState(meetingId, { ...stored, startedAt, itemEnteredAt: startedAt, dayRuns, version: stored.version + 1 }, stored.version)).toBe(true);
    moe = await joinMeeting(browser, srv.url, meetingId, 'moe.three@example.com', 'In the room');
    await coach.locator('summary', { hasText: 'Attendance' }).click();
    const attendance = (name: string) => coach.getByLabel(`Attendance of ${name}`);
    await expect.poll(() => attendance('Moe Three').inputValue()).toBe('late');
    expect(await attendance('Max One').inputValue()).toBe('present');
    expect(await attendance('Mia Two').inputValue()).toBe('remote');
    expect(await attendance('Cora Coach').inputValue()).toBe('present');
    expect(await attendance('Nia Four').inputValue()).toBe('');
    expect(await attendance('Nia Four').locator('option:checked').innerText()).toBe('Not recorded');
    // The facilitator corrects Max by hand: his laptop joined early, he came in after the break.
    await attendance('Max One').selectOption({ label: 'Late' });
    // Everyone sees both by name, still in the room.
    for (const name of ['Moe Three', 'Max One']) {
      const here = mia.getByTestId('presence').locator('li', { hasText: name });
      await expect.poll(() => here.innerText()).toContain('Late');
      expect(await here.innerText()).toContain('In the room');
    }
    expect(await attendance('Max One').inputValue()).toBe('late');
  });

  const commitmentsReadBack = step(async () => {
    await attendanceTaken();
    // Max writes his own; Mia writes hers and keeps it in the room; Max drops a third.
    const add = async (p: Page, what: string) => {
      const form = p.getByRole('form', { name: 'Add a commitment' });
      await form.getByLabel('Commits to').fill(what);
      await form.getByRole('button', { name: 'Add commitment' }).click();
      await expect.poll(() => p.getByTestId('commitments').locator('input[aria-label^="What:"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toContain(what);
    };
    await add(max, 'Send the new price list');
    await add(mia, 'Introduce Max to her bank');
    await add(max, 'Call the old bank');
    const row = (p: Page, what: string) => p.getByTestId('commitments').locator('li', { has: p.locator(`input[value="${what}"]`) });
    await row(mia, 'Introduce Max to her bank').getByLabel('Stays in the room').check();
    await row(max, 'Call the old bank').getByLabel(/^Status:/).selectOption('dropped');

    for (const p of [projector, moe, coach]) {
      await expect.poll(() => itemsOf(readback(p))).toEqual(['Max One: Send the new price list', 'Mia Two: Introduce Max to her bank']);
    }
    expect(await projector.getByRole('heading', { name: 'Commitments' }).count()).toBe(1);
  });

  const rated = step(async () => {
    await commitmentsReadBack();
    await max.getByRole('button', { name: 'Rate 6' }).click();
    await expect.poll(() => rating(max).innerText()).toContain('You rated 6.');
    await max.getByRole('button', { name: 'Rate 9' }).click();
    await expect.poll(() => rating(max).innerText()).toContain('You rated 9.');
    expect(await max.getByRole('button', { name: 'Rate 9' }).getAttribute('aria-pressed')).toBe('true');
    expect(await max.getByRole('button', { name: 'Rate 6' }).getAttribute('aria-pressed')).toBe('false');
    await mia.getByRole('button', { name: 'Rate 7' }).click();
    await moe.getByRole('button', { name: 'Rate 8' }).click();
    // Three ratings so far (Max's change replaced his first); the coach rates last.
    await expect.poll(() => rating(coach).innerText()).toContain('3 rated so far.');
    expect(await rating(coach).innerText()).toContain('Not rated yet.');
    await coach.getByRole('button', { name: 'Rate 10' }).click();
    await expect.poll(() => rating(mia).innerText()).toContain('4 rated so far.');
    // Anonymous: Mia's screen holds her own score only; the coach, who rated, his own.
    expect(await rating(mia).innerText()).toContain('You rated 7.');
    expect(await rating(mia).innerText()).not.toMatch(/rated (6|8|9|10)\b/);
    // No average anywhere before the end.
    for (const p of [coach, max, mia, moe]) expect(await rating(p).innerText()).not.toContain('Average');
    expect(await projector.locator('body').innerText()).not.toContain('Average');

    // Notes of the closing: one line for the record, one that stays in the room.
    await editor(coach).click();
    await coach.keyboard.type('Next meeting on 3 March in Koblenz.');
    await coach.keyboard.press('Enter');
    await coach.keyboard.type('Moe is thinking about selling the company.');
    await coach.getByRole('button', { name: 'Stays in the room' }).click();
    await expect.poll(() => mia.getByTestId('notes-editor').locator('[data-confidential="true"]').innerText()).toContain('Moe is thinking about selling the company.');
    await expect.poll(() => coach.getByTestId('sync-status').textContent()).toBe('Saved');

    await screenshot(mia, 'phase-closing');
    expect(await seriousA11yViolations(mia)).toEqual([]);
  });

  const nextScheduled = step(async () => {
    await rated();
    const form = (p: Page) => p.getByRole('form', { name: 'Schedule the next meeting' });
    // Proposed one quarter on: Tuesday 1 December 2026 + 13 weeks = Tuesday 2 March 2027, same time and place.
    await expect.poll(() => form(coach).getByLabel(/^Date/).inputValue()).toBe('2027-03-02');
    expect(await form(coach).getByLabel('Start').inputValue()).toBe('09:00');
    expect(await form(coach).getByLabel('Place').inputValue()).toBe('Koblenz');
    // A member neither schedules nor sees a next meeting yet.
    expect(await form(max).count()).toBe(0);
    expect(await max.getByTestId('next-meeting').count()).toBe(0);
    await form(coach).getByLabel('Start').fill('10:00');
    await form(coach).getByRole('button', { name: 'Schedule the next meeting' }).click();
    const locale = await max.evaluate(() => navigator.languages[0] ?? navigator.language);
    const when = humanDateTime(Date.parse('2027-03-02T10:00:00Z'), 'UTC', locale);
    for (const p of [max, mia, coach, projector]) await expect.poll(() => p.getByTestId('next-meeting').innerText()).toContain(`Next meeting: ${when}`);
    // Scheduling again moves the same meeting, live for everyone.
    await form(coach).getByLabel(/^Date/).fill('2027-03-09');
    await form(coach).getByRole('button', { name: 'Save the next meeting' }).click();
    const moved = humanDateTime(Date.parse('2027-03-09T10:00:00Z'), 'UTC', locale);
    for (const p of [max, projector]) await expect.poll(() => p.getByTestId('next-meeting').innerText()).toContain(`Next meeting: ${moved}`);
    const { meetings } = (await seed.coach.get(`/api/groups/${seed.group.id}`)).body as { meetings: { startsAt: string }[] };
    // One meeting, moved (the other test's meeting of 1 March aside).
    expect(meetings.filter((m) => /^2027-03-0[29]/.test(m.startsAt)).map((m) => m.startsAt)).toEqual(['2027-03-09T10:00:00.000Z']);
    expect(await seriousA11yViolations(coach)).toEqual([]);

    await screenshot(projector, 'closing-next-meeting-wall-1920');
    await coach.setViewportSize({ width: 1366, height: 768 });
    await coach.getByTestId('next-meeting').scrollIntoViewIfNeeded();
    await screenshot(coach, 'closing-next-meeting-console-1366');
    await max.setViewportSize({ width: 375, height: 812 });
    await max.getByTestId('next-meeting').scrollIntoViewIfNeeded();
    await screenshot(max, 'closing-next-meeting-phone-375');
    expect(await max.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await max.setViewportSize({ width: 1280, height: 1000 });
    await coach.setViewportSize({ width: 1280, height: 1000 });
  });

  const ended = step(async () => {
    await nextScheduled();
    await coach.getByRole('button', { name: 'End meeting' }).click();
    await coach.getByRole('button', { name: 'Yes, end meeting' }).click();
    for (const p of [max, mia, moe]) await expect.poll(() => currentItem(p)).toBe('Meeting ended');
    // The summary is a click away from the bar that stays on screen, wherever the page is scrolled.
    const summaryLink = (p: Page) => p.getByTestId('console-bar').getByRole('link', { name: 'Read the summary' });
    await coach.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    for (const p of [coach, max]) expect(await summaryLink(p).getAttribute('href')).toBe(`/meetings/${meetingId}/recap`);
    const box = (await summaryLink(coach).boundingBox())!;
    expect(await coach.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(coach.viewportSize()!.height);
    await screenshot(coach, 'closing-ended-bar');
    for (const p of [max, coach]) await expect.poll(() => rating(p).innerText()).toContain('Average 8.5 / 10 from 4 ratings.');
    expect(await max.getByRole('button', { name: /^Rate / }).count()).toBe(0);
    expect(await itemsOf(readback(moe))).toEqual(['Max One: Send the new price list', 'Mia Two: Introduce Max to her bank']);
    const summary = async () => (await seed.coach.get(`/api/meetings/${meetingId}/summary`)).body as MeetingSummary;
    await expect.poll(async () => (await summary()).attendance.map((a) => `${a.name}: ${a.status} (${a.mode})`)).toEqual([
      'Cora Coach: present (room)',
      'Max One: late (room)',
      'Mia Two: remote (remote)',
      'Moe Three: late (room)',
      'Nia Four: absent (room)',
    ]);
  });

  const summaryRead = step(async () => {
    await ended();
    await mia.getByRole('link', { name: 'Read the summary of this meeting' }).click();
    const recap = mia.getByTestId('recap');
    await expect.poll(() => recap.innerText()).toContain('Average 8.5 / 10 from 4 ratings.');
    const text = await recap.innerText();
    // Mia's own score beside the aggregate and the spread (four raters); nobody else's.
    expect(text).toContain('You rated 7.');
    expect(await mia.getByRole('list', { name: 'How many gave each score' }).getByRole('listitem').count()).toBe(10);
    // Agenda as run, with the closing's notes — the room's passage included for a member of the room.
    expect(text).toMatch(/Closing: \d+ of 15 min/);
    expect(text).toMatch(/Hot seat: 0 of 45 min/);
    const notes = recap.getByRole('region', { name: 'Closing' });
    expect(await notes.innerText()).toContain('Next meeting on 3 March in Koblenz.');
    expect(await notes.innerText()).toContain('Moe is thinking about selling the company.');
    // Goal results, and the new goals with the unfinished one carried in.
    const goals = recap.locator('section', { has: mia.getByRole('heading', { name: 'Goal review' }) });
    const rows = (n: number) => goals.getByRole('table').nth(n).locator('tbody tr').allInnerTexts();
    expect((await rows(0)).map((r) => r.split('\t').join(' | '))).toEqual(['Max One | Hire a dispatcher | Not done | No candidate yet', 'Max One | Raise prices by 5 percent | Done | Up 6 percent']);
    expect((await rows(1)).map((r) => r.split('\t').join(' | '))).toEqual(['Max One | Hire a dispatcher carried ×1 | Open | ', 'Mia Two | Open a Vienna office | Open | ']);
    // Commitments: the dropped one is in the record with its status; the room's one too.
    const commitments = recap.locator('section', { has: mia.getByRole('heading', { name: 'Commitments' }) });
    expect(await itemsOf(commitments)).toEqual(['Mia Two: Introduce Max to her bank — open Stays in the room', 'Max One: Send the new price list — open', 'Max One: Call the old bank — dropped']);
    expect(await recap.getByTestId('recap-next-meeting').innerText()).toContain(`Next meeting: ${humanDateTime(Date.parse('2027-03-09T10:00:00Z'), 'UTC', await mia.evaluate(() => navigator.languages[0] ?? navigator.language))}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Attendance as it was: Nia never came, so she is absent, never "in the room".
    expect(await itemsOf(recap.getByTestId('recap-attendance'))).toEqual(['Cora Coach: In the room', 'Max One: Late, in the room', 'Mia Two: Online', 'Moe Three: Late, in the room', 'Nia Four: Absent']);
    // Figures: Max's coach-only cash is not in Mia's view of the group.
    expect(text).toContain('Cash on hand: group median €400K (2 companies)');
    expect(text).toContain('Total revenue: group median €1M (3 companies)');
    expect(await seriousA11yViolations(mia)).toEqual([]);

    // The coach's summary counts Max's cash; the summary's earlier address leads to the recap.
    await coach.goto(`/meetings/${meetingId}/summary`);
    await expect.poll(() => new URL(coach.url()).pathname).toBe(`/meetings/${meetingId}/recap`);
    await expect.poll(() => coach.getByTestId('recap').innerText()).toContain('Cash on hand: group median €300K (3 companies)');

    // An observer is not in the room: no room-only notes or commitments, and no figures.
    const otto = (await seed.observer.get(`/api/meetings/${meetingId}/summary`)).body as MeetingSummary;
    const ottoNotes = otto.notes.map((n) => notesToText(n.blocks)).join('\n');
    expect(ottoNotes).toContain('Next meeting on 3 March in Koblenz.');
    expect(ottoNotes).not.toContain('selling the company');
    expect(otto.commitments.map((c) => c.what)).toEqual(['Send the new price list', 'Call the old bank']);
    expect(otto.financials?.canSeeFigures).toBe(false);
    expect(otto.rating).toMatchObject({ average: 8.5, count: 4, mine: null });
    expect(otto.rating.distribution?.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('turns a long read-back page by page on the wall, which cannot scroll', async () => {
    const id = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-03-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
    const drive = await driveRoom(srv.url, seed.coach.cookie, id);
    await drive.command({ type: 'meeting.start' });
    await drive.command({ type: 'agenda.jump', itemId: drive.itemId('closing') });
    const doc = collabClient(srv.url, seed.members[0]!.cookie, commitmentsDocName(id));
    await waitUntil(() => doc.provider.synced, 'commitments synced');
    for (let i = 1; i <= 8; i++) {
      addCommitment(doc.doc, { id: `c${i}`, who: seed.members[i % 3]!.userId, what: `Commitment ${i}`, due: '', status: 'open', confidential: false, createdBy: seed.members[0]!.userId, createdAt: new Date().toISOString() });
    }
    const wall = await openProjector(browser, srv.url, id, 'cora.coach@example.com');
    const page = () => wall.getByTestId('readback-page').textContent();
    await expect.poll(page).toBe(' 1–6 of 8');
    expect(await itemsOf(readback(wall))).toHaveLength(6);
    // The next page comes by itself (every 10 s), then the first again.
    await expect.poll(page, { timeout: 15_000 }).toBe(' 7–8 of 8');
    expect(await itemsOf(readback(wall))).toEqual(['Mia Two: Commitment 7', 'Moe Three: Commitment 8']);
    // In the meeting view the whole list shows at once.
    const member = await joinMeeting(browser, srv.url, id, 'moe.three@example.com', 'In the room');
    await expect.poll(() => itemsOf(readback(member))).toHaveLength(8);
    expect(await readback(member).getByTestId('readback-page').count()).toBe(0);
    doc.provider.destroy();
    drive.close();
  });

  it('attendance: present and remote from where people joined, late after ten minutes, a correction in the console', attendanceTaken);
  it('commitments are read back on the wall and in the closing view; a dropped one is not', commitmentsReadBack);
  it('everyone rates 1–10; a rating can be changed; no average until the end', rated);
  it('at the closing the facilitator schedules the next meeting, one quarter on; everyone sees it live; again moves it', nextScheduled);
  it('at the end: the average shows, attendance is final (the member who never came is absent)', ended);
  it('the summary shows the whole closing record, with what each reader may see', summaryRead);
});

