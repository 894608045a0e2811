// Companion groups: the organiser creates a companion group of the core group from the home
// page, invites a marketing manager for one of its companies (the link names the company, so the
// manager types none), and the company's owner then sees on their home page which companion group
// their manager is in and when it meets: the listing only, never the group itself. Inviting by
// mail names the company too. Also the profile a member company fills in on the group page, which
// special-interest groups match.
import { describe, expect, it } from 'vitest';
import { joinGroup } from '../server/testing/harness.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const profile = (name: string) => ({ name, sizeBand: '10-24', revenueBand: '1-3M', vertical: 'Healthcare', businessModel: 'managed-services', territory: 'Zurich', tools: [] });

const suite = e2eSuite({
  prepare: async ({ seed }) => {
    const saved = await seed.members[0]!.put(`/api/networks/${seed.networkId}/my-company`, profile('One GmbH'));
    if (saved.status !== 200) throw new Error(`profile not saved: ${JSON.stringify(saved.body)}`);
  },
});

describe('companion groups', () => {
  it('an organiser creates a companion group, invites a manager for a company, and the owner sees it on their page', async () => {
    const organiser = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(organiser, 'olga@example.com', PASSWORD);
    const form = organiser.getByRole('region', { name: 'New group' });
    await form.getByLabel('Group name').fill('Alpha Marketing');
    await form.getByLabel('Kind', { exact: true }).selectOption('companion');
    await expect.poll(() => form.getByLabel('Companion of').inputValue()).toBe(suite.seed.group.id);
    await form.getByLabel('Companion of').scrollIntoViewIfNeeded();
    await screenshot(organiser, 'companion-new-group-console');
    expect(await seriousA11yViolations(organiser)).toEqual([]);
    await form.getByRole('button', { name: 'Create group' }).click();
    await organiser.waitForURL((u) => u.pathname.startsWith('/groups/') && !u.pathname.endsWith(suite.seed.group.id));
    const companionId = new URL(organiser.url()).pathname.split('/').pop()!;
    await expect.poll(() => organiser.getByRole('heading', { level: 1 }).innerText()).toBe('Alpha Marketing');

    // The invite names the company the manager works for, chosen among the parent group's.
    const invite = organiser.getByRole('region', { name: 'Invite', exact: true });
    await expect.poll(() => invite.getByLabel('Works for').locator('option').allInnerTexts()).toEqual(['One GmbH']);
    await invite.getByRole('button', { name: 'Create invite link' }).click();
    const link = await invite.getByLabel('Invite link').inputValue();
    await screenshot(organiser, 'companion-invite-console');
    expect(await seriousA11yViolations(organiser)).toEqual([]);

    const manager = await (await newContext(suite.browser, suite.srv.url, { width: 375, height: 812 })).newPage();
    await manager.goto(new URL(link).pathname);
    await expect.poll(() => manager.locator('.lede').innerText()).toContain('for One GmbH');
    expect(await manager.getByLabel('Company').count()).toBe(0);
    await manager.getByLabel('Your name').fill('Mara Manager');
    await manager.getByLabel('Email').fill('mara.manager@example.com');
    await manager.getByLabel('Password').fill(PASSWORD);
    await manager.getByRole('button', { name: 'Create account and join' }).click();
    await manager.waitForURL((u) => u.pathname === `/groups/${companionId}`);
    await manager.getByLabel('I accept these norms').check();
    await manager.getByRole('button', { name: 'Accept and open the group' }).click();
    await expect.poll(() => manager.getByRole('heading', { level: 1 }).innerText()).toBe('Alpha Marketing');
    // The parent group is not theirs to open.
    await manager.goto(`/groups/${suite.seed.group.id}`);
    await expect.poll(() => manager.getByRole('alert').innerText()).toContain('No such group');

    const startsAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    expect((await suite.seed.organiser.post(`/api/groups/${companionId}/meetings`, { quarter: '2027-Q1', startsAt, timeZone: 'Europe/Zurich' })).status).toBe(201);

    for (const viewport of [{ width: 1366, height: 768, name: 'console' }, { width: 375, height: 812, name: 'phone' }]) {
      const owner = await (await newContext(suite.browser, suite.srv.url, viewport)).newPage();
      await login(owner, 'max.one@example.com', PASSWORD);
      const listing = owner.getByTestId('my-companions');
      await expect.poll(() => listing.innerText()).toContain('Alpha Marketing');
      expect(await listing.innerText()).toContain('Mara Manager');
      expect(await listing.innerText()).toContain('for One GmbH');
      expect(await listing.innerText()).toMatch(/Next meeting: /);
      // A name and a date, no way in: no link to the companion group on the owner's page.
      expect(await owner.locator(`a[href="/groups/${companionId}"]`).count()).toBe(0);
      await listing.scrollIntoViewIfNeeded();
      await screenshot(owner, `companion-owner-home-${viewport.name}`);
      expect(await seriousA11yViolations(owner)).toEqual([]);
    }
  });

  it('an organiser invites by mail in a companion group, choosing the company the person works for', async () => {
    const { seed, srv } = suite;
    // A core group of its own with two member companies, and its companion group.
    const core = await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma Group', leadership: 'coach-led', format: 'online', tags: [] });
    expect(core.status).toBe(201);
    const companyIds: Record<string, string> = {};
    for (const name of ['Gamma Systems', 'Gamma Care']) {
      const owner = await joinGroup(srv.url, seed.organiser, core.body.id, `${name} Owner`, 'member', name);
      companyIds[name] = (await owner.put(`/api/networks/${seed.networkId}/my-company`, profile(name))).body.id;
    }
    const companion = await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Gamma Marketing', leadership: 'coach-led', format: 'online', tags: [], kind: 'companion', companionOf: core.body.id });
    expect(companion.status).toBe(201);

    for (const viewport of [{ width: 1366, height: 768, name: 'console' }, { width: 375, height: 812, name: 'phone' }]) {
      const organiser = await (await newContext(suite.browser, srv.url, viewport)).newPage();
      await login(organiser, 'olga@example.com', PASSWORD);
      await organiser.goto(`/groups/${companion.body.id}`);
      const byMail = organiser.getByRole('region', { name: 'Invite by mail' });
      const role = byMail.getByLabel('Role of everyone listed');
      const worksFor = byMail.getByLabel('Works for');
      await expect.poll(() => worksFor.locator('option').allInnerTexts()).toEqual(['Gamma Care', 'Gamma Systems']);
      // Only members work for a company: an observer's invite names none.
      await role.selectOption('observer');
      await expect.poll(() => worksFor.count()).toBe(0);
      await role.selectOption('member');
      await byMail.getByRole('button', { name: 'Send invitations' }).click();
      await expect.poll(() => byMail.getByRole('alert').innerText()).toContain('Enter at least one address.');
      await worksFor.scrollIntoViewIfNeeded();
      await screenshot(organiser, `companion-invite-mail-${viewport.name}`);
      expect(await seriousA11yViolations(organiser)).toEqual([]);
    }

    const organiser = await (await newContext(suite.browser, srv.url, { width: 1366, height: 768 })).newPage();
    await login(organiser, 'olga@example.com', PASSWORD);
    const companyLoads: string[] = [];
    organiser.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/groups/${companion.body.id}/companion-companies`) companyLoads.push(r.method());
    });
    await organiser.goto(`/groups/${companion.body.id}`);
    const byMail = organiser.getByRole('region', { name: 'Invite by mail' });
    const worksFor = byMail.getByLabel('Works for');
    await expect.poll(() => worksFor.locator('option').count()).toBe(2);
    // Both invite forms offer the parent group's companies, loaded once for the page.
    const byLink = organiser.getByRole('region', { name: 'Invite', exact: true }).getByLabel('Works for');
    await expect.poll(() => byLink.locator('option').allInnerTexts()).toEqual(['Gamma Care', 'Gamma Systems']);
    expect(companyLoads).toEqual(['GET']);
    await byMail.getByLabel('Email addresses').fill('paul.manager@example.com');
    await worksFor.selectOption({ label: 'Gamma Systems' });
    await byMail.getByRole('button', { name: 'Send invitations' }).click();
    await expect.poll(() => byMail.getByRole('status').innerText()).toBe('Invitation mailed to paul.manager@example.com.');
    const row = byMail.getByRole('row').filter({ hasText: 'paul.manager@example.com' });
    await expect.poll(() => row.innerText()).toContain('Member');
    await row.scrollIntoViewIfNeeded();
    await screenshot(organiser, 'companion-invite-mail-sent-console');
    // The invite names the company chosen: whoever accepts it works for Gamma Systems.
    const pending = await srv.storage.listPendingInvites(companion.body.id, new Date().toISOString());
    const invite = pending.find((i) => i.email === 'paul.manager@example.com')!;
    expect(await srv.storage.inviteCompany(invite.id)).toBe(companyIds['Gamma Systems']);

    // A core group's mail form has no such choice.
    await organiser.goto(`/groups/${core.body.id}`);
    const coreMail = organiser.getByRole('region', { name: 'Invite by mail' });
    await expect.poll(() => coreMail.getByLabel('Role of everyone listed').count()).toBe(1);
    expect(await coreMail.getByLabel('Works for').count()).toBe(0);
  });

  it('a member company whose profile matches asks to join a special-interest group; the organiser admits it', async () => {
    const sig = await suite.seed.organiser.post(`/api/networks/${suite.seed.networkId}/groups`, { name: 'MSP Circle', leadership: 'peer-led', format: 'online', tags: [], kind: 'interest', segment: { businessModel: 'managed-services' } });
    expect(sig.status).toBe(201);

    // Mia's company has no profile: the group is listed, with no way to ask.
    const mia = await (await newContext(suite.browser, suite.srv.url, { width: 375, height: 812 })).newPage();
    await login(mia, 'mia.two@example.com', PASSWORD);
    const miaList = mia.getByRole('region', { name: 'Special-interest groups' });
    await expect.poll(() => miaList.innerText()).toContain('Your company profile is not in this segment');
    expect(await miaList.getByRole('button').count()).toBe(0);

    const max = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(max, 'max.one@example.com', PASSWORD);
    const list = max.getByRole('region', { name: 'Special-interest groups' });
    await expect.poll(() => list.innerText()).toContain('managed-services');
    await list.getByRole('button', { name: 'Ask to join MSP Circle' }).click();
    await expect.poll(() => list.innerText()).toContain('Asked: the coach decides');
    await list.scrollIntoViewIfNeeded();
    await screenshot(max, 'interest-ask-console');
    expect(await seriousA11yViolations(max)).toEqual([]);

    const organiser = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(organiser, 'olga@example.com', PASSWORD);
    await organiser.goto(`/groups/${sig.body.id}`);
    const requests = organiser.getByRole('region', { name: 'Requests to join' });
    await expect.poll(() => requests.innerText()).toContain('Max One (One GmbH)');
    await requests.scrollIntoViewIfNeeded();
    await screenshot(organiser, 'interest-requests-console');
    expect(await seriousA11yViolations(organiser)).toEqual([]);
    await requests.getByRole('button', { name: 'Admit Max One' }).click();
    await expect.poll(() => requests.innerText()).toContain('No open requests.');

    // The organiser changes the group's segment on its page.
    const kind = organiser.getByRole('region', { name: 'Kind of group' });
    await kind.getByLabel('Business model').selectOption('cloud');
    await kind.getByRole('button', { name: 'Save kind' }).click();
    await expect.poll(() => organiser.getByRole('region', { name: 'Details' }).innerText()).toContain('Special interest: cloud');

    await max.reload();
    await expect.poll(() => max.getByRole('region', { name: 'Special-interest groups' }).innerText()).toContain('You are a member');
    await expect.poll(() => max.getByRole('region', { name: 'Groups you belong to' }).innerText()).toContain('MSP Circle');
  });

  it('a member saves her company profile on the group page; a missing field is named by the shared schema', async () => {
    const mia = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(mia, 'mia.two@example.com', PASSWORD);
    await mia.goto(`/groups/${suite.seed.group.id}`);
    const form = mia.getByRole('region', { name: 'My company profile' });
    await form.getByLabel('Company name').fill('Two AG');
    await form.getByLabel('Territory').fill('Bavaria');
    await form.getByRole('button', { name: 'Save profile' }).click();
    // The form loads the shared schema on save; it names the empty field.
    await expect.poll(() => form.getByRole('alert').innerText()).toMatch(/^vertical: /);
    await form.getByLabel('Vertical').fill('Legal');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Saved.');
    await mia.reload();
    await expect.poll(() => mia.getByRole('region', { name: 'My company profile' }).getByLabel('Vertical').inputValue()).toBe('Legal');
  });
});
