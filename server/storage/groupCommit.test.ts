// Group commit: writes of many rooms asked for in one tick reach storage as one batch; writes
// asked for while a batch is being written form the next one; a failed commit fails its batch.
// A write at once (tryNow) only when nothing else waits or is being written.
import { describe, expect, it } from 'vitest';
import { createMeetingState } from '../../shared/meeting/reducer.ts';
import type { MeetingStateSave } from './types.ts';
import { GroupCommit } from './groupCommit.ts';

const state = (meetingId: string, version: number) => ({ ...createMeetingState(meetingId, [], 'fac'), version });

/** A storage whose commits finish when the test says so. */
function storage() {
  const batches: MeetingStateSave[][] = [];
  const finish: ((fail?: Error) => void)[] = [];
  return {
    batches,
    finish,
    saveMeetingStates: (saves: readonly MeetingStateSave[]) =>
      new Promise<boolean[]>((resolve, reject) => {
        batches.push([...saves]);
        finish.push((fail) => (fail ? reject(fail) : resolve(saves.map((s) => s.meetingId !== 'lost'))));
      }),
  };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('commits the saves of one tick together, and those asked for meanwhile in the next batch', async () => {
    const s = storage();
    const writer = new GroupCommit((saves: MeetingStateSave[]) => s.saveMeetingStates(saves));
    const first = ['m1', 'm2', 'lost'].map((id) => writer.add({ meetingId: id, state: state(id, 1), expectedVersion: 0 }));
    await settled();
    expect(s.batches.map((b) => b.map((x) => x.meetingId))).toEqual([['m1', 'm2', 'lost']]);
    // While the first commit is open, more rooms write: they wait and go together.
    const second = ['m3', 'm4'].map((id) => writer.add({ meetingId: id, state: state(id, 1), expectedVersion: 0 }));
    await settled();
    expect(s.batches).toHaveLength(1);
    s.finish[0]!();
    expect(await Promise.all(first)).toEqual([true, true, false]);
    await settled();
    expect(s.batches.map((b) => b.map((x) => x.meetingId))).toEqual([['m1', 'm2', 'lost'], ['m3', 'm4']]);
    s.finish[1]!();
    expect(await Promise.all(second)).toEqual([true, true]);
  });

  it('a failed commit rejects every save of its batch, and the next batch still goes', async () => {
    const s = storage();
    const writer = new GroupCommit((saves: MeetingStateSave[]) => s.saveMeetingStates(saves));
    const doomed = ['m1', 'm2'].map((id) => writer.add({ meetingId: id, state: state(id, 1), expectedVersion: 0 }));
    await settled();
    s.finish[0]!(new Error('disk full'));
    for (const p of doomed) await expect(p).rejects.toThrow('disk full');
    const next = writer.add({ meetingId: 'm1', state: state('m1', 1), expectedVersion: 0 });
    await settled();
    s.finish[1]!();
    expect(await next).toBe(true);
  });

  it('tryNow commits at once while nothing waits or is being written, and declines otherwise', async () => {
    const s = storage();
    const now: MeetingStateSave[][] = [];
    let canNow = true;
    const writer = new GroupCommit(
      (saves: MeetingStateSave[]) => s.saveMeetingStates(saves),
      (saves: MeetingStateSave[]) => (canNow ? (now.push(saves), saves.map((x) => x.meetingId !== 'lost')) : null),
    );
    const save = (id: string) => ({ meetingId: id, state: state(id, 1), expectedVersion: 0 });
    expect(writer.mayCommitNow).toBe(true);
    expect(writer.tryNow(save('m1'))).toEqual({ result: true });
    expect(writer.tryNow(save('lost'))).toEqual({ result: false });
    expect(now.map((b) => b.map((x) => x.meetingId))).toEqual([['m1'], ['lost']]);

    // A write waiting for its batch: the next one joins it instead of overtaking it.
    const queued = writer.add(save('m2'));
    expect(writer.mayCommitNow).toBe(false);
    expect(writer.tryNow(save('m3'))).toBeNull();
    await settled();
    // Being written: still declined.
    expect(writer.tryNow(save('m3'))).toBeNull();
    s.finish[0]!();
    expect(await queued).toBe(true);
    await settled();
    expect(writer.mayCommitNow).toBe(true);

    // The backend cannot now (its connection busy): declined, nothing stored.
    canNow = false;
    expect(writer.tryNow(save('m4'))).toBeNull();
    expect(now).toHaveLength(2);
    expect(s.batches.map((b) => b.map((x) => x.meetingId))).toEqual([['m2']]);
  });

  it('tryNow throws what the write threw, and a writer without a commit at once never tries', () => {
    const failing = new GroupCommit(
      async () => [],
      (): boolean[] => {
        throw new Error('disk full');
      },
    );
    expect(() => failing.tryNow({ meetingId: 'm1', state: state('m1', 1), expectedVersion: 0 })).toThrow('disk full');
    const plain = new GroupCommit(async (saves: MeetingStateSave[]) => saves.map(() => true));
    expect(plain.mayCommitNow).toBe(false);
    expect(plain.tryNow({ meetingId: 'm1', state: state('m1', 1), expectedVersion: 0 })).toBeNull();
  });
});
