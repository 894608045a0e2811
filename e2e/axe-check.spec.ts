// The accessibility check the other specs rely on can fail: a page with a button that has no
// name (critical) and grey-on-white text (serious) is reported with both, and a clean page is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations } from './support/browser.ts';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const doc = (body: string) => `<!doctype html><html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1>${body}</main></body></html>`;

describe('seriousA11yViolations', () => {
  it('reports a nameless button and low-contrast text', async () => {
    await page.setContent(doc('<button></button><p style="color:#bbb;background:#fff">Faint words</p>'));
    const found = await seriousA11yViolations(page);
    expect(found.map((v) => v.split(' ')[0]).sort()).toEqual(['button-name', 'color-contrast']);
  });

  it('reports nothing on a page without such faults', async () => {
    await page.setContent(doc('<button>Save</button><p style="color:#222;background:#fff">Plain words</p>'));
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
