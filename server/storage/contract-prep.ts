// Storage contract for preparation between meetings: update prompts and pre-meeting updates.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { group, meetingState, member, newMeeting, freshStorage } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

const isIso = (t: string): boolean => new Date(t).toISOString() === t;

export function runPrepContract(name: string, make: () => Promise<Storage>): void {
  describe(`preparation storage contract: ${name}`, () => {
    const s = freshStorage(make);

    async function fixture() {
      const { network, group: g } = await group(s());
      const ann = await member(s(), g.id, 'member', 'Ann', 'Ann IT');
      const bob = await member(s(), g.id, 'member', 'Bob', 'Bob Networks');
      const m = newMeeting(g.id);
      await s().createMeeting(m, meetingState(m.id, ann.id));
      return { network, g, ann, bob, m };
    }

    it('keeps a group’s own prompts, in order, and null goes back to the defaults', async () => {
      const { g } = await fixture();
      expect(await s().getUpdatePrompts(g.id)).toBeNull();
      const prompts = [{ key: 'win', label: 'A win' }, { key: 'ask', label: 'My ask' }];
      await s().setUpdatePrompts(g.id, prompts);
      expect(await s().getUpdatePrompts(g.id)).toEqual(prompts);
      await s().setUpdatePrompts(g.id, [{ key: 'win', label: 'Biggest win' }]);
      expect(await s().getUpdatePrompts(g.id)).toEqual([{ key: 'win', label: 'Biggest win' }]);
      await s().setUpdatePrompts(g.id, null);
      expect(await s().getUpdatePrompts(g.id)).toBeNull();
    });

    it('stores one update per member and meeting; writing again replaces it', async () => {
      const { g, ann, bob, m } = await fixture();
      const other = newMeeting(g.id, '2027-01-01T08:00:00.000Z');
      await s().createMeeting(other, meetingState(other.id, ann.id));
      const answers = [{ key: 'best', label: 'Best since last time', text: 'Two new clients' }];
      const first = await s().putMemberUpdate({ meetingId: m.id, groupId: g.id, userId: ann.id, answers });
      expect(isIso(first.updatedAt)).toBe(true);
      await s().putMemberUpdate({ meetingId: m.id, groupId: g.id, userId: bob.id, answers, updatedAt: '2026-09-20T10:00:00.000Z' });
      await s().putMemberUpdate({ meetingId: other.id, groupId: g.id, userId: ann.id, answers });
      const again = await s().putMemberUpdate({ meetingId: m.id, groupId: g.id, userId: ann.id, answers: [{ ...answers[0]!, text: 'Three new clients' }] });
      const listed = await s().listMemberUpdates(m.id);
      expect(listed.map((u) => u.userId)).toEqual([ann.id, bob.id].sort());
      expect(listed.find((u) => u.userId === ann.id)).toEqual(again);
      expect(listed.find((u) => u.userId === bob.id)?.updatedAt).toBe('2026-09-20T10:00:00.000Z');
      expect(await s().listMemberUpdates('nope')).toEqual([]);
    });

    it('stores one RSVP per member and meeting, and the group’s attendance rule', async () => {
      const { g, ann, bob, m } = await fixture();
      await s().putRsvp({ meetingId: m.id, groupId: g.id, userId: ann.id, response: 'room', reason: '' });
      const excused = await s().putRsvp({ meetingId: m.id, groupId: g.id, userId: ann.id, response: 'excused', reason: 'Surgery' });
      await s().putRsvp({ meetingId: m.id, groupId: g.id, userId: bob.id, response: 'remote', reason: '' });
      const listed = await s().listRsvps(m.id);
      expect(listed.find((r) => r.userId === ann.id)).toEqual(excused);
      expect(listed).toHaveLength(2);
      expect(await s().getAttendanceRule(g.id)).toBeNull();
      const rule = { maxMissed: 1, windowMonths: 6, lateAfterMin: 10, excusedCounts: true };
      await s().setAttendanceRule(g.id, rule);
      expect(await s().getAttendanceRule(g.id)).toEqual(rule);
      await s().setAttendanceRule(g.id, { ...rule, excusedCounts: false });
      expect((await s().getAttendanceRule(g.id))?.excusedCounts).toBe(false);
      await s().setAttendanceRule(g.id, null);
      expect(await s().getAttendanceRule(g.id)).toBeNull();
    });
  });
}
