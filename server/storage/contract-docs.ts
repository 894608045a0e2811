// Storage contract: the Yjs document log (appends, batches, compaction). Registered by
// runStorageContract in contract.ts.
import { describe, expect, it } from 'vitest';
import { bytes, sleep } from './contract-fixtures.ts';
import type { DocMerge, Storage } from './types.ts';

/** A stand-in for the Yjs merge: bytes in order, so a lost or doubled update shows. */
const concat: DocMerge = (snapshot, updates) => Uint8Array.from([...(snapshot ?? []), ...updates.flatMap((u) => Array.from(u))]);

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
