// After the meeting: a member opens last quarter's recap from the archive, searches for a word
// from its notes, opens the hit and downloads the PDF; hostile note content never runs.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { addCommitment } from '../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName } from '../shared/collab/docNames.ts';
import { NOTES_FIELD } from '../shared/collab/notesMarkdown.ts';
import { collabClient, waitUntil } from '../server/testing/collabClient.ts';
import { connectSocket, emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let meetingId: string;
const PASSWORD = 'correct horse battery';

function paragraph(parts: [string, Record<string, unknown>?][]) {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, attrs] of parts) {
    t.insert(at, s, attrs ?? {});
    at += s.length;
  }
  p.insert(0, [t]);
  return p;
}

beforeAll(async () => {
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  const created = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'Europe/Berlin', location: 'Koblenz' })).body;
  meetingId = created.meeting.id;
  const hotSeat = created.state.agenda.find((i: { kind: string }) => i.kind === 'hotseat');
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
  const notes = collabClient(srv.url, seed.members[0]!.cookie, notesDocName(meetingId, hotSeat.id));
  const commitments = collabClient(srv.url, seed.members[0]!.cookie, commitmentsDocName(meetingId));
  await waitUntil(() => notes.provider.synced && commitments.provider.synced, 'synced');
  notes.doc.getXmlFragment(NOTES_FIELD).insert(0, [
    paragraph([['Max wants to move his clients onto Kubernetes by spring.']]),
    paragraph([['<img src=x onerror=alert(1)> was pasted here']]),
    paragraph([['A tempting '], ['link', { link: { href: 'javascript:alert(1)' } }], [' and a '], ['real one', { link: { href: 'https://example.com/guide' } }]]),
  ]);
  addCommitment(commitments.doc, { id: 'c1', who: seed.members[0]!.userId, what: 'Pilot Kubernetes with one client', due: '2026-12-01', status: 'open', confidential: false, createdBy: seed.members[0]!.userId, createdAt: '2026-09-01T10:00:00Z' });
  await waitUntil(async () => (await srv.storage.loadDoc(commitmentsDocName(meetingId))).updates.length > 0, 'stored');
  // The search index follows stored notes after a short debounce; wait until it has them.
  await waitUntil(async () => (await seed.members[1]!.get(`/api/groups/${seed.group.id}/search?q=kubernetes`)).body.hits?.length >= 2, 'indexed');
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
  coach.close();
  notes.provider.destroy();
  commitments.provider.destroy();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

/** Fails the test if any script from note content runs: no dialog, no injected image. */
function guard(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

describe('after the meeting', () => {
  it('a member finds last quarter’s recap, searches it, opens the hit and downloads the PDF', async () => {
    const ctx = await newContext(browser, srv.url, { width: 1280, height: 1000 });
    const page = await ctx.newPage();
    const dialogs = guard(page);
    await login(page, 'max.one@example.com', PASSWORD);
    await page.getByRole('link', { name: 'Alpha Group' }).first().click();
    await page.getByRole('link', { name: 'Quarterly meeting 2026-Q3' }).click();
    await page.getByTestId('recap').waitFor();
    await expect.poll(() => page.getByTestId('recap').innerText()).toContain('Kubernetes by spring');
    expect(await page.getByTestId('recap').innerText()).toContain('Pilot Kubernetes with one client');
    await screenshot(page, 'recap');

    await page.getByRole('link', { name: 'Group page' }).click();
    await page.getByLabel('Search notes, commitments and goals').fill('kubernetes');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByTestId('search-results');
    await expect.poll(() => results.locator('mark').count()).toBeGreaterThan(0);
    expect((await results.locator('mark').first().innerText()).toLowerCase()).toBe('kubernetes');
    await screenshot(page, 'search-results');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await results.getByRole('link', { name: /Hot seat/ }).click();
    await page.getByTestId('recap').waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#item-/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });

  it('hostile note content is shown as text in the recap and in search results, and never runs', async () => {
    const ctx = await newContext(browser, srv.url);
    const page = await ctx.newPage();
    const dialogs = guard(page);
    await login(page, 'mia.two@example.com', PASSWORD);
    await page.goto(`/meetings/${meetingId}/recap`);
    await page.getByTestId('recap').waitFor();
    await expect.poll(() => page.getByTestId('recap').innerText()).toContain('<img src=x onerror=alert(1)> was pasted here');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The javascript: link is plain text; the https one is a real link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'real one' }).getAttribute('href')).toBe('https://example.com/guide');

    const groupId = new URL(await page.getByRole('link', { name: 'Group page' }).evaluate((a) => (a as HTMLAnchorElement).href)).pathname.split('/')[2];
    await page.goto(`/groups/${groupId}/search?q=${encodeURIComponent('onerror img')}`);
    await expect.poll(() => page.getByTestId('search-results').innerText()).toContain('src=x');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await ctx.close();
  });
});
