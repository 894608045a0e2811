// Group commit of meeting states: every compare-and-set asked for while the previous batch was
// being written (or within the same tick) goes to storage in one transaction, so a busy node
// with many rooms pays one commit for all of them instead of one per command.
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { MeetingStateSave, Storage } from '../storage/types.ts';

interface Pending {
  save: MeetingStateSave;
  resolve: (saved: boolean) => void;
  reject: (e: unknown) => void;
}

export class MeetingStateWriter {
  private pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(private readonly storage: Pick<Storage, 'saveMeetingStates'>) {}

  /** Resolves once committed: true if stored, false if another writer stored first. Rejects if the commit failed. */
  save(meetingId: string, state: MeetingState, expectedVersion: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ save: { meetingId, state, expectedVersion }, resolve, reject });
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
      const results = await this.storage.saveMeetingStates(batch.map((p) => p.save));
      batch.forEach((p, i) => p.resolve(results[i] ?? false));
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    } finally {
      this.flushing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
