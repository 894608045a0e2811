import { describe, expect, it } from 'vitest';
import { formatBytes } from './files.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 KB'],
    [1536, '1.5 KB'],
    [12_345, '12 KB'],
    [999_499, '999 KB'],
    [1_400_000, '1.4 MB'],
    [2 * 1024 * 1024, '2.1 MB'],
  ])('%d bytes read as %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});
