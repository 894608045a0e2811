// Storage contract, part two: meetings and their live state, and transactions. Registered by
// runStorageContract in contract.ts.
import { describe, expect, it } from 'vitest';
import { bytes, group, meetingState, newMeeting, sleep, uid, user } from './contract-fixtures.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { Storage } from './types.ts';

async function meetingFixture(s: Storage) {
  const { group: g } = await group(s);
  const facilitator = await user(s);
  const m = newMeeting(g.id);
  const meeting = await s.createMeeting(m, meetingState(m.id, facilitator.id));
  return { g, facilitator, meeting };
}

export function meetingContract(s: () => Storage): void {
  describe('meetings', () => {
    it('creates a meeting together with its initial state', async () => {
      const { group: g } = await group(s());
      const m = newMeeting(g.id);
      const state = meetingState(m.id, 'fac', 0, 'scheduled');
      const meeting = await s().createMeeting(m, state);
      expect(meeting).toEqual({ ...m, status: 'scheduled', createdAt: meeting.createdAt, recapFinalAt: null });
      expect(await s().getMeeting(m.id)).toEqual(meeting);
      expect(await s().getMeetingState(m.id)).toEqual(state);
    });

    it('stores a meeting\'s days and replaces them on patch', async () => {
      const { group: g } = await group(s());
      const days = [{ date: '2026-10-24', start: '09:00', end: '17:00' }, { date: '2026-10-26', start: '08:30', end: '15:15' }];
      const m = { ...newMeeting(g.id), days };
      const meeting = await s().createMeeting(m, meetingState(m.id, 'fac'));
      expect((await s().getMeeting(m.id))?.days).toEqual(days);
      const moved = [{ date: '2026-11-05', start: '10:00', end: '18:00' }];
      expect(await s().updateMeeting(m.id, { days: moved, startsAt: '2026-11-05T09:00:00.000Z' })).toEqual({ ...meeting, days: moved, startsAt: '2026-11-05T09:00:00.000Z' });
      expect((await s().listMeetings(g.id)).map((x) => x.days)).toEqual([moved]);
    });

    it('writes neither row when the meeting cannot be created', async () => {
      const m = newMeeting('no-such-group');
      await expect(s().createMeeting(m, meetingState(m.id, 'fac'))).rejects.toThrow();
      expect(await s().getMeeting(m.id)).toBeNull();
      expect(await s().getMeetingState(m.id)).toBeNull();
    });

    it('returns null for unknown meetings and states', async () => {
      expect(await s().getMeeting('nope')).toBeNull();
      expect(await s().getMeetingState('nope')).toBeNull();
      expect(await s().updateMeeting('nope', { title: 'x' })).toBeNull();
    });

    it('updates only the patched fields, including clearing nullable ones', async () => {
      const { meeting } = await meetingFixture(s());
      const patched = await s().updateMeeting(meeting.id, { title: 'Q4 retreat', location: null, onlineUrl: 'https://meet.example/q4' });
      expect(patched).toEqual({ ...meeting, title: 'Q4 retreat', location: null, onlineUrl: 'https://meet.example/q4' });
      expect(await s().updateMeeting(meeting.id, { status: 'ended' })).toEqual({ ...patched, status: 'ended' });
      const final = '2026-12-02T10:00:00.000Z';
      expect(await s().updateMeeting(meeting.id, { recapFinalAt: final })).toEqual({ ...patched, status: 'ended', recapFinalAt: final });
      expect((await s().getMeeting(meeting.id))?.recapFinalAt).toBe(final);
    });

    it('lists a group’s meetings by start time', async () => {
      const { network, group: g } = await group(s());
      const { group: other } = await group(s(), { network, name: 'Other' });
      const late = newMeeting(g.id, '2026-12-01T08:00:00.000Z');
      const early = newMeeting(g.id, '2026-03-01T08:00:00.000Z');
      for (const m of [late, early, newMeeting(other.id)]) await s().createMeeting(m, meetingState(m.id, 'fac'));
      expect((await s().listMeetings(g.id)).map((m) => m.id)).toEqual([early.id, late.id]);
    });

    it('stores a state only over the version it was applied to, mirroring its status', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      const v1 = meetingState(meeting.id, facilitator.id, 1, 'live');
      expect(await s().saveMeetingState(meeting.id, v1, 0)).toBe(true);
      expect(await s().getMeetingState(meeting.id)).toEqual(v1);
      expect((await s().getMeeting(meeting.id))?.status).toBe('live');

      // Applied to version 0, which is no longer stored: refused even though its version is higher.
      const stale = meetingState(meeting.id, facilitator.id, 5, 'ended');
      expect(await s().saveMeetingState(meeting.id, stale, 0)).toBe(false);
      expect(await s().saveMeetingState(meeting.id, stale, 2)).toBe(false);
      expect(await s().getMeetingState(meeting.id)).toEqual(v1);
      expect((await s().getMeeting(meeting.id))?.status).toBe('live');

      // A jump of several versions (meeting.end records absentees first) is fine over the right base.
      const v4 = meetingState(meeting.id, facilitator.id, 4, 'ended');
      expect(await s().saveMeetingState(meeting.id, v4, 1)).toBe(true);
      expect(await s().getMeetingState(meeting.id)).toEqual(v4);
      expect((await s().getMeeting(meeting.id))?.status).toBe('ended');
    });

    it('mirrors the status from a save that names the previous status, whether or not it changed', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      const save = (version: number, status: 'live' | 'ended', previousStatus: 'scheduled' | 'live') =>
        s().saveMeetingStates([{ meetingId: meeting.id, state: meetingState(meeting.id, facilitator.id, version, status), expectedVersion: version - 1, previousStatus }]);
      expect(await save(1, 'live', 'scheduled')).toEqual([true]);
      expect((await s().getMeeting(meeting.id))?.status).toBe('live');
      expect(await save(2, 'live', 'live')).toEqual([true]);
      expect((await s().getMeeting(meeting.id))?.status).toBe('live');
      expect((await s().getMeetingState(meeting.id))?.version).toBe(2);
      expect(await save(3, 'ended', 'live')).toEqual([true]);
      expect((await s().getMeeting(meeting.id))?.status).toBe('ended');
    });

    it('refuses a state whose version does not follow the expected one, and an unknown meeting', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      await expect(s().saveMeetingState(meeting.id, meetingState(meeting.id, facilitator.id, 0, 'live'), 0)).rejects.toThrow();
      expect(await s().saveMeetingState('nope', meetingState('nope', facilitator.id, 1, 'live'), 0)).toBe(false);
      expect(await s().getMeetingState('nope')).toBeNull();
    });

    it('stores several meetings in one batch, each by its own compare-and-set', async () => {
      const a = await meetingFixture(s());
      const b = await meetingFixture(s());
      const c = await meetingFixture(s());
      const results = await s().saveMeetingStates([
        { meetingId: a.meeting.id, state: meetingState(a.meeting.id, a.facilitator.id, 1, 'live'), expectedVersion: 0 },
        { meetingId: b.meeting.id, state: meetingState(b.meeting.id, b.facilitator.id, 4, 'live'), expectedVersion: 3 }, // stored is 0
        { meetingId: c.meeting.id, state: meetingState(c.meeting.id, c.facilitator.id, 2, 'ended'), expectedVersion: 0 },
        { meetingId: 'nope', state: meetingState('nope', a.facilitator.id, 1, 'live'), expectedVersion: 0 },
      ]);
      expect(results).toEqual([true, false, true, false]);
      expect((await s().getMeetingState(a.meeting.id))?.version).toBe(1);
      expect((await s().getMeetingState(b.meeting.id))?.version).toBe(0);
      expect((await s().getMeeting(b.meeting.id))?.status).toBe('scheduled');
      expect((await s().getMeeting(c.meeting.id))?.status).toBe('ended');
      expect(await s().saveMeetingStates([])).toEqual([]);
      // A malformed save refuses the whole batch before anything is written.
      await expect(
        s().saveMeetingStates([
          { meetingId: a.meeting.id, state: meetingState(a.meeting.id, a.facilitator.id, 2, 'live'), expectedVersion: 1 },
          { meetingId: b.meeting.id, state: meetingState(b.meeting.id, b.facilitator.id, 0, 'live'), expectedVersion: 0 },
        ]),
      ).rejects.toThrow();
      expect((await s().getMeetingState(a.meeting.id))?.version).toBe(1);
    });

    it('writes a batch all or nothing: a statement failing halfway leaves every save unwritten', async () => {
      const a = await meetingFixture(s());
      const b = await meetingFixture(s());
      // The meetings row refuses an unknown status (CHECK), after b's state row was updated.
      const bogus = { ...meetingState(b.meeting.id, b.facilitator.id, 1, 'live'), status: 'bogus' } as unknown as MeetingState;
      await expect(
        s().saveMeetingStates([
          { meetingId: a.meeting.id, state: meetingState(a.meeting.id, a.facilitator.id, 1, 'live'), expectedVersion: 0 },
          { meetingId: b.meeting.id, state: bogus, expectedVersion: 0 },
        ]),
      ).rejects.toThrow();
      expect((await s().getMeetingState(a.meeting.id))?.version).toBe(0);
      expect((await s().getMeeting(a.meeting.id))?.status).toBe('scheduled');
      expect((await s().getMeetingState(b.meeting.id))?.version).toBe(0);
      // The connection is usable again at once.
      expect(await s().saveMeetingState(a.meeting.id, meetingState(a.meeting.id, a.facilitator.id, 1, 'live'), 0)).toBe(true);
      expect((await s().getMeeting(a.meeting.id))?.status).toBe('live');
    });

    it('saves inside a transaction with it: kept on commit, gone on rollback', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      await expect(
        s().transaction(async (tx) => {
          expect(await tx.saveMeetingState(meeting.id, meetingState(meeting.id, facilitator.id, 1, 'live'), 0)).toBe(true);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await s().getMeetingState(meeting.id))?.version).toBe(0);
      await s().transaction(async (tx) => {
        expect(await tx.saveMeetingState(meeting.id, meetingState(meeting.id, facilitator.id, 1, 'live'), 0)).toBe(true);
      });
      expect((await s().getMeetingState(meeting.id))?.version).toBe(1);
    });

    it('holds the same for the usual save, one meeting whose status stays (one statement)', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      const keep = (state: MeetingState, expectedVersion: number) => s().saveMeetingStates([{ meetingId: meeting.id, state, expectedVersion, previousStatus: 'live' }]);
      expect(await s().saveMeetingState(meeting.id, meetingState(meeting.id, facilitator.id, 1, 'live'), 0)).toBe(true);
      // A stale base is refused and changes nothing.
      expect(await keep(meetingState(meeting.id, facilitator.id, 2, 'live'), 0)).toEqual([false]);
      expect((await s().getMeetingState(meeting.id))?.version).toBe(1);
      // Of concurrent writers over one version exactly one wins.
      const writers = [1, 2, 3, 4].map((n) => ({ ...meetingState(meeting.id, facilitator.id, 2, 'live'), currentIndex: n }));
      const results = (await Promise.all(writers.map((w) => keep(w, 1)))).map(([r]) => r);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await s().getMeetingState(meeting.id)).toEqual(writers[results.indexOf(true)]);
      // Inside a transaction it rolls back with it.
      await expect(
        s().transaction(async (tx) => {
          expect(await tx.saveMeetingStates([{ meetingId: meeting.id, state: meetingState(meeting.id, facilitator.id, 3, 'live'), expectedVersion: 2, previousStatus: 'live' }])).toEqual([true]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect((await s().getMeetingState(meeting.id))?.version).toBe(2);
      expect((await s().getMeeting(meeting.id))?.status).toBe('live');
    });

    it('lets exactly one of several concurrent writers over the same version win', async () => {
      const { meeting, facilitator } = await meetingFixture(s());
      const writers = [1, 2, 3, 4, 5, 6].map((n) => ({ ...meetingState(meeting.id, facilitator.id, 1, 'live'), currentIndex: n }));
      const results = await Promise.all(writers.map((w) => s().saveMeetingState(meeting.id, w, 0)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = writers[results.indexOf(true)]!;
      expect(await s().getMeetingState(meeting.id)).toEqual(winner);
    });
  });
}

export function transactionContract(s: () => Storage): void {
  describe('transactions', () => {
    it('commits what fn wrote and returns its result', async () => {
      const result = await s().transaction(async (tx) => {
        const u = await user(tx);
        await tx.createNetwork({ id: 'net-tx', name: 'In a transaction' });
        return u;
      });
      expect(await s().getUser(result.id)).toEqual(result);
      expect(await s().getNetwork('net-tx')).not.toBeNull();
    });

    it('rolls back everything when fn throws, and rethrows', async () => {
      const { g } = await meetingFixture(s());
      const m = newMeeting(g.id);
      const failing = s().transaction(async (tx) => {
        await tx.createUser({ id: 'u-rollback', email: 'rb@example.com', name: 'RB', passwordHash: 'h' });
        await tx.createMeeting(m, meetingState(m.id, 'fac'));
        await tx.appendDocUpdate('doc-rollback', bytes(1, 2, 3));
        throw new Error('boom');
      });
      await expect(failing).rejects.toThrow('boom');
      expect(await s().getUser('u-rollback')).toBeNull();
      expect(await s().getMeeting(m.id)).toBeNull();
      expect(await s().loadDoc('doc-rollback')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
      expect(await s().listDocNames('doc-rollback')).toEqual([]);
    });

    it('keeps concurrent writers out of a transaction that later rolls back', async () => {
      let wrote!: () => void;
      const aWrote = new Promise<void>((resolve) => (wrote = resolve));
      const a = s().transaction(async (tx) => {
        await tx.createUser({ id: 'u-a', email: 'a@example.com', name: 'A', passwordHash: 'h' });
        wrote();
        await sleep(50);
        throw new Error('A fails');
      });
      await aWrote;
      const b = s().transaction(async (tx) => {
        const sawA = await tx.getUser('u-a');
        await tx.createUser({ id: 'u-b', email: 'b@example.com', name: 'B', passwordHash: 'h' });
        return sawA;
      });
      const plain = s().createUser({ id: 'u-c', email: 'c@example.com', name: 'C', passwordHash: 'h' });
      const [ra, rb, rc] = await Promise.allSettled([a, b, plain]);
      expect(ra.status).toBe('rejected');
      expect(rb).toEqual({ status: 'fulfilled', value: null }); // never saw A's uncommitted user
      expect(rc.status).toBe('fulfilled');
      expect(await s().getUser('u-a')).toBeNull();
      expect(await s().getUser('u-b')).not.toBeNull();
      expect(await s().getUser('u-c')).not.toBeNull();
    });

    it('runs two transactions touching one row one after the other', async () => {
      const { g } = await meetingFixture(s());
      const [a, b] = [await user(s()), await user(s())];
      const inv = await s().createInvite({ id: uid('inv'), tokenHash: uid('th'), groupId: g.id, role: 'member', createdBy: a.id, expiresAt: '2030-01-01T00:00:00.000Z' });
      let claimed!: () => void;
      const aClaimed = new Promise<void>((resolve) => (claimed = resolve));
      const first = s().transaction(async (tx) => {
        const ok = await tx.markInviteUsed(inv.id, a.id, '2026-01-01T00:00:00.000Z');
        claimed();
        await sleep(50);
        return ok;
      });
      await aClaimed;
      const second = s().transaction((tx) => tx.markInviteUsed(inv.id, b.id, '2026-01-01T00:00:01.000Z'));
      expect(await Promise.all([first, second])).toEqual([true, false]);
    });

    it('rolls back only a nested transaction that fails', async () => {
      await s().transaction(async (tx) => {
        await tx.createNetwork({ id: 'outer', name: 'Outer' });
        await expect(
          tx.transaction(async (inner) => {
            await inner.createNetwork({ id: 'inner', name: 'Inner' });
            await inner.createNetwork({ id: 'inner', name: 'Duplicate' }); // fails
          }),
        ).rejects.toMatchObject({ code: 'conflict' });
        await tx.createNetwork({ id: 'after', name: 'After' });
      });
      expect(await s().getNetwork('outer')).not.toBeNull();
      expect(await s().getNetwork('inner')).toBeNull();
      expect(await s().getNetwork('after')).not.toBeNull();
    });

    it('fails the whole transaction when fn swallows a failed statement', async () => {
      const done = s().transaction(async (tx) => {
        await tx.createNetwork({ id: 'kept?', name: 'No' });
        await tx.createNetwork({ id: 'kept?', name: 'Duplicate' }).catch(() => undefined);
        return 'looked fine';
      });
      await expect(done).rejects.toThrow();
      expect(await s().getNetwork('kept?')).toBeNull();
    });

    it('refuses the root handle inside fn and the tx handle after the end', async () => {
      let leaked: Storage | undefined;
      await expect(
        s().transaction(async (tx) => {
          leaked = tx;
          await s().countUsers();
        }),
      ).rejects.toThrow(/tx handle/);
      await expect(leaked!.countUsers()).rejects.toThrow(/ended/);
      expect(await s().countUsers()).toBe(0); // the root handle works again afterwards
    });
  });
}
