import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seqTracker.ts';

describe('SeqTracker', () => {
  it('advances over contiguous marks and waits at a gap', () => {
    const t = new SeqTracker(3);
    expect(t.applied).toBe(3);
    expect(t.behind).toBe(false);
    t.mark(4, 5);
    expect(t.applied).toBe(5);
    t.mark(8, 9); // 6 and 7 are another node's, not here yet
    expect(t.applied).toBe(5);
    expect(t.behind).toBe(true);
    expect([t.has(5), t.has(6), t.has(8)]).toEqual([true, false, true]);
    t.mark(6, 7);
    expect(t.applied).toBe(9);
    expect(t.behind).toBe(false);
  });

  it('closes a gap when storage is read up to a seq, keeping marks above it', () => {
    const t = new SeqTracker(0);
    t.mark(5, 5);
    t.mark(7, 7);
    t.markUpTo(5);
    expect(t.applied).toBe(5);
    expect(t.behind).toBe(true);
    t.markUpTo(6);
    expect(t.applied).toBe(7);
    expect(t.behind).toBe(false);
    t.markUpTo(2); // older reads change nothing
    expect(t.applied).toBe(7);
  });

  it('is behind while another node says it holds more', () => {
    const t = new SeqTracker(4);
    t.hear(3);
    expect(t.behind).toBe(false);
    t.hear(6);
    expect(t.behind).toBe(true);
    t.mark(5, 6);
    expect(t.behind).toBe(false);
  });
});
