// Which stored updates of a doc (by their storage seq) a node's copy holds. Updates arrive out
// of order across nodes: a node's own append may get seq 12 while 10 and 11, stored by another
// node, are still on their way over Redis. `applied` is the gapless prefix; seqs above a gap are
// remembered until it closes, and a gap that stays open is read back from storage (docSync.ts).
export class SeqTracker {
  private prefix: number;
  private readonly above = new Set<number>();
  /** The highest seq another node said it holds (awareness messages carry it). */
  private heard = 0;

  constructor(applied: number) {
    this.prefix = applied;
  }

  /** Every seq up to this one is in the doc. */
  get applied(): number {
    return this.prefix;
  }
  /** Something is missing: a seq above the prefix is held, or another node holds more. */
  get behind(): boolean {
    return this.above.size > 0 || this.heard > this.prefix;
  }
  has(seq: number): boolean {
    return seq <= this.prefix || this.above.has(seq);
  }
  /** Seqs first..last are now in the doc. */
  mark(first: number, last: number): void {
    for (let s = Math.max(first, this.prefix + 1); s <= last; s++) this.above.add(s);
    this.advance();
  }
  /** Everything up to seq is in the doc (read back from storage). */
  markUpTo(seq: number): void {
    if (seq <= this.prefix) return;
    this.prefix = seq;
    for (const s of this.above) if (s <= seq) this.above.delete(s);
    this.advance();
  }
  /** Another node holds everything up to seq. */
  hear(seq: number): void {
    this.heard = Math.max(this.heard, seq);
  }

  private advance(): void {
    while (this.above.delete(this.prefix + 1)) this.prefix++;
  }
}
