// Topics: the facilitator shows a shared image, then a PDF, on the wall and hides it again. Walls
// at 1920x1080 and 1280x720 draw the image (<img> with naturalWidth > 0) and the PDF's first
// page (a canvas with non-blank pixels), with the title, inside the viewport; a member sees it
// live; an HTML file that claims to be a PNG is refused and the console says why; axe finds no
// serious or critical violation on the console, the wall or the member's page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { emitAck, seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, screenshot, seriousA11yViolations } from './support/browser.ts';
import { driveRoom, joinMeeting, openProjector, patientPolls, type RoomDriver } from './support/room.ts';
import { startE2eServer } from './support/server.ts';
import { bandsPng, samplePdf } from './support/wallFiles.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let driver: RoomDriver;
let meetingId: string;
const COACH = 'cora.coach@example.com';
const WALLS = [
  { width: 1920, height: 1080, min: 36 },
  { width: 1280, height: 720, min: 24 },
];

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC', title: 'Q4 meeting' });
  meetingId = created.body.meeting.id;
  driver = await driveRoom(srv.url, seed.coach.cookie, meetingId);
  await driver.command({ type: 'meeting.start' });
  await driver.command({ type: 'agenda.jump', itemId: driver.itemId('topics') });
  const itemId = driver.itemId('topics');
  const share = async (title: string, fileName: string, contentType: string, data: Buffer) => {
    const r = await seed.members[0]!.post(`/api/meetings/${meetingId}/resources`, { itemId, title, fileName, contentType, dataBase64: data.toString('base64') });
    expect(r.status).toBe(201);
  };
  // A wide image: at 1280x720 it is limited by the width, at 1920x1080 by the height left.
  await share('Org chart', 'org-chart.png', 'image/png', bandsPng(1600, 700, [[220, 38, 38], [250, 204, 21], [22, 163, 74]]));
  await share('Price list', 'price-list.pdf', 'application/pdf', await samplePdf());
  await share('Landing page', 'landing.png', 'image/png', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'));
  await share('Logo', 'logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  driver?.close();
  await browser?.close();
  await srv?.close();
});

