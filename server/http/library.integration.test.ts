// The network library over real HTTP: proposals need the group's coach to approve; nothing
// unpublished (pending, rejected, withdrawn) reaches the network library, its search or any
// other group's answer; best-practice votes are anonymous, one per person, and winners show
// after the end only; another network sees nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import * as competitions from '../services/competitions.ts';
import { ApiClient, joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let stranger: ApiClient & { userId: string };
let item: string;
let meetingId: string;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const libraryOf = (c: ApiClient, q = '') => c.get(`/api/networks/${seed.networkId}/library${q ? `?q=${encodeURIComponent(q)}` : ''}`);
const ids = (r: { body: { entry: { id: string } }[] }) => r.body.map((h) => h.entry.id).sort();

async function shareLink(c: ApiClient, title: string): Promise<string> {
  const r = await c.post(`/api/meetings/${meetingId}/resources`, { itemId: item, title, url: `https://example.com/${encodeURIComponent(title)}` });
  expect(r.status).toBe(201);
  return r.body.id;
}
async function propose(c: ApiClient, resourceId: string, summary: string, extra: Record<string, unknown> = {}) {
  const r = await c.post(`/api/groups/${seed.group.id}/library`, { resourceId, summary, tags: ['playbook'], showAuthor: true, ...extra });
  expect(r.status).toBe(201);
  return r.body as { id: string; status: string };
}
async function published(author: ApiClient, title: string, summary: string, extra: Record<string, unknown> = {}) {
  const e = await propose(author, await shareLink(author, title), summary, extra);
  expect((await seed.coach.post(`/api/library/${e.id}/decision`, { decision: 'approve' })).status).toBe(200);
  return e.id;
}

/** A second network with an organiser and a member of its own group, joined by real links. */
async function otherNetwork(): Promise<ApiClient & { userId: string }> {
  const networkId = newId();
  await srv.storage.createNetwork({ id: networkId, name: 'Other Network' });
  const founder = (await srv.storage.listOrganisers(seed.networkId))[0]!;
  const token = newToken();
  await srv.storage.createOrganiserInvite({ id: newId(), networkId, tokenHash: hashToken(token), createdBy: founder.userId, expiresAt: '2099-01-01T00:00:00.000Z' });
  const organiser = new ApiClient(srv.url);
  expect((await organiser.post(`/api/organiser-invites/${token}/accept`, { name: 'Oz Other', email: 'oz@example.com', password: 'correct horse battery' })).status).toBe(200);
  const group = (await organiser.post(`/api/networks/${networkId}/groups`, { name: 'Zeta Group', leadership: 'coach-led', format: 'online', tags: [] })).body;
  return joinGroup(srv.url, organiser, group.id, 'Zed Stranger', 'member', 'Zed Co');
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  stranger = await otherNetwork();
  const meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-01T07:00:00Z');
  meetingId = meeting.id;
  item = meeting.agenda.find((i) => i.kind === 'topics')!.id;
});
afterAll(() => srv?.close());

