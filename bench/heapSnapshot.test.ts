import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { summarizeSnapshot } from './heapSnapshot.ts';

async function snapshotText(): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  return chunks.join('');
}

describe('summarizeSnapshot', () => {
  it('sums the nodes own sizes, compiled code apart', () => {
    const snapshot = {
      snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['hidden', 'code', 'object']] } },
      // (type, name, id, self_size, edge_count) x 3: an object of 2048 bytes, code of 1024, a hidden node of 1024
      nodes: [2, 0, 1, 2048, 0, 1, 0, 2, 1024, 0, 0, 0, 3, 1024, 0],
      strings: ['Thing'],
    };
    const summary = summarizeSnapshot(JSON.stringify(snapshot));
    expect(summary).toMatchObject({ objectsKb: 3, codeKb: 1 });
    expect([...summary.byKind]).toEqual([['object Thing', 2048], ['code Thing', 1024], ['hidden Thing', 1024]]);
  });

  it('sees objects this process holds', async () => {
    const before = summarizeSnapshot(await snapshotText());
    const held = Array.from({ length: 100_000 }, (_, i) => ({ i, name: `item ${i}` }));
    const after = summarizeSnapshot(await snapshotText());
    // 100k objects and their strings: several MB; a snapshot taken after a full GC counts them all.
    expect(after.objectsKb - before.objectsKb).toBeGreaterThan(3_000);
    expect(held.length).toBe(100_000);
    // ...and by kind: the 100k strings are among them.
    const strings = (after.byKind.get('string') ?? 0) - (before.byKind.get('string') ?? 0);
    expect(strings).toBeGreaterThan(1_000_000);
  });
});
