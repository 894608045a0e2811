// Stored bytes -> Yjs, one way for every reader: loading a doc, reading a gap back from storage,
// and compaction. All three skip (and log) the same undecodable rows, so compaction drops
// exactly what loading never showed, and a bad snapshot stops all three.
import * as Y from 'yjs';
import type { DocMerge } from '../storage/types.ts';

export type CollabLog = (msg: string, meta?: object) => void;

/**
 * Applies a stored snapshot and updates to doc. One merged apply when all is well; if some part
 * fails, part by part: a bad snapshot throws (nothing may be built on a doc missing it), a bad
 * update is skipped and logged. Applying what the doc already holds changes nothing (Yjs).
 */
export function applyStored(doc: Y.Doc, snapshot: Uint8Array | null, updates: Uint8Array[], origin: unknown, name: string, log: CollabLog): void {
  const parts = snapshot ? [snapshot, ...updates] : updates;
  if (parts.length === 0) return;
  try {
    Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts), origin);
    return;
  } catch {
    // fall through: find the bad part
  }
  if (snapshot) Y.applyUpdate(doc, snapshot, origin);
  updates.forEach((u, i) => {
    try {
      Y.applyUpdate(doc, u, origin);
    } catch (err) {
      log('collab: skipped a stored update that fails to apply', { doc: name, index: i, error: String(err) });
    }
  });
}

/** The compaction merge (storage runs it under its per-doc lock): snapshot + log -> one snapshot. */
export function yjsMerge(name: string, log: CollabLog): DocMerge {
  return (snapshot, updates) => {
    const doc = new Y.Doc();
    try {
      applyStored(doc, snapshot, updates, null, name, log);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  };
}
