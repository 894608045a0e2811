// Keeps one node's copy of a doc equal to storage when other nodes write it too. Storage is the
// source of truth; the relay only makes other nodes' updates arrive sooner. Every relayed update
// carries its storage seq, so a node knows exactly which stored updates it holds (SeqTracker);
// anything it misses (a Redis outage, a message lost, a load that raced an append) is read back
// from storage, at most gapWaitMs after the gap showed.
import * as Y from 'yjs';
import type { Storage } from '../storage/types.ts';
import { SeqTracker } from './seqTracker.ts';
import { applyStored, type CollabLog } from './storedDoc.ts';

/** Transaction origins for updates that did not come from a connected client. */
export const ORIGIN_STORAGE = Symbol('storage');
export const ORIGIN_RELAY = Symbol('relay');

export interface DocSyncDeps {
  storage: Pick<Storage, 'loadDoc'>;
  log: CollabLog;
  /** How long a gap may stay open before it is read back from storage. */
  gapWaitMs: number;
  /** Told after other nodes' stored updates were applied and nothing is missing. */
  onCaughtUp(): void;
}

export class DocSync {
  readonly seqs: SeqTracker;
  private gapTimer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly deps: DocSyncDeps,
    loadedSeq: number,
  ) {
    this.seqs = new SeqTracker(loadedSeq);
  }

  /** This node stored (and applied) seqs first..last. */
  storedHere(first: number, last: number): void {
    this.seqs.mark(first, last);
    this.watchGap();
  }

  /** Updates another node stored at seqs firstSeq.. ; the ones this doc holds are skipped. */
  relayed(firstSeq: number, updates: Uint8Array[]): void {
    updates.forEach((u, i) => {
      const seq = firstSeq + i;
      if (this.seqs.has(seq)) return;
      try {
        Y.applyUpdate(this.doc, u, ORIGIN_RELAY);
      } catch (err) {
        // Stored but not applicable: loading skips it too (storedDoc.ts).
        this.deps.log('collab: relayed update failed to apply', { doc: this.name, seq, error: String(err) });
      }
      this.seqs.mark(seq, seq);
    });
    if (!this.watchGap()) this.deps.onCaughtUp();
  }

  /** Another node holds everything up to seq (it said so with its awareness). */
  heard(seq: number): void {
    this.seqs.hear(seq);
    this.watchGap();
  }

  /** Reads whatever storage holds beyond this doc's gapless prefix and applies it. */
  catchUp(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        const stored = await this.deps.storage.loadDoc(this.name, this.seqs.applied);
        if (this.stopped) return;
        applyStored(this.doc, stored.snapshot, stored.updates, ORIGIN_STORAGE, this.name, this.deps.log);
        this.seqs.markUpTo(stored.lastSeq);
      } while (this.readAgain && !this.stopped);
      if (!this.seqs.behind) this.deps.onCaughtUp();
    })()
      .catch((err: unknown) => {
        this.deps.log('collab: reading a gap back from storage failed; will retry', { doc: this.name, error: String(err) });
        this.watchGap(true);
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  stop(): void {
    this.stopped = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
  }

  /** Arms the gap timer if something is missing (or force); returns whether it did. */
  private watchGap(force = false): boolean {
    if (this.stopped || (!force && !this.seqs.behind)) return false;
    if (this.gapTimer) return true;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (force || this.seqs.behind) void this.catchUp();
    }, this.deps.gapWaitMs);
    this.gapTimer.unref();
    return true;
  }
}