describe('proposing and the coach approving', () => {
  it("a member proposes; neither they nor another member may approve; the group's coach does", async () => {
    const [max, mia] = [seed.members[0]!, seed.members[1]!];
    const entry = await propose(max, await shareLink(max, 'Onboarding checklist'), 'What we hand a new hire on day one');
    expect(entry).toMatchObject({ status: 'pending', authorName: 'Max One', title: 'Onboarding checklist', tags: ['playbook'] });
    for (const c of [max, mia]) {
      const r = await c.post(`/api/library/${entry.id}/decision`, { decision: 'approve' });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    // Another group of the network, or another network, learns nothing of it.
    expect((await beta.member.post(`/api/library/${entry.id}/decision`, { decision: 'approve' })).status).toBe(404);
    expect((await stranger.post(`/api/library/${entry.id}/decision`, { decision: 'approve' })).status).toBe(404);
    expect((await seed.members[2]!.get(`/api/groups/${seed.group.id}/library`)).body.map((e: { status: string }) => e.status)).toEqual(['pending']);

    expect((await seed.coach.post(`/api/library/${entry.id}/decision`, { decision: 'reject' })).status).toBe(400);
    const approved = await seed.coach.post(`/api/library/${entry.id}/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', decidedByName: 'Cora Coach', reason: null });
    expect(approved.body.publishedAt).toEqual(expect.any(String));
    expect((await seed.coach.post(`/api/library/${entry.id}/decision`, { decision: 'approve' })).status).toBe(409);
    expect(ids(await libraryOf(beta.member))).toContain(entry.id);
  });

  it('observers and organisers from outside the group do not propose; a resource is proposed once while pending or published', async () => {
    const resourceId = await shareLink(seed.coach, 'Coach playbook');
    for (const c of [seed.observer, seed.organiser]) {
      expect((await c.post(`/api/groups/${seed.group.id}/library`, { resourceId, summary: 'x', showAuthor: true })).status).toBe(403);
    }
    expect((await beta.member.post(`/api/groups/${beta.group.id}/library`, { resourceId, summary: 'x', showAuthor: true })).status).toBe(404);
    await propose(seed.coach, resourceId, 'How I run the check-in');
    expect((await seed.coach.post(`/api/groups/${seed.group.id}/library`, { resourceId, summary: 'again', showAuthor: true })).status).toBe(409);
  });

  it('only the author withdraws, before or after publication', async () => {
    const [moe, max] = [seed.members[2]!, seed.members[0]!];
    const id = await published(moe, 'Price increase letter', 'The letter we send before a price rise');
    expect((await max.post(`/api/library/${id}/withdraw`)).status).toBe(403);
    expect((await seed.coach.post(`/api/library/${id}/withdraw`)).status).toBe(403);
    const w = await moe.post(`/api/library/${id}/withdraw`);
    expect(w.body.status).toBe('withdrawn');
    expect((await moe.post(`/api/library/${id}/withdraw`)).status).toBe(409);
    expect((await seed.coach.post(`/api/library/${id}/decision`, { decision: 'approve' })).status).toBe(409);
  });
});

describe('nothing unpublished leaves its group', () => {
  it('pending, rejected and withdrawn entries are absent from the library and its search, for another group and an organiser', async () => {
    const [max, mia] = [seed.members[0]!, seed.members[1]!];
    const pending = await propose(max, await shareLink(max, 'Quokka pending'), 'Unpublished zebrafish notes');
    const rejected = await propose(max, await shareLink(max, 'Quokka rejected'), 'Unpublished zebrafish plan');
    const r = await seed.coach.post(`/api/library/${rejected.id}/decision`, { decision: 'reject', reason: 'Names a client' });
    expect(r.body).toMatchObject({ status: 'rejected', reason: 'Names a client' });
    const withdrawn = await published(mia, 'Quokka withdrawn', 'Unpublished zebrafish review');
    expect((await mia.post(`/api/library/${withdrawn}/withdraw`)).status).toBe(200);
    // The marker: published with the same words, so an empty answer cannot pass for the hidden ones.
    const shown = await published(mia, 'Quokka published', 'Published zebrafish review');
    const hidden = [pending.id, rejected.id, withdrawn];

    for (const c of [beta.member, seed.organiser]) {
      const all = await libraryOf(c);
      expect(all.status).toBe(200);
      expect(ids(all)).toContain(shown);
      for (const q of ['quokka', 'zebrafish', 'unpublished', 'playbook', 'Names a client']) {
        const hits = await libraryOf(c, q);
        expect(hits.status).toBe(200);
        for (const h of hidden) expect(ids(hits)).not.toContain(h);
        const text = JSON.stringify(hits.body);
        for (const word of ['Quokka pending', 'Quokka rejected', 'Quokka withdrawn', 'Unpublished', 'Names a client']) expect(text).not.toContain(word);
      }
      expect(ids(await libraryOf(c, 'quokka'))).toEqual([shown]);
      expect(JSON.stringify(all.body)).not.toMatch(/Quokka (pending|rejected|withdrawn)/);
      for (const h of hidden) expect((await c.get(`/api/library/${h}/file`)).status).toBe(404);
    }
    // The group's own list holds all of them; another group's member may not read it.
    expect((await beta.member.get(`/api/groups/${seed.group.id}/library`)).status).toBe(404);
    const own = (await seed.members[2]!.get(`/api/groups/${seed.group.id}/library`)).body as { id: string }[];
    expect(own.map((e) => e.id)).toEqual(expect.arrayContaining([...hidden, shown]));

    // Withdrawn after publication: it leaves the library and its search at once.
    expect((await mia.post(`/api/library/${shown}/withdraw`)).status).toBe(200);
    expect(ids(await libraryOf(beta.member, 'quokka'))).toEqual([]);
    expect(ids(await libraryOf(beta.member))).not.toContain(shown);
  });

  it('names the author with their group only if they agreed; files download for the network', async () => {
    const mia = seed.members[1]!;
    const named = await published(mia, 'Named entry', 'Ours to share');
    const anonymous = await published(mia, 'Anonymous entry', 'Ours too', { showAuthor: false });
    const file = await mia.post(`/api/meetings/${meetingId}/resources`, { itemId: item, title: 'SLA template', fileName: 'sla.txt', contentType: 'text/plain', dataBase64: b64('Service levels') });
    const fileEntry = await propose(mia, file.body.id, 'Our SLA', { tags: ['contracts', 'sla'] });
    expect((await seed.coach.post(`/api/library/${fileEntry.id}/decision`, { decision: 'approve' })).status).toBe(200);

    const entries = (await libraryOf(beta.member)).body.map((h: { entry: unknown }) => h.entry) as { id: string; author: string; kind: string; url: string | null; fileName: string | null }[];
    expect(entries.find((e) => e.id === named)).toMatchObject({ author: 'Mia Two (Alpha Group)', kind: 'link', url: 'https://example.com/Named%20entry' });
    const anon = entries.find((e) => e.id === anonymous)!;
    expect(anon.author).toBe('a member of Test Network');
    expect(JSON.stringify(anon)).not.toMatch(/Mia|Alpha|groupId|authorId/);
    expect(ids(await libraryOf(beta.member, 'sla'))).toEqual([fileEntry.id]);
    const res = await fetch(`${srv.url}/api/library/${fileEntry.id}/file`, { headers: { cookie: beta.member.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('sla.txt');
    expect(await res.text()).toBe('Service levels');
  });
});

describe('the search index follows publication', () => {
  const indexed = (word: string) => srv.storage.search({ text: word, groupIds: [`network:${seed.networkId}`], visibilities: ['all'], limit: 10 });

  it('a search reads the index without rebuilding it; approving, withdrawing and removing the resource update it', async () => {
    const mia = seed.members[1]!;
    await libraryOf(beta.member, 'anything'); // this process has indexed the network's library once
    const writes = vi.spyOn(srv.storage, 'upsertSearchEntries');
    try {
      expect(ids(await libraryOf(beta.member, 'narwhal'))).toEqual([]);
      expect(writes).not.toHaveBeenCalled();
      const first = await published(mia, 'Narwhal zorblat', 'Narwhal checklist');
      const second = await published(mia, 'Narwhal quibbit', 'Narwhal price list');
      const calls = writes.mock.calls.length;
      expect(calls).toBeGreaterThan(0);
      expect(ids(await libraryOf(beta.member, 'narwhal'))).toEqual([first, second].sort());
      expect(writes.mock.calls.length).toBe(calls);

      expect((await mia.post(`/api/library/${first}/withdraw`)).status).toBe(200);
      expect((await indexed('zorblat')).map((h) => h.id)).toEqual([]);
      // Removing a published entry's resource removes the entry (cascade) and its words from the index.
      const resourceId = (await srv.storage.getLibraryEntry(second))!.resourceId;
      expect((await mia.del(`/api/resources/${resourceId}`)).status).toBe(204);
      expect(await srv.storage.getLibraryEntry(second)).toBeNull();
      expect((await indexed('quibbit')).map((h) => h.id)).toEqual([]);
      expect(ids(await libraryOf(beta.member, 'narwhal'))).toEqual([]);
    } finally {
      writes.mockRestore();
    }
  });
});

describe('best-practice competitions', () => {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

  it('an organiser opens one; members vote once each, anonymously, changeably; winners only after the end', async () => {
    const [max, mia, moe] = seed.members as [ApiClient & { userId: string }, ApiClient & { userId: string }, ApiClient & { userId: string }];
    const a = await published(max, 'Vote entry A', 'First candidate');
    const b = await published(max, 'Vote entry B', 'Second candidate');
    const body = { title: 'Best practice 2026', startsAt: minutes(-1), endsAt: minutes(60) };
    expect((await seed.coach.post(`/api/networks/${seed.networkId}/competitions`, body)).status).toBe(403);
    expect((await seed.organiser.post(`/api/networks/${seed.networkId}/competitions`, { ...body, endsAt: minutes(-2) })).status).toBe(400);
    const opened = await seed.organiser.post(`/api/networks/${seed.networkId}/competitions`, body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ phase: 'open', myVote: null, winners: null });
    const c = opened.body.id as string;
    const vote = (who: ApiClient, entryId: string) => put(who, `/api/competitions/${c}/vote`, { entryId });

    expect((await vote(max, a)).body).toMatchObject({ myVote: a, winners: null });
    expect((await vote(max, b)).body.myVote).toBe(b);
    await vote(mia, b);
    await vote(moe, a);
    await vote(beta.member, b);
    // One ballot per person: max changed his, he did not add one.
    expect((await srv.storage.listBallots(c)).length).toBe(4);
    // An organiser runs the vote but holds no ballot; an observer none either.
    expect((await vote(seed.organiser, a)).status).toBe(403);
    expect((await vote(seed.observer, a)).status).toBe(404);

    // Before the end: each sees their own vote, nobody's else, and no counts.
    const seen = await mia.get(`/api/competitions/${c}`);
    expect(seen.body).toMatchObject({ myVote: b, winners: null, phase: 'open' });
    const listed = (await seed.organiser.get(`/api/networks/${seed.networkId}/competitions`)).body.find((x: { id: string }) => x.id === c);
    expect(listed).toMatchObject({ myVote: null, winners: null });
    for (const uid of [max.userId, moe.userId, beta.member.userId]) expect(JSON.stringify(seen.body)).not.toContain(uid);

    // After the end (the service at a time past it): ranked counts, still nobody's ballot.
    const after = await competitions.getCompetition(srv.storage, mia.userId, c, Date.parse(body.endsAt) + 1);
    expect(after.phase).toBe('ended');
    expect(after.winners!.map((w) => [w.entryId, w.votes, w.rank])).toEqual([[b, 3, 1], [a, 1, 2]]);
    expect(after.winners![0]!.entry).toMatchObject({ title: 'Vote entry B', author: 'Max One (Alpha Group)' });
    for (const uid of [max.userId, moe.userId, beta.member.userId]) expect(JSON.stringify(after)).not.toContain(uid);
    await expect(competitions.vote(srv.storage, max.userId, c, { entryId: a }, Date.parse(body.endsAt))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an ended vote shows its winners to everyone in the network and takes no more votes; withdrawn entries drop out', async () => {
    const max = seed.members[0]! as ApiClient & { userId: string };
    const a = await published(max, 'Past entry A', 'Old candidate');
    const b = await published(max, 'Past entry B', 'Old candidate too');
    const opened = await seed.organiser.post(`/api/networks/${seed.networkId}/competitions`, { title: 'Best of last year', startsAt: minutes(-120), endsAt: minutes(-60) });
    const c = opened.body.id as string;
    expect(opened.body.phase).toBe('ended');
    // Cast while it was open (the period is over now).
    await srv.storage.castVote(c, max.userId, a, minutes(-90));
    await srv.storage.castVote(c, seed.members[1]!.userId, b, minutes(-90));
    await srv.storage.castVote(c, beta.member.userId, b, minutes(-90));
    const refused = await put(max, `/api/competitions/${c}/vote`, { entryId: b });
    expect(refused.status).toBe(409);
    for (const who of [beta.member, seed.coach, seed.organiser]) {
      const r = await who.get(`/api/competitions/${c}`);
      expect(r.body.winners.map((w: { entryId: string; votes: number; rank: number }) => [w.entryId, w.votes, w.rank])).toEqual([[b, 2, 1], [a, 1, 2]]);
    }
    expect((await max.post(`/api/library/${b}/withdraw`)).status).toBe(200);
    expect((await max.get(`/api/competitions/${c}`)).body.winners.map((w: { entryId: string }) => w.entryId)).toEqual([a]);
  });

  it("another network's member sees nothing of this network's library", async () => {
    const id = await published(seed.members[0]!, 'Private to the network', 'Ours');
    const opened = await seed.organiser.post(`/api/networks/${seed.networkId}/competitions`, { title: 'Ours', startsAt: minutes(-1), endsAt: minutes(60) });
    const tries = [
      await libraryOf(stranger),
      await libraryOf(stranger, 'network'),
      await stranger.get(`/api/networks/${seed.networkId}/competitions`),
      await stranger.get(`/api/competitions/${opened.body.id}`),
      await put(stranger, `/api/competitions/${opened.body.id}/vote`, { entryId: id }),
      await stranger.get(`/api/library/${id}/file`),
      await stranger.post(`/api/library/${id}/withdraw`),
      await stranger.get(`/api/groups/${seed.group.id}/library`),
    ];
    for (const r of tries) expect(r.status).toBe(404);
    expect((await new ApiClient(srv.url).get(`/api/networks/${seed.networkId}/library`)).status).toBe(401);
  });
});
