import { describe, expect, it } from 'vitest';
import { pageAt } from './pages.ts';

describe('pageAt', () => {
  it('shows everything on one page when it fits', () => {
    expect(pageAt(5, 8, 0)).toEqual({ start: 0, end: 5, page: 0, pages: 1 });
    expect(pageAt(5, 8, 3)).toEqual({ start: 0, end: 5, page: 0, pages: 1 });
    expect(pageAt(0, 8, 0)).toEqual({ start: 0, end: 0, page: 0, pages: 1 });
  });

  it('turns through full pages and a shorter last one, then starts over', () => {
    expect([0, 1, 2, 3].map((t) => pageAt(20, 8, t))).toEqual([
      { start: 0, end: 8, page: 0, pages: 3 },
      { start: 8, end: 16, page: 1, pages: 3 },
      { start: 16, end: 20, page: 2, pages: 3 },
      { start: 0, end: 8, page: 0, pages: 3 },
    ]);
  });

  it('keeps a page in range when the list shrinks under it', () => {
    expect(pageAt(9, 8, 5)).toEqual({ start: 8, end: 9, page: 1, pages: 2 });
  });
});
