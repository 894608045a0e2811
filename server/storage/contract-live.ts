// Storage contract, part two: meetings and their live state, transactions, and the Yjs
// document log. Registered by runStorageContract in contract.ts.
import { describe, expect, it } from 'vitest';
import { bytes, group, meetingState, newMeeting, sleep, uid, user } from './contract-fixtures.ts';
import type { DocMerge, Storage } from './types.ts';

/** A stand-in for the Yjs merge: bytes in order, so a lost or doubled update shows. */
const concat: DocMerge = (snapshot, updates) => Uint8Array.from([...(snapshot ?? []), ...updates.flatMap((u) => Array.from(u))]);

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

export function docContract(s: () => Storage): void {
  describe('document log', () => {
    it('is empty for an unknown document', async () => {
      expect(await s().loadDoc('never')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('appends updates with increasing sequence numbers per document and loads them in order', async () => {
      expect(await s().appendDocUpdate('doc-a', bytes(1))).toBe(1);
      expect(await s().appendDocUpdate('doc-b', bytes(9))).toBe(1);
      expect(await s().appendDocUpdate('doc-a', bytes(2))).toBe(2);
      expect(await s().appendDocUpdates('doc-a', [bytes(3), bytes(4, 4)])).toBe(4);
      expect(await s().appendDocUpdates('doc-a', [])).toBe(4);
      const doc = await s().loadDoc('doc-a');
      expect(doc.snapshot).toBeNull();
      expect(doc.updates.map((u) => Array.from(u))).toEqual([[1], [2], [3], [4, 4]]);
      expect(doc.lastSeq).toBe(4);
      expect((await s().loadDoc('doc-b')).updates).toEqual([bytes(9)]);
    });

    it('appends to several documents in one batch, answering each entry its last seq in the order given', async () => {
      await s().appendDocUpdate('batch-b', bytes(1));
      const lasts = await s().appendDocBatch([
        { docName: 'batch-c', updates: [bytes(1), bytes(2)] },
        { docName: 'batch-b', updates: [bytes(2)] },
        { docName: 'batch-a', updates: [] },
      ]);
      expect(lasts).toEqual([2, 2, 0]);
      expect((await s().loadDoc('batch-c')).updates.map((u) => Array.from(u))).toEqual([[1], [2]]);
      expect((await s().loadDoc('batch-b')).updates.map((u) => Array.from(u))).toEqual([[1], [2]]);
      expect(await s().appendDocBatch([])).toEqual([]);
      // Two batches naming the same docs in opposite orders, at once (two nodes): both commit.
      const [one, two] = await Promise.all([
        s().appendDocBatch([{ docName: 'batch-x', updates: [bytes(1)] }, { docName: 'batch-y', updates: [bytes(1)] }]),
        s().appendDocBatch([{ docName: 'batch-y', updates: [bytes(2)] }, { docName: 'batch-x', updates: [bytes(2)] }]),
      ]);
      expect([one![0], two![1]].sort()).toEqual([1, 2]);
      expect((await s().loadDoc('batch-x')).lastSeq).toBe(2);
      expect((await s().loadDoc('batch-y')).lastSeq).toBe(2);
    });

    it('gives concurrent appends distinct sequence numbers and loses none', async () => {
      const seqs = await Promise.all(Array.from({ length: 20 }, (_, i) => s().appendDocUpdate('busy', bytes(i))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const { updates, lastSeq } = await s().loadDoc('busy');
      expect(lastSeq).toBe(20);
      // Loaded in seq order: update i is the one whose append returned seq i.
      expect(updates.map((u) => u[0])).toEqual(Array.from({ length: 20 }, (_, seq) => seqs.indexOf(seq + 1)));
    });

    it('compacts from storage: snapshot and log merged, exactly the merged updates deleted, seq continues', async () => {
      await s().appendDocUpdates('doc', [bytes(1), bytes(2), bytes(3)]);
      const seen: [number[] | null, number[][]][] = [];
      const recording: DocMerge = (snap, ups) => (seen.push([snap && Array.from(snap), ups.map((u) => Array.from(u))]), concat(snap, ups));
      expect(await s().compactDoc('doc', recording)).toEqual({ uptoSeq: 3, merged: 3 });
      expect(await s().loadDoc('doc')).toEqual({ snapshot: bytes(1, 2, 3), updates: [], lastSeq: 3 });
      expect(await s().appendDocUpdate('doc', bytes(4))).toBe(4);
      expect(await s().loadDoc('doc')).toEqual({ snapshot: bytes(1, 2, 3), updates: [bytes(4)], lastSeq: 4 });
      expect(await s().compactDoc('doc', recording)).toEqual({ uptoSeq: 4, merged: 1 });
      expect(await s().compactDoc('doc', recording)).toEqual({ uptoSeq: 4, merged: 0 }); // nothing new: merge not called
      expect(seen).toEqual([
        [null, [[1], [2], [3]]],
        [[1, 2, 3], [[4]]],
      ]);
      expect(await s().loadDoc('doc')).toEqual({ snapshot: bytes(1, 2, 3, 4), updates: [], lastSeq: 4 });
    });

    it('reads only what a reader lacks: updates after a seq, the snapshot only if it covers more', async () => {
      await s().appendDocUpdates('doc', [bytes(1), bytes(2), bytes(3)]);
      expect(await s().loadDoc('doc', 1)).toEqual({ snapshot: null, updates: [bytes(2), bytes(3)], lastSeq: 3 });
      expect(await s().loadDoc('doc', 3)).toEqual({ snapshot: null, updates: [], lastSeq: 3 });
      await s().compactDoc('doc', concat);
      await s().appendDocUpdate('doc', bytes(4));
      expect(await s().loadDoc('doc', 1)).toEqual({ snapshot: bytes(1, 2, 3), updates: [bytes(4)], lastSeq: 4 });
      expect(await s().loadDoc('doc', 3)).toEqual({ snapshot: null, updates: [bytes(4)], lastSeq: 4 });
      expect(await s().loadDoc('doc', 4)).toEqual({ snapshot: null, updates: [], lastSeq: 4 });
    });

    it('two compactors at once, with appends going on, lose and duplicate nothing', async () => {
      const appended: number[] = [];
      const appends = (async () => {
        for (let i = 1; i <= 40; i++) {
          await s().appendDocUpdate('busy', bytes(i));
          appended.push(i);
        }
      })();
      const compactor = async () => {
        for (let round = 0; round < 6; round++) {
          await s().compactDoc('busy', concat);
          await sleep(5);
        }
      };
      await Promise.all([appends, compactor(), compactor()]);
      await Promise.all([s().compactDoc('busy', concat), s().compactDoc('busy', concat)]);
      const { snapshot, updates, lastSeq } = await s().loadDoc('busy');
      expect(lastSeq).toBe(40);
      expect(Array.from(concat(snapshot, updates))).toEqual(appended);
    });

    it('compacts atomically: a failing merge or a rollback keeps the old log', async () => {
      await s().appendDocUpdates('doc', [bytes(1), bytes(2)]);
      await expect(
        s().compactDoc('doc', () => {
          throw new Error('undecodable snapshot');
        }),
      ).rejects.toThrow('undecodable snapshot');
      const failing = s().transaction(async (tx) => {
        await tx.compactDoc('doc', concat);
        throw new Error('crash mid-way');
      });
      await expect(failing).rejects.toThrow('crash mid-way');
      expect(await s().loadDoc('doc')).toEqual({ snapshot: null, updates: [bytes(1), bytes(2)], lastSeq: 2 });
    });

    it('round-trips a large update', async () => {
      const big = new Uint8Array(1_000_000).map((_, i) => (i * 31) % 251);
      await s().appendDocUpdate('big', big);
      const [loaded] = (await s().loadDoc('big')).updates;
      expect(loaded).toHaveLength(big.length);
      expect(Buffer.from(loaded!).equals(big)).toBe(true); // byte compare; toEqual walks 1M elements
    });

    it('lists document names by literal, case-sensitive prefix', async () => {
      const names = ['meeting:m1:notes', 'meeting:m1:goals', 'meeting:m10:notes', 'meeting:m2:notes', 'Meeting:m1:x', 'a%b:1', 'axb:1', 'a_c:1', 'abc:1', '📄ü:1', '📄u:1'];
      for (const n of names) await s().appendDocUpdate(n, bytes(1));
      await s().appendDocUpdate('meeting:m1:snapshot-only', bytes(0));
      await s().compactDoc('meeting:m1:snapshot-only', concat);
      expect(await s().listDocNames('meeting:m1:')).toEqual(['meeting:m1:goals', 'meeting:m1:notes', 'meeting:m1:snapshot-only']);
      expect(await s().listDocNames('a%')).toEqual(['a%b:1']);
      expect(await s().listDocNames('a_')).toEqual(['a_c:1']);
      expect(await s().listDocNames('📄ü')).toEqual(['📄ü:1']); // prefix length in characters, not UTF-16 units
      expect(await s().listDocNames('nothing')).toEqual([]);
      expect(await s().listDocNames('')).toHaveLength(names.length + 1);
    });
  });
}
