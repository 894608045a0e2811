// Issue 11: a coach builds a two-day template on the group page (items, a break, an end of
// day, a fixed closing), schedules a meeting from it with a row per day, and the meeting page
// shows both days.
import { describe, expect, it } from 'vitest';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite();

describe('templates in the UI', () => {
  it('a coach builds a two-day template and schedules a two-day meeting from it', async () => {
    const page = await (await newContext(suite.browser, suite.srv.url, { width: 1920, height: 1080 })).newPage();
    await login(page, 'cora.coach@example.com', PASSWORD);
    await page.goto(`/groups/${suite.seed.group.id}`);
    const panel = page.getByTestId('templates');
    await panel.getByRole('button', { name: 'New template' }).click();
    const editor = page.getByTestId('template-editor');
    await editor.getByLabel('Template name').fill('Retreat (two days)');
    await editor.getByRole('button', { name: 'Add item' }).click();
    await editor.getByLabel('Kind of item 1').selectOption('opening');
    await editor.getByLabel('Title of item 1').fill('Check-in');
    await editor.getByLabel('Minutes for item 1').fill('45');
    await editor.getByRole('button', { name: 'Add break' }).click();
    await editor.getByRole('button', { name: 'Add end of day' }).click();
    await editor.getByRole('button', { name: 'Add item' }).click();
    await editor.getByLabel('Kind of item 4').selectOption('closing');
    await editor.getByLabel('Title of item 4').fill('Closing');
    await editor.getByLabel('Minutes for item 4').fill('30');
    await editor.getByLabel('Item 4 is fixed').check();
    expect(await editor.textContent()).toContain('2 day(s) · 1 h 30 min in all');
    await screenshot(page, 'days-template-editor');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => panel.textContent()).toContain('Retreat (two days) · 4 items · 2 day(s) · 1 h 30 min');

    // Duplicate, then delete the copy.
    await panel.getByRole('button', { name: 'Duplicate Retreat (two days)' }).click();
    await page.getByTestId('template-editor').getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => panel.textContent()).toContain('Retreat (two days) (copy)');
    await panel.getByRole('button', { name: 'Delete Retreat (two days) (copy)' }).click();
    await expect.poll(() => panel.textContent()).not.toContain('(copy)');

    // Schedule from it: one row per day, pre-filled, day 2 moved to the Monday.
    await page.getByLabel('Starts at').fill('2026-11-13T09:00');
    await page.getByLabel('Time zone').selectOption('Europe/Berlin');
    await page.getByLabel('Agenda template', { exact: true }).selectOption({ label: 'Retreat (two days)' });
    const days = page.getByTestId('days-editor');
    expect(await days.getByLabel('Day 1 ends').inputValue()).toBe('10:00');
    expect(await days.getByLabel('Day 2 date').inputValue()).toBe('2026-11-14');
    await days.getByLabel('Day 2 date').fill('2026-11-16');
    await days.getByLabel('Day 2 starts').fill('08:30');
    await days.getByLabel('Day 2 ends').fill('12:00');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.waitForURL(/\/meetings\//);
    await page.getByRole('button', { name: 'In the room' }).click();
    const info = page.getByTestId('meeting-info');
    await expect.poll(() => info.textContent()).toContain('Day 1: Fri 13 Nov 2026 · 09:00–10:00 Berlin');
    expect(await info.textContent()).toContain('Day 2: Mon 16 Nov 2026 · 08:30–12:00 Berlin');
    expect(await page.getByTestId('agenda').textContent()).toContain('End of day 1');
  });

  it('a coach gives a template its own hot-seat protocol, checked as typed, then switches it to Gestalt', async () => {
    const page = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(page, 'cora.coach@example.com', PASSWORD);
    await page.goto(`/groups/${suite.seed.group.id}`);
    const panel = page.getByTestId('templates');
    await panel.getByRole('button', { name: 'New template' }).click();
    const editor = page.getByTestId('template-editor');
    await editor.getByLabel('Template name').fill('Quick hot seat');
    await editor.getByRole('button', { name: 'Add item' }).click();
    await editor.getByLabel('Kind of item 1').selectOption('hotseat');
    await editor.getByLabel('Minutes for item 1').fill('40');
    const protocol = page.getByTestId('protocol-editor');
    expect(await protocol.getByTestId('protocol-stages').textContent()).toBe('Presentation 20 % · Clarifying questions 25 % · Experience and advice 35 % · Commitments 20 %');
    await protocol.getByLabel('Protocol', { exact: true }).selectOption('custom');
    await protocol.getByLabel('Protocol name').fill('Our quick round');
    await protocol.getByLabel('Remove stage 4').click();
    // 20 + 25 + 35 = 80 %: said at once, and the save is refused with the same words.
    await expect.poll(() => protocol.getByTestId('protocol-problem').textContent()).toBe('The stages\' shares add up to 80 %, not 100 %.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => editor.getByRole('alert').first().textContent()).toContain('add up to 80 %');
    await protocol.getByLabel('Percent of the time for stage 1').fill('40');
    await protocol.getByLabel('Name of stage 3').fill('One idea each');
    await protocol.getByLabel('Rule of stage 3').fill('One idea, one minute, no debate');
    await expect.poll(() => protocol.getByTestId('protocol-problem').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'template-protocol-editor-1366');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => panel.textContent()).toContain('Quick hot seat · 1 items · 1 day(s) · 40 min · hot seat: Our quick round');
    const saved = (await suite.seed.coach.get(`/api/groups/${suite.seed.group.id}`)).body.templates.find((t: { name: string }) => t.name === 'Quick hot seat');
    expect(saved.protocol.stages.map((st: { name: string; share: number }) => [st.name, st.share])).toEqual([['Presentation', 0.4], ['Clarifying questions', 0.25], ['One idea each', 0.35]]);

    await panel.getByRole('button', { name: 'Edit Quick hot seat' }).click();
    await page.getByTestId('protocol-editor').getByLabel('Protocol', { exact: true }).selectOption('gestalt');
    await page.getByTestId('template-editor').getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => panel.textContent()).toContain('Quick hot seat · 1 items · 1 day(s) · 40 min · hot seat: Gestalt (experience sharing)');
  });
});
