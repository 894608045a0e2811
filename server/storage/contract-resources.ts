// Storage contract, resource library: links and files shared at meetings, bytes kept exact.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { group, meetingState, member, newMeeting, uid } from './contract-fixtures.ts';
import type { NewResource, Storage } from './types.ts';

const isIso = (t: string): boolean => new Date(t).toISOString() === t;

async function fixture(s: Storage) {
  const { network, group: g } = await group(s);
  const ann = await member(s, g.id, 'member', 'Ann', 'Ann IT');
  const m = newMeeting(g.id);
  await s.createMeeting(m, meetingState(m.id, ann.id));
  return { network, g, ann, meetingId: m.id };
}

const link = (groupId: string, meetingId: string | null, sharedBy: string, over: Partial<NewResource> = {}): NewResource => ({
  id: uid('res'),
  groupId,
  meetingId,
  itemId: 'a1',
  title: 'Onboarding checklist',
  kind: 'link',
  url: 'https://example.com/checklist',
  fileName: null,
  contentType: null,
  sharedBy,
  data: null,
  ...over,
});

const file = (groupId: string, meetingId: string | null, sharedBy: string, data: Uint8Array, over: Partial<NewResource> = {}): NewResource =>
  link(groupId, meetingId, sharedBy, { kind: 'file', url: null, fileName: 'SLA template.docx', contentType: 'application/pdf', data, ...over });

export function runResourcesContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract, resources: ${name}`, () => {
    let s: Storage;
    beforeEach(async () => {
      s = await make();
      await s.migrate();
    });
    afterEach(async () => {
      await s.close();
    });

    it('stores a link and reads it back without bytes', async () => {
      const { g, ann, meetingId } = await fixture(s);
      const created = await s.createResource(link(g.id, meetingId, ann.id));
      expect(isIso(created.createdAt)).toBe(true);
      expect(created).toMatchObject({ kind: 'link', url: 'https://example.com/checklist', size: null, fileName: null });
      expect(created).not.toHaveProperty('data');
      expect(await s.getResource(created.id)).toEqual(created);
      expect(await s.getResourceFile(created.id)).toBeNull();
      expect(await s.getResource('nope')).toBeNull();
    });

    it('keeps a createdAt it is given, and lists by it', async () => {
      const { g, ann, meetingId } = await fixture(s);
      const old = await s.createResource(link(g.id, meetingId, ann.id, { createdAt: '2025-11-20T10:30:00.000Z' }));
      const fresh = await s.createResource(link(g.id, meetingId, ann.id));
      expect(old.createdAt).toBe('2025-11-20T10:30:00.000Z');
      expect((await s.getResource(old.id))?.createdAt).toBe('2025-11-20T10:30:00.000Z');
      expect((await s.listResources(g.id)).map((r) => r.id)).toEqual([fresh.id, old.id]);
    });

    it('keeps a file’s bytes exact (zero bytes, high bytes) and its size', async () => {
      const { g, ann, meetingId } = await fixture(s);
      const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
      bytes[0] = 0;
      bytes[1] = 255;
      const created = await s.createResource(file(g.id, meetingId, ann.id, bytes));
      expect(created.size).toBe(70_000);
      const stored = await s.getResourceFile(created.id);
      expect(stored?.resource).toEqual(created);
      expect(stored?.data).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(stored!.data).equals(Buffer.from(bytes))).toBe(true);
    });

    it('lists a group’s library newest first, by meeting on request, and only that group’s', async () => {
      const { network, g, ann, meetingId } = await fixture(s);
      const { group: other } = await group(s, { network, name: 'Other' });
      const first = await s.createResource(link(g.id, meetingId, ann.id, { title: 'First' }));
      await new Promise((r) => setTimeout(r, 5));
      const second = await s.createResource(link(g.id, null, ann.id, { title: 'Second' }));
      await s.createResource(link(other.id, null, ann.id));
      expect((await s.listResources(g.id)).map((r) => r.id)).toEqual([second.id, first.id]);
      expect((await s.listResources(g.id, { meetingId })).map((r) => r.id)).toEqual([first.id]);
      expect(await s.listResources('nope')).toEqual([]);
    });

    it('deletes a resource with its bytes', async () => {
      const { g, ann, meetingId } = await fixture(s);
      const created = await s.createResource(file(g.id, meetingId, ann.id, new Uint8Array([1, 2, 3])));
      expect(await s.deleteResource(created.id)).toBe(true);
      expect(await s.deleteResource(created.id)).toBe(false);
      expect(await s.getResource(created.id)).toBeNull();
      expect(await s.getResourceFile(created.id)).toBeNull();
    });

    it('writes row and bytes together or not at all, and rolls back with a transaction', async () => {
      const { g, ann, meetingId } = await fixture(s);
      // A second resource with the same id fails on the row; nothing of it may remain.
      const one = await s.createResource(link(g.id, meetingId, ann.id));
      await expect(s.createResource(file(g.id, meetingId, ann.id, new Uint8Array([9]), { id: one.id }))).rejects.toThrow();
      expect(await s.getResourceFile(one.id)).toBeNull();
      const failed = s.transaction(async (tx) => {
        await tx.createResource(file(g.id, meetingId, ann.id, new Uint8Array([7]), { id: 'rolled-back' }));
        throw new Error('abort');
      });
      await expect(failed).rejects.toThrow('abort');
      expect(await s.getResource('rolled-back')).toBeNull();
    });

    it('refuses a file without a name or a link without a url (schema check)', async () => {
      const { g, ann } = await fixture(s);
      await expect(s.createResource(link(g.id, null, ann.id, { url: null }))).rejects.toThrow();
      await expect(s.createResource(file(g.id, null, ann.id, new Uint8Array([1]), { fileName: null }))).rejects.toThrow();
      expect(await s.listResources(g.id)).toEqual([]);
    });
  });
}
