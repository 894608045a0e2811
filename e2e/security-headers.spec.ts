// The built client runs under the server's Content-Security-Policy: signing in, the facilitator
// console with its live socket, and the co-edited notes editor (collab websocket, TipTap) work,
// and Chromium reports no CSP violation on the way.
import { describe, expect, it } from 'vitest';
import { login, newContext } from './support/browser.ts';
import { e2eSuite } from './support/suite.ts';

const suite = e2eSuite({ meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z' } });

describe('content security policy', () => {
  it('the app works under the CSP with no violation reported', async () => {
    const ctx = await newContext(suite.browser, suite.srv.url);
    // The document's own violation events, collected from before any page script runs.
    await ctx.addInitScript(() => {
      const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await login(page, 'max.one@example.com', 'correct horse battery');
    await page.goto(`/meetings/${suite.meetingId}`);
    await page.getByRole('button', { name: 'Remote' }).click();
    await expect.poll(() => page.getByTestId('sync-status').textContent()).toBe('Saved');
    const editor = page.getByTestId('notes-editor').locator('.ProseMirror');
    await editor.click();
    await page.keyboard.type('under the policy');
    await expect.poll(() => editor.textContent()).toContain('under the policy');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(violations).toEqual([]);
    await ctx.close();
  });
});
