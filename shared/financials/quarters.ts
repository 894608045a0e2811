// Quarter arithmetic on "2026-Q4" strings: the key every figure, goal and meeting is filed under.
// Its zod schema is in quarterSchema.ts, so pages that only show or step quarters do not load zod.

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

/** Years outside this range are typos ("20266-Q1", "1026-Q1"), not real reporting periods. */
export const QUARTER_MIN_YEAR = 2000;
export const QUARTER_MAX_YEAR = 2100;

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** "2026-Q4" → { year: 2026, q: 4 }; null for anything else (no lowercase, no spaces, no Q5). */
export function parseQuarter(text: string): Quarter | null {
  const m = QUARTER_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < QUARTER_MIN_YEAR || year > QUARTER_MAX_YEAR) return null;
  return { year, q: Number(m[2]) as Quarter['q'] };
}

export function isQuarter(text: string): boolean {
  return parseQuarter(text) !== null;
}

/** The inverse of parseQuarter; throws on an out-of-range year or quarter number. */
export function formatQuarter(quarter: Quarter): string {
  const { year, q } = quarter;
  if (!Number.isInteger(year) || year < QUARTER_MIN_YEAR || year > QUARTER_MAX_YEAR) {
    throw new RangeError(`Quarter year ${year} is outside ${QUARTER_MIN_YEAR}..${QUARTER_MAX_YEAR}`);
  }
  if (![1, 2, 3, 4].includes(q)) throw new RangeError(`Quarter number ${q} is not 1..4`);
  return `${year}-Q${q}`;
}

function mustParse(text: string): Quarter {
  const parsed = parseQuarter(text);
  if (!parsed) throw new RangeError(`Not a quarter: "${text}" (expected e.g. 2026-Q4, years ${QUARTER_MIN_YEAR}..${QUARTER_MAX_YEAR})`);
  return parsed;
}

/** Moves n quarters forward (or back for negative n). Throws if the input or the result is out of range. */
export function addQuarters(quarter: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Can only move by whole quarters, not ${n}`);
  const { year, q } = mustParse(quarter);
  const index = year * 4 + (q - 1) + n;
  return formatQuarter({ year: Math.floor(index / 4), q: ((index % 4) + 1) as Quarter['q'] });
}

export function nextQuarter(quarter: string): string {
  return addQuarters(quarter, 1);
}

export function previousQuarter(quarter: string): string {
  return addQuarters(quarter, -1);
}

export function sameQuarterLastYear(quarter: string): string {
  return addQuarters(quarter, -4);
}

/** Negative when a is earlier, 0 when equal, positive when later; usable with Array.sort. */
export function compareQuarters(a: string, b: string): number {
  const x = mustParse(a);
  const y = mustParse(b);
  return x.year * 4 + x.q - (y.year * 4 + y.q);
}

/**
 * The quarter a moment falls in, on the calendar of `timeZone`. Defaults to UTC rather than the
 * runtime's zone so the server and every browser agree; pass the group's meeting zone when the
 * local date matters (New Year's Eve in Berlin is already Q1 there, still Q4 in UTC).
 */
export function quarterOf(date: Date, timeZone = 'UTC'): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(date);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return formatQuarter({ year, q: (Math.floor((month - 1) / 3) + 1) as Quarter['q'] });
}
