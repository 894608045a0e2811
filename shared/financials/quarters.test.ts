import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  compareQuarters,
  formatQuarter,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterOf,
  sameQuarterLastYear,
} from './quarters.ts';
import { quarterSchema } from './quarterSchema.ts';

describe('parseQuarter / formatQuarter', () => {
  it('parses valid quarters and round-trips', () => {
    expect(parseQuarter('2026-Q4')).toEqual({ year: 2026, q: 4 });
    expect(formatQuarter({ year: 2000, q: 1 })).toBe('2000-Q1');
    expect(formatQuarter(parseQuarter('2100-Q4')!)).toBe('2100-Q4');
  });

  it.each(['2026-Q5', '2026-Q0', '2026-q4', ' 2026-Q4', '2026-Q4 ', '26-Q4', '1999-Q4', '2101-Q1', '2026Q4', '2026-Q04', ''])(
    'rejects %j',
    (text) => {
      expect(parseQuarter(text)).toBeNull();
      expect(quarterSchema.safeParse(text).success).toBe(false);
    },
  );

  it('refuses to format out-of-range parts', () => {
    expect(() => formatQuarter({ year: 1999, q: 4 })).toThrow(RangeError);
    expect(() => formatQuarter({ year: 2026, q: 5 as 4 })).toThrow(RangeError);
  });
});

describe('quarter arithmetic', () => {
  it('moves across year boundaries both ways', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q1', -1)).toBe('2025-Q4');
    expect(addQuarters('2026-Q2', 9)).toBe('2028-Q3');
    expect(addQuarters('2026-Q2', -9)).toBe('2024-Q1');
    expect(addQuarters('2026-Q2', 0)).toBe('2026-Q2');
    expect(nextQuarter('2026-Q3')).toBe('2026-Q4');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(sameQuarterLastYear('2026-Q3')).toBe('2025-Q3');
  });

  it('throws on bad input, fractional steps and results outside 2000..2100', () => {
    expect(() => addQuarters('2026-Q5', 1)).toThrow(RangeError);
    expect(() => addQuarters('2026-Q1', 0.5)).toThrow(RangeError);
    expect(() => previousQuarter('2000-Q1')).toThrow(RangeError);
    expect(() => nextQuarter('2100-Q4')).toThrow(RangeError);
  });

  it('compares chronologically and sorts', () => {
    expect(compareQuarters('2026-Q1', '2025-Q4')).toBeGreaterThan(0);
    expect(compareQuarters('2025-Q4', '2026-Q1')).toBeLessThan(0);
    expect(compareQuarters('2026-Q2', '2026-Q2')).toBe(0);
    expect(['2026-Q2', '2025-Q4', '2026-Q1'].sort(compareQuarters)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(() => compareQuarters('x', '2026-Q1')).toThrow(RangeError);
  });
});

describe('quarterOf', () => {
  it('maps months to quarters in UTC by default', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-09-30T12:00:00Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
  });

  it('uses the given time zone for the calendar date', () => {
    const newYearInBerlin = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 Jan 2027 in Berlin
    expect(quarterOf(newYearInBerlin)).toBe('2026-Q4');
    expect(quarterOf(newYearInBerlin, 'Europe/Berlin')).toBe('2027-Q1');
    expect(quarterOf(new Date('2026-04-01T02:00:00Z'), 'America/New_York')).toBe('2026-Q1');
  });

  it('rejects invalid dates and zones', () => {
    expect(() => quarterOf(new Date('nope'))).toThrow(RangeError);
    expect(() => quarterOf(new Date('2026-01-01T00:00:00Z'), 'Mars/Base')).toThrow(RangeError);
  });
});
