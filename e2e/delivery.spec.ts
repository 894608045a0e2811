// How the client reaches a browser: the sign-in page loads no notes-editor code (TipTap,
// ProseMirror, Yjs come only with the meeting's notes) and no pdf.js, scripts arrive compressed and cached
// for good under their hashed names, no source map is served, and the favicon is a real icon.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { seedGroup } from '../server/testing/harness.ts';
import { launchBrowser, newContext } from './support/browser.ts';
import { joinMeeting, patientPolls } from './support/room.ts';
import { startE2eServer } from './support/server.ts';

let srv: Awaited<ReturnType<typeof startE2eServer>>;
let browser: Browser;
let meetingId: string;

beforeAll(async () => {
  patientPolls();
  srv = await startE2eServer();
  const seed = await seedGroup(srv.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  browser = await launchBrowser();
});
afterAll(async () => {
  vi.resetConfig();
  await browser?.close();
  await srv?.close();
});

/** Strings that survive minification: ProseMirror's editor class and Yjs's double-import guard. */
const EDITOR_MARKERS = ['ProseMirror-focused', 'Yjs was already imported'];
/** An option name pdf.js keeps through minification. */
const PDFJS_MARKER = 'isEvalSupported';

interface LoadedScript {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Records every script the page loads (URL, response headers, decoded body); a body that
 *  could not be read (page closed) is listed as unread so a check never passes on no data. */
function recordScripts(page: Page): LoadedScript[] & { unread: string[] } {
  const scripts = Object.assign([] as LoadedScript[], { unread: [] as string[] });
  page.on('response', (r: Response) => {
    if (r.request().resourceType() !== 'script') return;
    Promise.all([r.allHeaders(), r.text()]).then(
      ([headers, body]) => scripts.push({ url: r.url(), headers, body }),
      () => scripts.unread.push(r.url()),
    );
  });
  return scripts;
}
const editorScripts = (scripts: LoadedScript[]) => scripts.filter((s) => EDITOR_MARKERS.some((m) => s.body.includes(m)));

describe('client delivery', () => {
  it('the sign-in page loads its scripts compressed, immutable, without editor code or source maps', async () => {
    const page = await (await newContext(browser, srv.url)).newPage();
    const scripts = recordScripts(page);
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await page.goto('/login');
    await page.getByLabel('Email').waitFor();
    await page.waitForLoadState('networkidle');
    await expect.poll(() => scripts.length + scripts.unread.length).toBe(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length));

    expect(scripts.length).toBeGreaterThan(1);
    expect(scripts.unread).toEqual([]);
    expect(editorScripts(scripts).map((s) => s.url)).toEqual([]);
    // Nor pdf.js (the wall's PDF renderer): it loads only where a PDF is shown.
    expect(scripts.filter((s) => s.body.includes(PDFJS_MARKER)).map((s) => s.url)).toEqual([]);
    for (const s of scripts) {
      expect(new URL(s.url).pathname).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/);
      expect(s.headers['cache-control'], s.url).toContain('immutable');
      // Chromium offers brotli only over HTTPS; on this http loopback it takes gzip.
      if (s.body.length > 1024) expect(s.headers['content-encoding'], s.url).toMatch(/^(br|gzip)$/);
      expect(s.body).not.toContain('sourceMappingURL');
    }
    expect(urls.filter((u) => u.endsWith('.map'))).toEqual([]);
    // A map asked for by hand is not there either.
    const map = await page.request.get(`${new URL(scripts[0]!.url).pathname}.map`);
    expect(map.status()).toBe(404);
    await page.context().close();
  });

  it('brotli is served to clients that take it, with the same bytes as the plain file', async () => {
    const shell = await (await fetch(`${srv.url}/login`)).text();
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(shell)?.[1];
    expect(entry).toMatch(/^\/assets\/index-[\w-]{8}\.js$/);
    const plain = await fetch(srv.url + entry, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const body = await plain.text();
    expect(body.length).toBeGreaterThan(10_000);
    for (const encoding of ['br', 'gzip']) {
      const r = await fetch(srv.url + entry, { headers: { 'accept-encoding': encoding } });
      expect(r.headers.get('content-encoding')).toBe(encoding);
      expect(r.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(r.headers.get('content-type')).toContain('javascript');
      expect(Number(r.headers.get('content-length'))).toBeLessThan(body.length / 2);
      expect(await r.text()).toBe(body);
    }
  });

  it('the favicon is an icon, and a missing file is a 404, not the app shell', async () => {
    const svg = await fetch(`${srv.url}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<svg');
    const page = await (await newContext(browser, srv.url)).newPage();
    await page.goto('/login');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    await page.context().close();
    for (const missing of ['/favicon.ico', '/assets/gone-12345678.js']) {
      const r = await fetch(srv.url + missing);
      expect(r.status, missing).toBe(404);
      expect(r.headers.get('content-type')).toContain('application/json');
    }
  });

  it('the editor code does load once a member opens the meeting and its notes', async () => {
    const member = await joinMeeting(browser, srv.url, meetingId, 'max.one@example.com', 'Remote');
    const scripts = recordScripts(member);
    await member.reload();
    await member.getByTestId('notes-editor').locator('.ProseMirror').waitFor();
    await expect.poll(() => editorScripts(scripts).length).toBeGreaterThan(0);
    await member.context().close();
  });
});
