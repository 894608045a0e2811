// Rate-shaped awareness relay for one doc. The stock y-websocket provider re-sends every
// awareness change it receives, so relaying each change at once makes a full room's traffic grow
// with the square of its size (12 people typing: ~100 messages/s per socket, 95 % echoes).
// Instead, changed client ids are collected and relayed together at most `perSecond` times a
// second, each with its latest state (awareness keeps only the latest). The first change after a
// quiet spell goes out on the next tick, so a lone cursor still moves without delay.
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwareness } from './messages.ts';

export class AwarenessRelay {
  private readonly pending = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;
  private stopped = false;

  constructor(
    private readonly awareness: Awareness,
    /** Sends one encoded awareness message to every client of the doc. */
    private readonly broadcast: (message: Uint8Array) => void,
    private readonly perSecond: number,
  ) {}

  /** Client ids whose state changed (added, updated or removed). */
  changed(ids: number[]): void {
    if (this.stopped || ids.length === 0) return;
    for (const id of ids) this.pending.add(id);
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + 1000 / this.perSecond - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
    this.timer.unref();
  }

  /** Sends what is pending now (also used before the doc's clients are closed). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    this.lastFlush = performance.now();
    this.broadcast(encodeAwareness(this.awareness, ids));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
