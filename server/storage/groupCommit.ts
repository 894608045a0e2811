// Group commit: every write asked for in the same tick, or while the previous commit is under
// way, goes to storage in one transaction. A busy node with many rooms (meeting states) or many
// docs (notes) pays one commit for all of them instead of one per message. Each caller still
// learns its own result only once its commit is durable.
// A write asked for while nothing waits and nothing is being written may instead go at once
// (tryNow), where the backend can commit within the caller's turn (SQLite, its connection
// free): a quiet node then pays no turn of the event loop and no promise for it.
interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (e: unknown) => void;
}

export class GroupCommit<T, R> {
  private pending: Pending<T, R>[] = [];
  private flushing = false;
  private scheduled = false;

  /**
   * commit: writes all items in one transaction and answers one result per item, in order; throws if nothing was stored.
   * commitNow: the same within the caller's turn, or null when the backend cannot now (nothing stored).
   */
  constructor(
    private readonly commit: (items: T[]) => Promise<R[]>,
    private readonly commitNow?: (items: T[]) => R[] | null,
  ) {}

  /** tryNow may commit: the backend can commit at once and no other write waits or is under way. */
  get mayCommitNow(): boolean {
    return this.commitNow !== undefined && this.pending.length === 0 && !this.flushing;
  }

  /**
   * Commits one item at once when mayCommitNow and the backend's connection is free: a quiet
   * node pays no turn of the event loop and no promise per write. Answers null when it did not
   * (then add); throws when the write failed.
   */
  tryNow(item: T): { result: R } | null {
    if (!this.mayCommitNow) return null;
    const results = this.commitNow!([item]);
    if (results === null) return null;
    if (results.length !== 1) throw new Error(`group commit: ${results.length} results for 1 write`);
    return { result: results[0]! };
  }

  /** Resolves with the item's result once its batch committed; rejects if that commit failed. */
  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.flushing = true;
    try {
      const results = await this.commit(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} writes`);
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    } finally {
      this.flushing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
