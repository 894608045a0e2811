// My page, "Sign-in and security": where I am signed in (device, signed in, last seen, this
// browser marked), signing out one other session, "Sign out everywhere else" taking a phone out
// of a live meeting at once, and changing the password (which signs out the other sessions).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { login, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const EDGE = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';

const suite = e2eSuite({ meeting: { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z' } });

/** Signs in as `email` in a browser that presents itself with `userAgent`. */
async function device(email: string, userAgent: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const ctx = await suite.browser.newContext({ baseURL: suite.srv.url, viewport, userAgent });
  const page = await ctx.newPage();
  await login(page, email, PASSWORD);
  return page;
}

const security = (p: Page) => p.getByTestId('account-security');
const sessionRows = (p: Page) => security(p).getByRole('list', { name: 'Signed-in sessions' }).locator('li');

describe('sign-in and security on My page', () => {
  it('lists my sessions, signs out another one, and signs out everywhere else, closing a live meeting on the phone', async () => {
    const laptop = await device('mia.two@example.com', FIREFOX);
    const phone = await device('mia.two@example.com', IPHONE, { width: 375, height: 812 });
    const office = await device('mia.two@example.com', EDGE);

    // The phone is in the meeting, online.
    await phone.goto(`/meetings/${suite.meetingId}`);
    await phone.getByRole('button', { name: 'Remote' }).click();
    await expect.poll(() => phone.getByTestId('connection-status').first().textContent()).toBe('Online');

    await laptop.goto('/me');
    await expect.poll(() => sessionRows(laptop).count()).toBeGreaterThanOrEqual(4);
    const current = security(laptop).locator('li[aria-current="true"]');
    expect(await current.innerText()).toContain('Firefox on Linux');
    expect(await current.innerText()).toContain('This browser');
    expect(await current.getByRole('button').count()).toBe(0);
    const rows = await sessionRows(laptop).allInnerTexts();
    expect(rows.join('\n')).toContain('Safari on iOS');
    expect(rows.join('\n')).toContain('Edge on Windows');
    expect(rows.every((r) => /Signed in .+ · last seen .+/.test(r))).toBe(true);
    await security(laptop).scrollIntoViewIfNeeded();
    await screenshot(laptop, 'my-page-sessions-1280');
    expect(await seriousA11yViolations(laptop)).toEqual([]);

    // One other session: the office PC is signed out; its next request finds no session.
    await security(laptop).getByRole('button', { name: /^Sign out Edge on Windows/ }).click();
    await expect.poll(() => security(laptop).getByRole('status').textContent()).toBe('Edge on Windows is signed out.');
    // The list reloads after the message shows: wait for it.
    await expect.poll(async () => (await sessionRows(laptop).allInnerTexts()).join('\n')).not.toContain('Edge on Windows');
    await office.reload();
    await expect.poll(() => new URL(office.url()).pathname).toBe('/login');

    // Everywhere else: the phone drops out of the meeting at once and is told why.
    await security(laptop).getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect.poll(() => security(laptop).getByRole('status').textContent()).toMatch(/^Signed out everywhere else: \d+ other sessions? (was|were) ended\.$/);
    await expect.poll(() => sessionRows(laptop).count()).toBe(1);
    expect(await security(laptop).getByRole('button', { name: 'Sign out everywhere else' }).isDisabled()).toBe(true);
    await expect.poll(() => phone.getByTestId('connection-status').first().textContent()).toBe('Offline');
    expect(await phone.getByTestId('connection-status').first().getAttribute('title')).toBe('Your session has ended. Sign in again to rejoin the meeting.');
    await screenshot(laptop, 'my-page-signed-out-elsewhere-1280');
    for (const p of [laptop, phone, office]) await p.context().close();
  });

  it('changes the password, which signs out the other sessions; a wrong current password is refused', async () => {
    const laptop = await device('moe.three@example.com', FIREFOX, { width: 1366, height: 768 });
    const phone = await device('moe.three@example.com', IPHONE, { width: 375, height: 812 });
    await laptop.goto('/me');
    const form = security(laptop).getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password').fill('a brand new passphrase');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Your current password is not right');

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => security(laptop).getByRole('status').textContent()).toMatch(/^Password changed\. \d+ other sessions? (was|were) signed out\.$/);
    await expect.poll(() => sessionRows(laptop).count()).toBe(1);
    await form.scrollIntoViewIfNeeded();
    await screenshot(laptop, 'my-page-password-1366');
    await phone.goto('/me');
    await expect.poll(() => new URL(phone.url()).pathname).toBe('/login');

    // The phone signs in again with the new password, and sees the section at phone width.
    await login(phone, 'moe.three@example.com', 'a brand new passphrase');
    await phone.goto('/me');
    await expect.poll(() => sessionRows(phone).count()).toBe(2);
    await security(phone).scrollIntoViewIfNeeded();
    await screenshot(phone, 'my-page-sessions-375');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const p of [laptop, phone]) await p.context().close();
  });
});
