// Storage contract, the next meeting scheduled at a closing: one link per meeting, the first
// writer wins a race, and the link goes with its meeting.
// Registered by sqlite.integration.test.ts and postgres.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { freshStorage, group, meetingState, member, newMeeting, uid } from './contract-fixtures.ts';
import type { Storage } from './types.ts';

export function runNextMeetingContract(name: string, make: () => Promise<Storage>): void {
  describe(`storage contract, next meeting: ${name}`, () => {
    const storage = freshStorage(make);

    it('links a meeting to its next once; a second reservation returns the first, others are apart', async () => {
      const s = storage();
      const { group: g } = await group(s);
      const coach = await member(s, g.id, 'coach', 'Cora');
      const [a, b] = [newMeeting(g.id), newMeeting(g.id)];
      for (const m of [a, b]) await s.createMeeting(m, meetingState(m.id, coach.id));
      expect(await s.getNextMeetingId(a.id)).toBeNull();
      const first = uid('next');
      expect(await s.reserveNextMeeting(a.id, first)).toBe(first);
      expect(await s.reserveNextMeeting(a.id, uid('next'))).toBe(first);
      expect(await s.getNextMeetingId(a.id)).toBe(first);
      expect(await s.getNextMeetingId(b.id)).toBeNull();
    });

    it('of racing reservations exactly one wins and all read it', async () => {
      const s = storage();
      const { group: g } = await group(s);
      const coach = await member(s, g.id, 'coach', 'Cora');
      const m = newMeeting(g.id);
      await s.createMeeting(m, meetingState(m.id, coach.id));
      const candidates = Array.from({ length: 6 }, () => uid('next'));
      const answers = await Promise.all(candidates.map((c) => s.reserveNextMeeting(m.id, c)));
      expect(new Set(answers).size).toBe(1);
      expect(candidates).toContain(answers[0]);
      expect(await s.getNextMeetingId(m.id)).toBe(answers[0]);
    });
  });
}
