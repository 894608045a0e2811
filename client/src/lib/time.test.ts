// The viewer's quarter on the viewer's calendar: the first night of a quarter is the new quarter
// in Berlin or Auckland while UTC (or New York) is still in the old one.
import { describe, expect, it } from 'vitest';
import { currentQuarter, nextQuarter } from './time.ts';

describe("the viewer's current and next quarter", () => {
  it.each([
    // 23:30 UTC on New Year's Eve: 00:30 on 1 January in Berlin, 18:30 on the 31st in New York.
    ['2026-12-31T23:30:00Z', 'Europe/Berlin', '2027-Q1', '2027-Q2'],
    ['2026-12-31T23:30:00Z', 'UTC', '2026-Q4', '2027-Q1'],
    ['2026-12-31T23:30:00Z', 'America/New_York', '2026-Q4', '2027-Q1'],
    // 1 April, 03:00 UTC: already Q2 in Auckland and Berlin, still 31 March (Q1) in New York.
    ['2027-04-01T03:00:00Z', 'Pacific/Auckland', '2027-Q2', '2027-Q3'],
    ['2027-04-01T03:00:00Z', 'Europe/Berlin', '2027-Q2', '2027-Q3'],
    ['2027-04-01T03:00:00Z', 'America/New_York', '2027-Q1', '2027-Q2'],
  ])('at %s in %s: %s, then %s', (at, zone, current, next) => {
    expect(currentQuarter(new Date(at), zone)).toBe(current);
    expect(nextQuarter(new Date(at), zone)).toBe(next);
  });
});
