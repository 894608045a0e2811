import { describe, expect, it } from 'vitest';
import { USER_COLORS, userColor } from './userColor.ts';

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = [1, 3, 5].map((i) => lin(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
}

describe('userColor', () => {
  it('is a #rrggbb colour (the only format the caret renders) and stable per user', () => {
    expect(userColor('u_1')).toMatch(/^#[0-9a-f]{6}$/);
    expect(userColor('u_1')).toBe(userColor('u_1'));
  });

  it('spreads users over the palette', () => {
    const seen = new Set(Array.from({ length: 40 }, (_, i) => userColor(`user-${i}`)));
    expect(seen.size).toBeGreaterThan(8);
  });

  it('every colour carries white label text at AA contrast', () => {
    for (const c of USER_COLORS) expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(4.5);
  });
});
