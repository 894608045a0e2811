// The network library: a member proposes a resource of their group, the group's coach approves
// it, and a member of another group of the network finds it by search and votes for it in the
// open best-practice competition. Axe on each new page; screenshots at 1366x768 and 375x812.
import { describe, expect, it } from 'vitest';
import { otherGroup } from '../server/testing/records.ts';
import { login, newContext, screenshot, seriousA11yViolations } from './support/browser.ts';
import { PASSWORD } from './support/room.ts';
import { e2eSuite } from './support/suite.ts';

const TITLE = 'Onboarding checklist for new engineers';
let betaGroupId = '';
const suite = e2eSuite({
  meeting: { quarter: '2027-Q1', startsAt: '2027-01-20T09:00:00Z' },
  prepare: async (s) => {
    betaGroupId = (await otherGroup(s.srv.url, s.seed.organiser, s.seed.networkId)).group.id;
    const meeting = (await s.seed.coach.get(`/api/meetings/${s.meetingId}`)).body;
    const itemId = meeting.state.agenda.find((i: { kind: string }) => i.kind === 'topics').id;
    const shared = await s.seed.members[0]!.post(`/api/meetings/${s.meetingId}/resources`, { itemId, title: TITLE, url: 'https://example.com/onboarding' });
    if (shared.status !== 201) throw new Error(`sharing failed: ${JSON.stringify(shared.body)}`);
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const opened = await s.seed.organiser.post(`/api/networks/${s.seed.networkId}/competitions`, { title: 'Best practice of the quarter', startsAt: minutes(-5), endsAt: minutes(24 * 60) });
    if (opened.status !== 201) throw new Error(`competition failed: ${JSON.stringify(opened.body)}`);
  },
});

describe('network library', () => {
  it('member proposes, coach approves, a member of another group finds it by search and votes', async () => {
    const { seed } = suite;
    // Max proposes on his group's resource library.
    const max = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(max, 'max.one@example.com', PASSWORD);
    await max.goto(`/groups/${seed.group.id}/resources`);
    const form = max.getByRole('form', { name: 'Propose for the network library' });
    await form.getByLabel('Resource').selectOption({ label: TITLE });
    await form.getByLabel('Summary').fill('What a new engineer gets on day one, and who walks them through it');
    await form.getByLabel('Tags').fill('hiring, onboarding');
    await form.getByRole('button', { name: 'Propose for the network library' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain(`Proposed: ${TITLE}`);
    const proposals = max.getByRole('list', { name: 'Proposals of this group' });
    await expect.poll(() => proposals.textContent()).toContain('Waiting for the coach');
    // A member sees no approve button, their own proposal included.
    expect(await max.getByRole('button', { name: `Approve ${TITLE}` }).count()).toBe(0);
    await screenshot(max, 'network-library-propose-1366');
    expect(await seriousA11yViolations(max)).toEqual([]);

    // The group's coach approves.
    const cora = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(cora, 'cora.coach@example.com', PASSWORD);
    await cora.goto(`/groups/${seed.group.id}/resources`);
    await cora.getByRole('button', { name: `Approve ${TITLE}` }).click();
    await expect.poll(() => cora.getByRole('list', { name: 'Proposals of this group' }).textContent()).toContain('In the network library');
    await screenshot(cora, 'network-library-coach-approved-1366');
    expect(await seriousA11yViolations(cora)).toEqual([]);

    // A member of Beta Group, on a phone, searches the network library and votes.
    const bea = await (await newContext(suite.browser, suite.srv.url, { width: 375, height: 812 })).newPage();
    await login(bea, 'beta.group.member@example.com', PASSWORD);
    await bea.goto(`/groups/${betaGroupId}/resources`);
    await bea.getByRole('link', { name: 'Network library' }).click();
    await bea.getByLabel('Search the network library').fill('onboard');
    await bea.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => bea.getByRole('status').textContent()).toContain('1 match for “onboard”');
    const results = bea.getByRole('list', { name: 'Search results' });
    expect(await results.textContent()).toContain(TITLE);
    expect(await results.textContent()).toContain('By Max One (Alpha Group)');
    await screenshot(bea, 'network-library-search-375');
    expect(await seriousA11yViolations(bea)).toEqual([]);

    await bea.getByRole('button', { name: `Vote for ${TITLE}` }).click();
    const ballot = bea.getByRole('list', { name: 'Vote in Best practice of the quarter' });
    await expect.poll(() => ballot.textContent()).toContain(`Your vote: ${TITLE}`);
    // The vote is hers alone: the stored ballot is one, and no count shows before the end.
    expect((await suite.srv.storage.listBallots((await seed.organiser.get(`/api/networks/${seed.networkId}/competitions`)).body[0].id)).length).toBe(1);
    expect(await bea.getByRole('list', { name: /Winners of/ }).count()).toBe(0);
    await bea.getByRole('heading', { name: 'Best-practice competitions' }).scrollIntoViewIfNeeded();
    await screenshot(bea, 'network-library-voted-375');
    expect(await seriousA11yViolations(bea)).toEqual([]);

    // The same page at the console size, as the organiser sees it (with the form to open a vote).
    const olga = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(olga, 'olga@example.com', PASSWORD);
    await olga.goto(`/networks/${seed.networkId}/library`);
    await expect.poll(() => olga.getByRole('list', { name: 'Published entries' }).textContent()).toContain(TITLE);
    expect(await olga.getByRole('form', { name: 'Open a competition' }).count()).toBe(1);
    await screenshot(olga, 'network-library-organiser-1366');
    expect(await seriousA11yViolations(olga)).toEqual([]);
  });

  it('an organiser invites another organiser by mail, sees the invite pending and revokes it', async () => {
    const olga = await (await newContext(suite.browser, suite.srv.url, { width: 1366, height: 768 })).newPage();
    await login(olga, 'olga@example.com', PASSWORD);
    await olga.goto('/');
    const form = olga.getByRole('form', { name: 'Invite another organiser' });
    await form.getByLabel(/Their email/).fill('nora.next@example.com');
    await form.getByRole('button', { name: 'Invite another organiser' }).click();
    const pending = olga.getByRole('list', { name: 'Pending organiser invites' });
    await expect.poll(() => pending.textContent()).toContain('nora.next@example.com');
    expect(await olga.getByLabel('Organiser invite link').inputValue()).toMatch(/\/organiser-invite\/[\w-]+$/);
    // The mail is queued (held without SMTP) with the same link.
    const outbox = (await suite.seed.organiser.get(`/api/networks/${suite.seed.networkId}/outbox`)).body as { to: string; text: string }[];
    const linkPath = new URL(await olga.getByLabel('Organiser invite link').inputValue()).pathname;
    expect(outbox.find((m) => m.to === 'nora.next@example.com')?.text).toContain(linkPath);
    await screenshot(olga, 'organiser-invite-pending-1366');
    expect(await seriousA11yViolations(olga)).toEqual([]);
    await olga.getByRole('button', { name: 'Revoke the invite to nora.next@example.com' }).click();
    await expect.poll(() => olga.getByRole('list', { name: 'Pending organiser invites' }).count()).toBe(0);
    expect((await suite.seed.organiser.get(`/api/networks/${suite.seed.networkId}/organisers/invites`)).body).toEqual([]);
  });
});
