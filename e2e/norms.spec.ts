// Group norms: a new member joins through an invite link and must accept the norms before the
// group page opens; the coach edits them and sees who has accepted (readiness grid); the opening
// item shows the confidentiality agreement on the wall and on everyone's screen.
import { describe, expect, it } from 'vitest';
import { quarterOf } from '../shared/financials/quarters.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { driveRoom, joinMeeting, openProjector, PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const CONFIDENTIALITY = 'Nothing said in Alpha Group leaves Alpha Group: not names, not numbers, not stories.';

const suite = e2eSuite();

/** A meeting body starting at `at`, labelled with the quarter it falls in: the spec runs on any day. */
const meetingAt = (at: Date) => ({ quarter: quarterOf(at), startsAt: at.toISOString(), timeZone: 'UTC' });

describe('group norms', () => {
  it('a new member accepts the norms before the group page opens', async () => {
    const invite = (await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/invites`, { role: 'member' })).body as { url: string };
    const page = await (await newContext(suite.browser, suite.srv.url, { width: 375, height: 812 })).newPage();
    await page.goto(new URL(invite.url, suite.srv.url).pathname);
    await page.getByLabel('Your name').fill('Nora New');
    await page.getByLabel('Email').fill('nora.new@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Company').fill('Nora IT');
    await page.getByRole('button', { name: 'Create account and join' }).click();

    // Straight to the group, which waits for the norms: nothing of the group's page is shown.
    await page.waitForURL((u) => u.pathname === `/groups/${suite.seed.group.id}`);
    const gate = page.getByTestId('norms-gate');
    await expect.poll(() => gate.innerText()).toContain('What is said in this group stays in this group.');
    expect(await gate.innerText()).toContain('We do not record our meetings');
    expect(await page.getByRole('heading', { name: 'Meetings' }).count()).toBe(0);
    expect(await page.getByTestId('norms-panel').count()).toBe(0);
    const accept = page.getByRole('button', { name: 'Accept and open the group' });
    expect(await accept.isDisabled()).toBe(true);
    await screenshot(page, 'norms-gate-phone');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A reload changes nothing: the server still says the norms come first.
    await page.reload();
    await expect.poll(() => page.getByTestId('norms-gate').count()).toBe(1);
    await page.getByLabel('I accept these norms').check();
    await accept.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Alpha Group');
    await expect.poll(() => page.getByTestId('norms-panel').innerText()).toContain('You accepted them on');
    expect(await page.getByTestId('norms-gate').count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByTestId('norms-panel').count()).toBe(1);
    expect(await page.getByTestId('norms-gate').count()).toBe(0);
  });

  it('the coach edits the norms and sees who accepted them in the readiness grid', async () => {
    expect((await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, meetingAt(new Date(Date.now() + 30 * 86_400_000)))).status).toBe(201);
    const coach = await (await newContext(suite.browser, suite.srv.url, { width: 1920, height: 1080 })).newPage();
    await login(coach, 'cora.coach@example.com', PASSWORD);
    await coach.goto(`/groups/${suite.seed.group.id}`);
    const panel = coach.getByTestId('norms-panel');
    await panel.getByRole('button', { name: 'Edit the norms' }).click();
    await panel.getByLabel('Confidentiality').fill(CONFIDENTIALITY);
    await panel.getByRole('button', { name: 'Save norms' }).click();
    await expect.poll(() => panel.getByRole('status').innerText()).toBe('Norms saved.');
    expect(await panel.innerText()).toContain('Last changed');

    const grid = coach.getByRole('region', { name: /^Readiness for/ });
    await expect.poll(() => grid.getByRole('row', { name: /Nora New/ }).getByTestId('norms-accepted').innerText()).toMatch(/^✓ /);
    expect(await grid.getByRole('columnheader', { name: 'Norms accepted' }).count()).toBe(1);
    await screenshot(coach, 'norms-coach');
    expect(await seriousA11yViolations(coach)).toEqual([]);
  });

  it('the opening item shows the confidentiality agreement on the wall and on every screen', async () => {
    const meeting = (await suite.seed.coach.post(`/api/groups/${suite.seed.group.id}/meetings`, meetingAt(new Date()))).body;
    const room = await driveRoom(suite.srv.url, suite.seed.coach.cookie, meeting.meeting.id);
    const [max, wall] = await Promise.all([
      joinMeeting(suite.browser, suite.srv.url, meeting.meeting.id, 'max.one@example.com', 'Remote', { width: 1366, height: 768 }),
      openProjector(suite.browser, suite.srv.url, meeting.meeting.id, 'cora.coach@example.com', { width: 1280, height: 720 }),
    ]);
    await room.command({ type: 'meeting.start' });
    for (const p of [max, wall]) await expect.poll(() => p.getByTestId('confidentiality-reminder').innerText()).toContain(CONFIDENTIALITY);
    await screenshot(wall, 'norms-wall');
    await screenshot(max, 'norms-opening-console');
    // The next item moves on: the reminder belongs to the opening.
    await room.command({ type: 'agenda.next' });
    for (const p of [max, wall]) await expect.poll(() => p.getByTestId('confidentiality-reminder').count()).toBe(0);
    room.close();
  });
});