/** Elements of the shown file outside the viewport or cut off (empty when all fits). */
function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const sel of ['[data-testid="wall-file"]', '.wall-file-title', '.wall-file-media', '[data-testid="current-item"]', '.projector-timer']) {
      const el = document.querySelector(sel);
      if (!el) {
        bad.push(`${sel} missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) bad.push(`${sel} empty`);
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) bad.push(`${sel} at ${JSON.stringify(r)}`);
    }
    const data = document.querySelector('[data-testid="wall-data"]')!;
    if (data.scrollHeight > data.clientHeight + 1) bad.push(`wall-data cut off: ${data.scrollHeight} in ${data.clientHeight}`);
    return bad;
  });
}

/** Pixels of the PDF canvas that are neither white nor transparent. */
const inkedPixels = (page: Page) =>
  page.getByTestId('wall-file-pdf').evaluate((c: HTMLCanvasElement) => {
    if (c.dataset.rendered !== 'true' || c.width === 0) return 0;
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) n++;
    return n;
  });

/** The stored state's file on the wall, asked of the server (after everything sent before). */
const shownNow = async () => (await emitAck(driver.socket, 'meeting:sync', { meetingId })).state.shownFile;

const titleSize = (page: Page) => page.locator('.wall-file-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('a file on the wall', () => {
  it('the facilitator shows an image and a PDF, every wall size draws it inside the viewport, and hides it', async () => {
    const walls = await Promise.all(WALLS.map((v) => openProjector(browser, srv.url, meetingId, COACH, { width: v.width, height: v.height })));
    // pdf.js runs under the app's CSP (no eval, no inline script, no wasm): nothing it does is blocked.
    const cspErrors: string[] = [];
    for (const wall of walls) wall.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
    const consolePage = await joinMeeting(browser, srv.url, meetingId, COACH, 'In the room', { width: 1366, height: 768 });
    const member = await joinMeeting(browser, srv.url, meetingId, 'max.one@example.com', 'Remote');
    const control = consolePage.getByRole('region', { name: 'On the wall' });
    const pick = control.getByLabel('File to show');
    await expect.poll(async () => (await pick.locator(':scope > option').allTextContents()).sort()).toEqual(['Landing page (landing.png)', 'Org chart (org-chart.png)', 'Price list (price-list.pdf)']);
    // The SVG is listed as not showable and can't be picked.
    expect(await pick.locator('optgroup[label="Cannot be shown (not an image or a PDF)"] option').allTextContents()).toEqual(['Logo (logo.svg)']);
    expect(await pick.locator('option', { hasText: 'Logo' }).isDisabled()).toBe(true);
    // A member has no control, only what the wall shows.
    expect(await member.getByRole('form', { name: 'Show a file on the wall' }).count()).toBe(0);

    // An HTML page uploaded as "landing.png": the server reads its bytes and refuses, saying why.
    await pick.selectOption({ label: 'Landing page (landing.png)' });
    await control.getByRole('button', { name: 'Show on the wall' }).click();
    await expect.poll(() => control.getByRole('alert').textContent()).toContain('This file is an HTML page: only PNG, JPEG, WebP and GIF images and PDFs can be shown on the wall');
    expect(await shownNow()).toBeNull();
    for (const wall of walls) expect(await wall.getByTestId('wall-file').count()).toBe(0);

    // The image.
    await pick.selectOption({ label: 'Org chart (org-chart.png)' });
    await control.getByRole('button', { name: 'Show on the wall' }).click();
    for (const [i, wall] of walls.entries()) {
      const img = wall.getByTestId('wall-file-image');
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1600);
      expect(await img.getAttribute('alt')).toBe('Org chart');
      expect(await wall.locator('.wall-file-title').textContent()).toBe('Org chart');
      expect(await titleSize(wall)).toBeGreaterThanOrEqual(WALLS[i]!.min);
      expect(await outside(wall)).toEqual([]);
      await screenshot(wall, `wall-file-image-${WALLS[i]!.width}`);
    }
    await expect.poll(() => member.getByRole('region', { name: 'On the wall' }).textContent()).toContain('Showing Org chart.');
    await expect.poll(() => member.getByTestId('wall-file-image').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
    expect(await seriousA11yViolations(walls[0]!)).toEqual([]);

    // The PDF: its first page, drawn into a canvas.
    await pick.selectOption({ label: 'Price list (price-list.pdf)' });
    await control.getByRole('button', { name: 'Show on the wall' }).click();
    for (const [i, wall] of walls.entries()) {
      await expect.poll(() => wall.getByTestId('wall-file-pdf').count()).toBe(1);
      await expect.poll(() => inkedPixels(wall)).toBeGreaterThan(1000);
      expect(await wall.getByTestId('wall-file-image').count()).toBe(0);
      expect(await wall.getByRole('img', { name: 'First page of Price list' }).count()).toBe(1);
      expect(await titleSize(wall)).toBeGreaterThanOrEqual(WALLS[i]!.min);
      expect(await outside(wall)).toEqual([]);
      await screenshot(wall, `wall-file-pdf-${WALLS[i]!.width}`);
    }
    await expect.poll(() => inkedPixels(member)).toBeGreaterThan(100);
    expect(cspErrors).toEqual([]);
    await screenshot(consolePage, 'wall-file-console-1366');
    await screenshot(member, 'wall-file-member');
    expect(await seriousA11yViolations(walls[1]!)).toEqual([]);
    expect(await seriousA11yViolations(consolePage)).toEqual([]);
    expect(await seriousA11yViolations(member)).toEqual([]);

    // Hidden: the walls go back to the list of what was shared.
    await control.getByRole('button', { name: 'Hide from the wall' }).click();
    for (const wall of walls) {
      await expect.poll(() => wall.getByTestId('wall-file').count()).toBe(0);
      // The list comes back with the wall's topics view, fetched when it shows again.
      await expect.poll(() => wall.getByTestId('projector-resources').textContent()).toContain('Price list');
    }
    await expect.poll(() => member.getByRole('region', { name: 'On the wall' }).count()).toBe(0);
    expect(await shownNow()).toBeNull();
    for (const p of [...walls, consolePage, member]) await p.context().close();
  });
});
