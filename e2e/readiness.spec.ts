// Preparation: the coach opens the readiness grid, reminds a member who is not ready; the
// reminder (held in the organiser's outbox: no SMTP here) links to the right quarter's figures;
// the member follows it, enters every figure, follows the mail's second link to write the
// pre-meeting update, sees her home-page checklist ticked, and the coach's grid turns to ready (green).
import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '../shared/financials/kpis.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { e2eSuite } from './support/suite.ts';

const PASSWORD = 'correct horse battery';

const suite = e2eSuite({
  meeting: { quarter: '2027-Q1', startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString() },
});

const g = () => suite.seed.group.id;

describe('readiness', () => {
  it('the coach sees who is not ready and reminds one member; the organiser\'s outbox holds the mail with its link', async () => {
    const coach = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 900 })).newPage();
    await login(coach, 'cora.coach@example.com', PASSWORD);
    await coach.goto(`/groups/${g()}`);
    const grid = coach.getByRole('region', { name: /^Readiness for/ });
    await expect.poll(() => grid.getByRole('row', { name: /Moe Three/ }).textContent()).toContain('Not yet');
    await grid.getByRole('button', { name: 'Remind Moe Three' }).click();
    await expect.poll(() => grid.getByRole('status').textContent()).toContain('Reminder sent to 1 member');
    await screenshot(coach, 'readiness-grid');
    expect(await seriousA11yViolations(coach)).toEqual([]);

    const organiser = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 900 })).newPage();
    await login(organiser, 'olga@example.com', PASSWORD);
    await organiser.goto(`/networks/${suite.seed.networkId}/outbox`);
    const row = organiser.getByRole('row', { name: /moe\.three@example\.com/ });
    await row.getByText(/^Prepare for/).click();
    expect(await row.locator('pre').textContent()).toMatch(/\/financials\?quarter=2026-Q4/);
    await screenshot(organiser, 'outbox');
    expect(await seriousA11yViolations(organiser)).toEqual([]);
  });

  it('a member follows the reminder\'s links, enters every figure and the update, and the coach\'s grid turns to ready', async () => {
    const meetingId = (await suite.seed.coach.get(`/api/groups/${g()}`)).body.meetings[0].id;
    expect((await suite.seed.coach.post(`/api/meetings/${meetingId}/readiness/remind`, { userIds: [suite.seed.members[1]!.userId] })).body).toEqual({ queued: 1 });
    const outbox = (await suite.seed.organiser.get(`/api/networks/${suite.seed.networkId}/outbox`)).body as { to: string; text: string }[];
    const mail = outbox.find((m) => m.to === 'mia.two@example.com')!.text;
    const link = /https?:\/\/\S+\/financials\?quarter=2026-Q4/.exec(mail)![0];
    const updateLink = new RegExp(`https?://\\S+/meetings/${meetingId}/update`).exec(mail)![0];

    const mia = await (await newContext(suite.browser, suite.srv.url, { width: 1280, height: 1000 })).newPage();
    await login(mia, 'mia.two@example.com', PASSWORD);
    await mia.goto(new URL(link).pathname + new URL(link).search);
    const form = mia.getByRole('form', { name: 'My figures for 2026-Q4' });
    for (const k of DEFAULT_KPIS.filter((d) => !d.derived)) await form.getByLabel(k.label, { exact: true }).fill(k.unit === 'percent' ? '12.5' : '40');
    await form.getByRole('button', { name: 'Save figures' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('You have 9 figures for 2026-Q4');

    // Figures alone are not ready: the update is still missing.
    const before = (await suite.seed.coach.get(`/api/meetings/${meetingId}/readiness`)).body.members.find((m: { name: string }) => m.name === 'Mia Two');
    expect(before).toMatchObject({ figures: 'complete', updateSent: false, ready: false });
    await mia.goto(new URL(updateLink).pathname);
    await mia.getByLabel('Best since last time').fill('Closed our biggest managed-services deal');
    await mia.getByLabel('What I need from the group').fill('Advice on hiring a service manager');
    await mia.getByRole('button', { name: 'Send update' }).click();
    await expect.poll(() => mia.getByTestId('update-page').getByRole('status').textContent()).toContain('Sent');
    await mia.getByLabel('Remote').check();
    await mia.getByRole('button', { name: 'Send RSVP' }).click();
    await expect.poll(() => mia.getByRole('form', { name: 'Are you coming?' }).getByRole('status').textContent()).toBe('Your answer: Remote');
    await screenshot(mia, 'update-page');
    expect(await seriousA11yViolations(mia)).toEqual([]);

    // Her own checklist on the home page: figures, update and RSVP ticked, her row only.
    await mia.goto('/');
    const checklist = mia.getByTestId('next-meetings').getByTestId('my-checklist');
    await expect.poll(() => checklist.locator('[data-item="figures"]').getAttribute('data-done')).toBe('true');
    expect(await checklist.locator('[data-item="figures"]').textContent()).toContain('Figures for 2026-Q4: complete');
    expect(await checklist.locator('[data-item="update"]').getAttribute('data-done')).toBe('true');
    expect(await checklist.locator('[data-item="rsvp"]').textContent()).toContain('RSVP: Remote');
    expect(await checklist.locator('[data-item="rsvp"]').getAttribute('data-done')).toBe('true');
    expect(await checklist.getByRole('link').allTextContents()).not.toContain('Write update');
    expect(await checklist.count()).toBe(1);
    await screenshot(mia, 'home-checklist');
    expect(await seriousA11yViolations(mia)).toEqual([]);

    const coach = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 900 })).newPage();
    await login(coach, 'cora.coach@example.com', PASSWORD);
    await coach.goto(`/groups/${g()}`);
    const miaRow = coach.getByRole('region', { name: /^Readiness for/ }).getByRole('row', { name: /Mia Two/ });
    await expect.poll(() => miaRow.textContent()).toContain('✓ Ready');
    expect(await miaRow.textContent()).toContain('Complete (9 of 9)');
    expect(await miaRow.textContent()).toContain('Sent');
    expect(await miaRow.textContent()).toContain('Remote');
    // The coach also sees attendance against the group's rule (no meeting held yet).
    await expect.poll(() => coach.getByTestId('attendance-record').textContent()).toContain('at most 2 missed in 12 months');
    // Green: the ready cell carries the ready colour.
    expect(await miaRow.locator('.ready-yes').evaluate((el) => getComputedStyle(el).color)).not.toBe(await miaRow.locator('th').evaluate((el) => getComputedStyle(el).color));
    await screenshot(coach, 'readiness-grid-ready');
  });
});
