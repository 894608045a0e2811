// Topics and best practices: members share links and files under the item; everyone in the
// meeting and the wall see them arrive; a bad link or an oversize file is refused with the
// reason; only the sharer or the coach removes one; an observer looks but doesn't share; files
// download as they were uploaded; all of it stays in the group's resource library and recap.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { connectSocket, emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let browser: Browser;
let meetingId: string;
let topicsItemId: string;
const PASSWORD = 'correct horse battery';
const PDF = Buffer.from('%PDF-1.4\n% onboarding checklist for new technicians\n%%EOF\n');

beforeAll(async () => {
  srv = await startE2eServer();
  seed = await seedGroup(srv.url);
  const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC', title: 'Q4 meeting' });
  meetingId = created.body.meeting.id;
  topicsItemId = created.body.state.agenda.find((i: { kind: string }) => i.kind === 'topics').id;
  // Straight to the item: the other phases have their own specs.
  const s = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(s, 'room:join', { meetingId, mode: 'room' });
  await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
  await emitAck(s, 'meeting:command', { meetingId, command: { type: 'agenda.jump', itemId: topicsItemId } });
  s.close();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function open(email: string, mode: 'In the room' | 'Remote' | null, path = `/meetings/${meetingId}`) {
  const page = await (await newContext(browser, srv.url, { width: 1280, height: 1000 })).newPage();
  await login(page, email, PASSWORD);
  await page.goto(path);
  if (mode) await page.getByRole('button', { name: mode }).click();
  return page;
}

const shared = (p: Page) => p.getByTestId('topic-resources');

describe('topics and best practices', () => {
  it('shares links and files into the library, live, with who and when', async () => {
    const coach = await open('cora.coach@example.com', 'In the room');
    const max = await open('max.one@example.com', 'In the room');
    const mia = await open('mia.two@example.com', 'Remote');
    const otto = await open('otto.observer@example.com', 'Remote');
    const wall = await open('cora.coach@example.com', null, `/meetings/${meetingId}/projector`);
    await expect.poll(() => shared(mia).textContent()).toContain('Nothing shared yet');

    // A link that isn't http(s) is refused before it is sent, with the reason.
    const form = shared(max).getByRole('form', { name: 'Share a resource' });
    await form.getByLabel('Title', { exact: true }).fill('Service desk runbook');
    await form.getByLabel('Link', { exact: true }).fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Must be an http(s) link');
    await form.getByLabel('Link', { exact: true }).fill('https://wiki.example.com/runbook');
    await form.getByRole('button', { name: 'Share' }).click();
    // Mia (remote) and the wall see it arrive without reloading.
    await expect.poll(() => shared(mia).textContent()).toContain('Service desk runbook');
    expect(await shared(mia).textContent()).toMatch(/wiki\.example\.com · shared by Max One on/);
    expect(await shared(mia).getByRole('link', { name: 'Service desk runbook' }).getAttribute('href')).toBe('https://wiki.example.com/runbook');
    await expect.poll(() => wall.getByTestId('projector-resources').textContent()).toContain('Service desk runbook (link, Max One)');

    // Mia shares a file; a file over the limit is refused before upload.
    const miaForm = shared(mia).getByRole('form', { name: 'Share a resource' });
    await miaForm.getByLabel('A file').check();
    await miaForm.getByLabel('File', { exact: true }).setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(2 * 1024 * 1024 + 1) });
    await miaForm.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => miaForm.getByRole('alert').textContent()).toContain('files are at most 2 MiB');
    await miaForm.getByLabel('Title', { exact: true }).fill('');
    await miaForm.getByLabel('File', { exact: true }).setInputFiles({ name: 'onboarding-checklist.pdf', mimeType: 'application/pdf', buffer: PDF });
    // The file's name is the first title; Mia keeps it.
    expect(await miaForm.getByLabel('Title', { exact: true }).inputValue()).toBe('onboarding-checklist');
    await miaForm.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => shared(max).textContent()).toContain('onboarding-checklist.pdf');
    expect(await shared(max).textContent()).toContain('shared by Mia Two');
    await expect.poll(() => wall.getByTestId('projector-resources').textContent()).toContain('onboarding-checklist (onboarding-checklist.pdf, Mia Two)');

    // Max downloads it: the same bytes come back, as a download.
    const [download] = await Promise.all([max.waitForEvent('download'), shared(max).getByRole('link', { name: 'onboarding-checklist' }).click()]);
    expect(download.suggestedFilename()).toBe('onboarding-checklist.pdf');
    expect(fs.readFileSync((await download.path())!)).toEqual(PDF);

    // Removal: the sharer and the coach may; another member and the observer may not.
    expect(await shared(max).getByRole('button', { name: 'Remove Service desk runbook' }).count()).toBe(1);
    expect(await shared(max).getByRole('button', { name: 'Remove onboarding-checklist' }).count()).toBe(0);
    expect(await shared(coach).getByRole('button', { name: /^Remove / }).count()).toBe(2);
    // The observer sees what was shared but has no form and no remove buttons.
    await expect.poll(() => shared(otto).textContent()).toContain('onboarding-checklist');
    expect(await shared(otto).getByRole('form', { name: 'Share a resource' }).count()).toBe(0);
    expect(await shared(otto).getByRole('button', { name: /^Remove / }).count()).toBe(0);
    await form.getByLabel('Title', { exact: true }).fill('Draft price list');
    await form.getByLabel('Link', { exact: true }).fill('https://example.com/draft');
    await form.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => shared(mia).textContent()).toContain('Draft price list');
    // Removing asks once more; "Keep" leaves it, "Yes, remove" takes it away for everyone.
    await shared(max).getByRole('button', { name: 'Remove Draft price list' }).click();
    await shared(max).getByRole('button', { name: 'Keep' }).click();
    await shared(max).getByRole('button', { name: 'Remove Draft price list' }).click();
    await shared(max).getByRole('button', { name: 'Yes, remove Draft price list' }).click();
    await expect.poll(() => shared(mia).textContent()).not.toContain('Draft price list');

    await screenshot(mia, 'phase-topics');
    expect(await seriousA11yViolations(mia)).toEqual([]);
    await screenshot(wall, 'phase-topics-projector');

    // The group's library: both, with where they were shared; the filter narrows it.
    await coach.getByRole('button', { name: 'End meeting' }).click();
    await coach.getByRole('button', { name: 'Yes, end meeting' }).click();
    const library = await open('moe.three@example.com', null, `/groups/${seed.group.id}/resources`);
    const list = library.getByTestId('resource-library');
    await expect.poll(() => list.textContent()).toContain('Service desk runbook');
    expect(await list.textContent()).toContain('at Q4 meeting (2026-Q4), Topics & best practices');
    expect(await list.textContent()).not.toContain('Draft price list');
    await list.getByLabel('Filter').fill('mia checklist');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByRole('listitem').textContent()).toContain('onboarding-checklist');
    expect(await seriousA11yViolations(library)).toEqual([]);

    // And the meeting's recap lists them.
    await library.goto(`/meetings/${meetingId}/recap`);
    await expect.poll(() => library.getByRole('region', { name: 'Resources shared' }).textContent()).toContain('Service desk runbook');
    expect(await library.getByRole('region', { name: 'Resources shared' }).textContent()).toContain('onboarding-checklist.pdf');
  });
});
