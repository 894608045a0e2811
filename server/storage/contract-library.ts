// Storage contract for the network's leadership and library: organiser invites (pending list,
// revoking), reference sets removed, and the network library with its competitions.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/library.ts';
import { freshStorage, group, meetingState, member, newMeeting, uid, user } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runLibraryContract(name: string, make: () => Promise<Storage>): void {
  describe(`network library storage contract: ${name}`, () => {
    const s = freshStorage(make);

    it('lists organiser invites neither used, revoked nor expired, oldest first; revokes an unused one once', async () => {
      const ada = await user(s(), 'Ada');
      const n = await s().createNetwork({ id: uid('net'), name: 'Leaders' });
      const other = await s().createNetwork({ id: uid('net'), name: 'Elsewhere' });
      const invite = (networkId: string, expiresAt: string, email?: string) =>
        s().createOrganiserInvite({ id: uid('oi'), networkId, tokenHash: uid('hash'), createdBy: ada.id, expiresAt, email });
      const mailed = await invite(n.id, '2030-01-01T00:00:00.000Z', 'nora@example.com');
      expect(mailed).toMatchObject({ email: 'nora@example.com', revokedAt: null, usedAt: null });
      const handed = await invite(n.id, '2030-01-02T00:00:00.000Z');
      const used = await invite(n.id, '2030-01-03T00:00:00.000Z');
      await invite(n.id, '2026-01-01T00:00:00.000Z');
      await invite(other.id, '2030-01-01T00:00:00.000Z');
      expect(await s().markOrganiserInviteUsed(used.id, ada.id, '2026-06-01T00:00:00.000Z')).toBe(true);
      expect((await s().listPendingOrganiserInvites(n.id, '2026-06-01T00:00:00.000Z')).map((i) => i.id)).toEqual([mailed.id, handed.id]);

      expect(await s().revokeOrganiserInvite(mailed.id, '2026-06-02T00:00:00.000Z')).toBe(true);
      expect(await s().revokeOrganiserInvite(mailed.id, '2026-06-03T00:00:00.000Z')).toBe(false);
      expect(await s().revokeOrganiserInvite(used.id, '2026-06-03T00:00:00.000Z')).toBe(false);
      expect(await s().getOrganiserInvite(mailed.id)).toEqual({ ...mailed, revokedAt: '2026-06-02T00:00:00.000Z' });
      expect(await s().getOrganiserInvite('nope')).toBeNull();
      // A revoked link cannot be used any more.
      expect(await s().markOrganiserInviteUsed(mailed.id, ada.id, '2026-06-04T00:00:00.000Z')).toBe(false);
      expect((await s().listPendingOrganiserInvites(n.id, '2026-06-05T00:00:00.000Z')).map((i) => i.id)).toEqual([handed.id]);
    });

    it("deletes a reference set of its own network only", async () => {
      const ada = await user(s(), 'Ada');
      const n = await s().createNetwork({ id: uid('net'), name: 'Leaders' });
      const other = await s().createNetwork({ id: uid('net'), name: 'Elsewhere' });
      const set = (networkId: string, year: number) =>
        s().createReferenceSet({ id: uid('ref'), networkId, source: 'Study', year, currency: 'EUR', values: [{ kpiKey: 'gross_margin_pct', q1: 1, median: 2, q3: 3 }], createdBy: ada.id });
      const a = await set(n.id, 2024);
      const b = await set(n.id, 2025);
      expect(await s().deleteReferenceSet(other.id, a.id)).toBe(false);
      expect(await s().deleteReferenceSet(n.id, a.id)).toBe(true);
      expect(await s().deleteReferenceSet(n.id, a.id)).toBe(false);
      expect((await s().listReferenceSets(n.id)).map((r) => r.id)).toEqual([b.id]);
    });
  
    async function fixture() {
      const { network, group: g } = await group(s());
      const ann = await member(s(), g.id, 'member', 'Ann', 'Ann IT');
      const m = newMeeting(g.id);
      await s().createMeeting(m, meetingState(m.id, ann.id));
      const resource = await s().createResource({ id: uid('res'), groupId: g.id, meetingId: m.id, itemId: 'a1', title: 'Onboarding checklist', kind: 'link', url: 'https://example.com/c', fileName: null, contentType: null, sharedBy: ann.id, data: null });
      return { network, g, ann, resource };
    }
    const entry = (f: Awaited<ReturnType<typeof fixture>>, createdAt: string, over: Partial<LibraryEntry> = {}): Omit<LibraryEntry, 'updatedAt'> => ({
      id: uid('lib'),
      networkId: f.network.id,
      groupId: f.g.id,
      resourceId: f.resource.id,
      title: 'Onboarding checklist',
      summary: 'What we hand a new hire on day one',
      tags: ['hr', 'onboarding'],
      authorId: f.ann.id,
      showAuthor: true,
      status: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      publishedAt: null,
      createdAt,
      ...over,
    });

    it('stores a proposal as written and lists it by group, network, resource and status', async () => {
      const f = await fixture();
      const a = await s().createLibraryEntry(entry(f, '2026-09-01T10:00:00.000Z'));
      const b = await s().createLibraryEntry(entry(f, '2026-09-02T10:00:00.000Z', { showAuthor: false, tags: [] }));
      expect(await s().getLibraryEntry(a.id)).toEqual({ ...a, updatedAt: '2026-09-01T10:00:00.000Z' });
      expect(await s().getLibraryEntry('nope')).toBeNull();
      expect((await s().listLibraryEntries({ groupId: f.g.id })).map((e) => e.id)).toEqual([b.id, a.id]);
      expect((await s().listLibraryEntries({ networkId: f.network.id, statuses: ['published'] }))).toEqual([]);
      expect((await s().listLibraryEntries({ resourceId: f.resource.id, statuses: ['pending'] })).map((e) => e.id)).toEqual([b.id, a.id]);
      expect((await s().getLibraryEntry(b.id))?.showAuthor).toBe(false);
    });

    it('changes status only from the statuses given, stamping the decision and the publication', async () => {
      const f = await fixture();
      const coach = await member(s(), f.g.id, 'coach', 'Cora');
      const a = await s().createLibraryEntry(entry(f, '2026-09-01T10:00:00.000Z'));
      const at = '2026-09-03T10:00:00.000Z';
      const published = await s().transitionLibraryEntry(a.id, { from: ['pending'], to: 'published', at, decidedBy: coach.id });
      expect(published).toMatchObject({ status: 'published', publishedAt: at, decidedBy: coach.id, decidedAt: at, updatedAt: at, reason: null });
      // A second approval (or a rejection) finds it no longer pending: nothing written.
      expect(await s().transitionLibraryEntry(a.id, { from: ['pending'], to: 'rejected', at: '2026-09-04T10:00:00.000Z', decidedBy: coach.id, reason: 'No' })).toBeNull();
      expect((await s().getLibraryEntry(a.id))?.status).toBe('published');
      expect((await s().listLibraryEntries({ networkId: f.network.id, statuses: ['published'] })).map((e) => e.id)).toEqual([a.id]);
      const withdrawn = await s().transitionLibraryEntry(a.id, { from: ['pending', 'published'], to: 'withdrawn', at: '2026-09-05T10:00:00.000Z' });
      expect(withdrawn).toMatchObject({ status: 'withdrawn', decidedBy: coach.id, publishedAt: at });
      const b = await s().createLibraryEntry(entry(f, '2026-09-06T10:00:00.000Z'));
      expect(await s().transitionLibraryEntry(b.id, { from: ['pending'], to: 'rejected', at, decidedBy: coach.id, reason: 'Too specific to us' })).toMatchObject({ status: 'rejected', reason: 'Too specific to us' });
    });

    it('removing the resource from the group removes its entries (and their votes)', async () => {
      const f = await fixture();
      const a = await s().createLibraryEntry(entry(f, '2026-09-01T10:00:00.000Z', { status: 'published', publishedAt: '2026-09-01T10:00:00.000Z' }));
      const c = await s().createCompetition({ id: uid('comp'), networkId: f.network.id, title: 'Best of 2026', startsAt: '2026-09-01T00:00:00.000Z', endsAt: '2026-10-01T00:00:00.000Z', createdBy: f.ann.id });
      await s().castVote(c.id, f.ann.id, a.id, '2026-09-02T00:00:00.000Z');
      expect(await s().deleteResource(f.resource.id)).toBe(true);
      expect(await s().getLibraryEntry(a.id)).toBeNull();
      expect(await s().listBallots(c.id)).toEqual([]);
    });

    it('keeps one vote per person and competition, the latest one; lists competitions latest end first', async () => {
      const f = await fixture();
      const bob = await member(s(), f.g.id, 'member', 'Bob');
      const pub = { status: 'published' as const, publishedAt: '2026-09-01T10:00:00.000Z' };
      const a = await s().createLibraryEntry(entry(f, '2026-09-01T10:00:00.000Z', pub));
      const b = await s().createLibraryEntry(entry(f, '2026-09-01T11:00:00.000Z', pub));
      const comp = (endsAt: string) => s().createCompetition({ id: uid('comp'), networkId: f.network.id, title: 'Best practice', startsAt: '2026-09-01T00:00:00.000Z', endsAt, createdBy: f.ann.id });
      const early = await comp('2026-10-01T00:00:00.000Z');
      const late = await comp('2026-12-01T00:00:00.000Z');
      expect(await s().getCompetition(early.id)).toEqual(early);
      expect(await s().getCompetition('nope')).toBeNull();
      expect((await s().listCompetitions(f.network.id)).map((c) => c.id)).toEqual([late.id, early.id]);
      await s().castVote(early.id, f.ann.id, a.id, '2026-09-02T00:00:00.000Z');
      await s().castVote(early.id, f.ann.id, b.id, '2026-09-03T00:00:00.000Z');
      await s().castVote(early.id, bob.id, b.id, '2026-09-03T00:00:00.000Z');
      await s().castVote(late.id, bob.id, a.id, '2026-09-03T00:00:00.000Z');
      const ballots = await s().listBallots(early.id);
      expect(ballots).toHaveLength(2);
      expect(ballots).toEqual(expect.arrayContaining([{ userId: f.ann.id, entryId: b.id }, { userId: bob.id, entryId: b.id }]));
      expect(await s().listBallots(late.id)).toEqual([{ userId: bob.id, entryId: a.id }]);
    });
  });
}
