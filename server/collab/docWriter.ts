// The write side of one doc's room: the queue of client updates waiting for storage, the single
// worker that appends them in order (retrying with backoff), and compaction of the stored log.
// The room (docRoom.ts) makes a batch visible only when `stored` is called, after its append
// committed: that is the store-before-relay invariant described there.
import type { Storage } from '../storage/types.ts';
import type { RoomClient } from './docRoom.ts';
import type { CollabLimits } from './limits.ts';
import { yjsMerge, type CollabLog } from './storedDoc.ts';

export interface PendingUpdate {
  update: Uint8Array;
  from: RoomClient | null;
}

export interface WriterDeps {
  name: string;
  storage: Storage;
  limits: CollabLimits;
  log: CollabLog;
  /** Appends a doc's updates durably, answering the last seq; default storage.appendDocUpdates. */
  append?: ((docName: string, updates: Uint8Array[]) => Promise<number>) | undefined;
  /** A batch is stored as seqs firstSeq..lastSeq: the room applies and relays it. */
  stored(batch: PendingUpdate[], firstSeq: number, lastSeq: number): void;
  /** Every stored update up to this seq is in the room's doc. */
  appliedSeq(): number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export class DocWriter {
  private queue: PendingUpdate[] = [];
  private queuedBytes = 0;
  private worker: Promise<void> | null = null;
  private kickScheduled = false;
  private compactWanted = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly deps: WriterDeps,
    /** Seq the stored snapshot covers, as far as this node knows: compaction is due from it. */
    private snapshotSeq: number,
  ) {}

  /** Updates waiting for storage. */
  get pendingCount(): number {
    return this.queue.length;
  }

  /** Queues a client's update; 'overflow' past maxPendingBytesPerDoc (the room closes the sender). */
  enqueue(update: Uint8Array, from: RoomClient | null): 'queued' | 'overflow' {
    if (this.queuedBytes + update.length > this.deps.limits.maxPendingBytesPerDoc) return 'overflow';
    this.queue.push({ update, from });
    this.queuedBytes += update.length;
    if (!this.worker && !this.kickScheduled) {
      // Wait for the rest of this read's frames (a socket's chunk is parsed in one go) so they
      // are written together. Not a whole tick: the registry's group commit already gathers the
      // tick's appends of every doc into one transaction, and a second setImmediate here would
      // hold each keystroke back one more turn of the event loop.
      this.kickScheduled = true;
      queueMicrotask(() => {
        this.kickScheduled = false;
        void this.kick();
      });
    }
    return 'queued';
  }

  /** Resolves once every queued update is stored and made visible, and a requested compaction ran. */
  async flush(): Promise<void> {
    while (!this.stopped && (this.worker || this.queue.length > 0 || this.compactWanted)) {
      await (this.worker ?? this.kick());
    }
  }

  requestCompaction(): void {
    this.compactWanted = true;
    void this.kick();
  }

  /** After the doc took in updates from elsewhere (load, other nodes): compact if the log grew long. */
  compactIfDue(): void {
    if (this.compactionDue) this.requestCompaction();
  }

  /** The worker gives up: nothing more is written (shutdown timed out, or the room is destroyed). */
  stop(): void {
    this.stopped = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Starts the worker unless it is running; returns its promise. */
  private kick(): Promise<void> {
    if (!this.worker) {
      this.worker = this.work().finally(() => {
        this.worker = null;
        // Anything queued while the worker was finishing gets a fresh run.
        if (!this.stopped && (this.queue.length > 0 || this.compactWanted)) void this.kick();
      });
    }
    return this.worker;
  }

  /** The single writer of this doc: appends in order, retries with backoff, compacts in between. */
  private async work(): Promise<void> {
    const { name, storage, limits, log } = this.deps;
    let failures = 0;
    while (!this.stopped) {
      if (this.queue.length > 0) {
        const batch = this.queue.slice();
        let seq: number;
        try {
          const updates = batch.map((p) => p.update);
          seq = await (this.deps.append ? this.deps.append(name, updates) : storage.appendDocUpdates(name, updates));
        } catch (err) {
          failures++;
          const delay = Math.min(limits.writeRetryBaseMs * 2 ** (failures - 1), limits.writeRetryMaxMs);
          log('collab: storing updates failed; will retry', { doc: name, pending: this.queue.length, retryInMs: delay, error: String(err) });
          await sleep(delay);
          continue;
        }
        failures = 0;
        this.queue.splice(0, batch.length);
        for (const p of batch) this.queuedBytes -= p.update.length;
        if (this.stopped) return; // destroyed while writing: the log has it, nobody to relay to
        this.deps.stored(batch, seq - batch.length + 1, seq);
        if (this.compactionDue) this.compactWanted = true;
        this.armIdleCompaction();
        continue;
      }
      if (this.compactWanted) {
        this.compactWanted = false;
        await this.compact();
        continue;
      }
      return;
    }
  }

  private get compactionDue(): boolean {
    return this.deps.appliedSeq() - this.snapshotSeq >= this.deps.limits.compactAfterUpdates;
  }

  /**
   * Replaces the stored log with one snapshot, merged from storage (not from this node's copy,
   * which may lack another node's updates) under the storage's per-doc lock.
   */
  private async compact(): Promise<void> {
    try {
      const { uptoSeq } = await this.deps.storage.compactDoc(this.deps.name, yjsMerge(this.deps.name, this.deps.log));
      this.snapshotSeq = Math.max(this.snapshotSeq, uptoSeq);
    } catch (err) {
      // Harmless: the log still holds everything; the next trigger tries again.
      this.deps.log('collab: compaction failed', { doc: this.deps.name, error: String(err) });
    }
  }

  private armIdleCompaction(): void {
    // Runs after every stored batch: pushing the pending timer back is cheaper than a new one.
    if (this.idleTimer) {
      this.idleTimer.refresh();
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.stopped) this.requestCompaction();
    }, this.deps.limits.idleCompactMs);
    this.idleTimer.unref();
  }
}
