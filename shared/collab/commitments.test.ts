import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommitment, readCommitments, removeCommitment, updateCommitment, type Commitment } from './commitments.ts';

const base: Commitment = { id: 'c1', who: 'u1', what: 'Hire a dispatcher', due: '2026-12-31', status: 'open', confidential: false, createdBy: 'u2', createdAt: '2026-11-22T10:00:00Z' };

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('commitments as structured Yjs data', () => {
  it('adds, reads, updates and removes', () => {
    const doc = new Y.Doc();
    addCommitment(doc, base);
    expect(readCommitments(doc)).toEqual([base]);
    expect(updateCommitment(doc, 'c1', { status: 'done' })).toBe(true);
    expect(readCommitments(doc)[0]!.status).toBe('done');
    expect(updateCommitment(doc, 'nope', { status: 'done' })).toBe(false);
    expect(removeCommitment(doc, 'c1')).toBe(true);
    expect(readCommitments(doc)).toEqual([]);
  });

  it('keeps both concurrent edits to different fields of one commitment', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addCommitment(a, base);
    sync(a, b);
    updateCommitment(a, 'c1', { what: 'Hire two dispatchers' });
    updateCommitment(b, 'c1', { due: '2027-01-31', confidential: true });
    sync(a, b);
    for (const d of [a, b]) expect(readCommitments(d)[0]).toMatchObject({ what: 'Hire two dispatchers', due: '2027-01-31', confidential: true });
  });

  it('keeps both commitments added at once by two people', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addCommitment(a, base);
    addCommitment(b, { ...base, id: 'c2', what: 'Raise prices' });
    sync(a, b);
    expect(readCommitments(a).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(readCommitments(b)).toEqual(readCommitments(a));
  });

  it('skips malformed entries and normalises bad fields', () => {
    const doc = new Y.Doc();
    const arr = doc.getArray<unknown>('commitments');
    const bad = new Y.Map<unknown>();
    bad.set('what', 'no id');
    const odd = new Y.Map<unknown>();
    odd.set('id', 'x');
    odd.set('status', 'exploded');
    odd.set('due', 'soon');
    arr.push([bad, 'text', odd]);
    expect(readCommitments(doc)).toEqual([{ id: 'x', who: '', what: '', due: '', status: 'open', confidential: false, createdBy: '', createdAt: '' }]);
  });
});
