// Storage contract for the group's parking lot: items, their status changes and history.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import type { ParkingEvent, ParkingItem } from '../../shared/parking.ts';
import { freshStorage, group, meetingState, member, newMeeting, uid } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runParkingContract(name: string, make: () => Promise<Storage>): void {
  describe(`parking lot storage contract: ${name}`, () => {
    const s = freshStorage(make);

    async function fixture() {
      const { network, group: g } = await group(s());
      const ann = await member(s(), g.id, 'member', 'Ann', 'Ann IT');
      const m = newMeeting(g.id);
      await s().createMeeting(m, meetingState(m.id, ann.id));
      return { network, g, ann, m };
    }

    const item = (groupId: string, by: string, createdAt: string, over: Partial<ParkingItem> = {}): ParkingItem => ({
      id: uid('park'),
      groupId,
      kind: 'parked',
      title: 'Succession plan',
      detail: 'Who runs the plant in five years',
      status: 'open',
      createdBy: by,
      sourceMeetingId: null,
      sourceItemId: null,
      scheduledMeetingId: null,
      history: [{ at: createdAt, by, action: 'added', meetingId: null, note: '' }],
      createdAt,
      updatedAt: createdAt,
      ...over,
    });

    it('adds an item and reads it back as written; an unknown id is null', async () => {
      const { g, ann, m } = await fixture();
      const i = item(g.id, ann.id, '2026-09-01T10:00:00.000Z', { kind: 'need', sourceMeetingId: m.id, sourceItemId: 'a1' });
      expect(await s().createParkingItem(i)).toBe(true);
      expect(await s().getParkingItem(i.id)).toEqual(i);
      expect(await s().getParkingItem('nope')).toBeNull();
    });

    it('writes an item with the same origin key once', async () => {
      const { g, ann } = await fixture();
      const originKey = `topic:${uid('m')}:t1`;
      const first = item(g.id, ann.id, '2026-09-01T10:00:00.000Z', { kind: 'proposal' });
      expect(await s().createParkingItem({ ...first, originKey })).toBe(true);
      expect(await s().createParkingItem({ ...item(g.id, ann.id, '2026-09-02T10:00:00.000Z'), originKey })).toBe(false);
      expect((await s().listParkingItems(g.id)).map((i) => i.id)).toEqual([first.id]);
    });

    it('lists a group’s items oldest first, filtered by status when asked, never another group’s', async () => {
      const { network, g, ann } = await fixture();
      const { group: other } = await group(s(), { network, name: 'CEO Group 8' });
      const bob = await member(s(), other.id, 'member', 'Bob', 'Bob Networks');
      const late = item(g.id, ann.id, '2026-09-03T10:00:00.000Z');
      const early = item(g.id, ann.id, '2026-09-01T10:00:00.000Z', { status: 'resolved' });
      const middle = item(g.id, ann.id, '2026-09-02T10:00:00.000Z', { kind: 'lead' });
      const theirs = item(other.id, bob.id, '2026-09-01T09:00:00.000Z');
      for (const i of [late, theirs, early, middle]) expect(await s().createParkingItem(i)).toBe(true);
      expect((await s().listParkingItems(g.id)).map((i) => i.id)).toEqual([early.id, middle.id, late.id]);
      expect((await s().listParkingItems(g.id, ['open'])).map((i) => i.id)).toEqual([middle.id, late.id]);
      expect((await s().listParkingItems(g.id, ['resolved', 'dropped'])).map((i) => i.id)).toEqual([early.id]);
      expect((await s().listParkingItems(other.id)).map((i) => i.id)).toEqual([theirs.id]);
      expect(await s().listParkingItems(uid('group'))).toEqual([]);
    });

    it('schedules, resolves, drops and reopens an item, keeping its history and stamping updatedAt', async () => {
      const { g, ann, m } = await fixture();
      const i = item(g.id, ann.id, '2026-09-01T10:00:00.000Z');
      await s().createParkingItem(i);
      const event = (action: ParkingEvent['action'], meetingId: string | null = null): ParkingEvent => ({
        at: '2026-09-05T10:00:00.000Z',
        by: ann.id,
        action,
        meetingId,
        note: action,
      });
      let history = [...i.history, event('scheduled', m.id)];
      const scheduled = await s().updateParkingItem(i.id, { status: 'scheduled', scheduledMeetingId: m.id, history });
      expect(scheduled).toMatchObject({ status: 'scheduled', scheduledMeetingId: m.id, history, createdAt: i.createdAt, title: i.title });
      expect(scheduled!.updatedAt > i.updatedAt).toBe(true);
      expect(new Date(scheduled!.updatedAt).toISOString()).toBe(scheduled!.updatedAt);

      for (const [status, action] of [['resolved', 'resolved'], ['open', 'reopened'], ['dropped', 'dropped']] as const) {
        history = [...history, event(action)];
        const changed = await s().updateParkingItem(i.id, { status, scheduledMeetingId: null, history });
        expect(changed).toMatchObject({ status, scheduledMeetingId: null, history });
        expect(await s().getParkingItem(i.id)).toEqual(changed);
      }
      expect((await s().getParkingItem(i.id))!.history.map((e) => e.action)).toEqual(['added', 'scheduled', 'resolved', 'reopened', 'dropped']);
      expect(await s().listParkingItems(g.id, ['dropped'])).toHaveLength(1);
    });

    it('a patch changes only what it names; an unknown id is null', async () => {
      const { g, ann, m } = await fixture();
      const i = item(g.id, ann.id, '2026-09-01T10:00:00.000Z', { status: 'scheduled', scheduledMeetingId: m.id });
      await s().createParkingItem(i);
      const changed = await s().updateParkingItem(i.id, { status: 'resolved' });
      expect(changed).toMatchObject({ status: 'resolved', scheduledMeetingId: m.id, history: i.history });
      expect(await s().updateParkingItem('nope', { status: 'dropped' })).toBeNull();
    });
  });
}
