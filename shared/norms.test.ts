// Norms acceptance runs out twelve months after it was given, to the day (UTC).
import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS, normsBody, normsDueAt, normsStanding } from './norms.ts';

const at = (iso: string) => Date.parse(iso);

describe('norms acceptance', () => {
  it.each([
    ['2026-03-15T10:00:00.000Z', '2027-03-15T10:00:00.000Z'],
    ['2026-12-31T23:59:00.000Z', '2027-12-31T23:59:00.000Z'],
    // A leap day has no twin next year: the acceptance holds to 1 March.
    ['2028-02-29T08:00:00.000Z', '2029-03-01T08:00:00.000Z'],
  ])('accepted %s runs out %s', (accepted, due) => {
    expect(normsDueAt(accepted)).toBe(due);
  });

  it.each([
    // required, accepted, now, mustAccept
    [true, null, '2026-06-01T00:00:00.000Z', true],
    [true, '2026-03-15T10:00:00.000Z', '2027-03-15T09:59:59.000Z', false],
    [true, '2026-03-15T10:00:00.000Z', '2027-03-15T10:00:00.000Z', true],
    [false, null, '2026-06-01T00:00:00.000Z', false],
  ] as const)('required %s, accepted %s, at %s: must accept %s', (required, accepted, now, must) => {
    const s = normsStanding(required, accepted, at(now));
    expect(s.mustAccept).toBe(must);
    expect(s.dueAt).toBe(accepted ? normsDueAt(accepted) : null);
  });

  it('the defaults are valid norms; empty or oversized parts are refused', () => {
    expect(normsBody.safeParse(DEFAULT_NORMS).success).toBe(true);
    expect(normsBody.safeParse({ ...DEFAULT_NORMS, recording: '   ' }).success).toBe(false);
    expect(normsBody.safeParse({ ...DEFAULT_NORMS, advice: 'x'.repeat(2001) }).success).toBe(false);
  });
});
