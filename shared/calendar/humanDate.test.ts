import { describe, expect, it } from 'vitest';
import { humanCalendarDate, humanDate, humanDateTime, humanDays } from './humanDate.ts';

const at = (iso: string) => Date.parse(iso);
const BERLIN = 'Europe/Berlin';

describe('human dates', () => {
  it.each([
    ['2027-01-14T09:00:00Z', BERLIN, 'Thursday 14 January 2027'],
    // 23:30 UTC on the 14th is already the 15th in Berlin, still the 14th in New York.
    ['2027-01-14T23:30:00Z', BERLIN, 'Friday 15 January 2027'],
    ['2027-01-14T23:30:00Z', 'America/New_York', 'Thursday 14 January 2027'],
  ])('%s in %s is %s', (iso, zone, text) => {
    expect(humanDate(at(iso), zone)).toBe(text);
  });

  it('follows the reader\'s locale', () => {
    expect(humanDate(at('2027-01-14T09:00:00Z'), BERLIN, 'de-DE')).toBe('Donnerstag, 14. Januar 2027');
  });

  it('adds the time in the zone', () => {
    expect(humanDateTime(at('2027-01-14T08:30:00Z'), BERLIN)).toBe('Thursday 14 January 2027, 09:30');
  });

  it('reads a calendar date the same in every zone', () => {
    expect(humanCalendarDate('2026-10-31')).toBe('Saturday 31 October 2026');
    expect(humanCalendarDate('soon')).toBe('soon');
  });

  it.each([
    [['2027-01-14T08:00:00Z'], 'Thursday 14 January 2027'],
    [['2027-01-14T08:00:00Z', '2027-01-14T13:00:00Z'], 'Thursday 14 January 2027'],
    [['2027-01-15T08:00:00Z', '2027-01-14T08:00:00Z'], '14–15 January 2027'],
    [['2027-01-31T08:00:00Z', '2027-02-01T08:00:00Z'], '31 January – 1 February 2027'],
    [['2026-12-31T08:00:00Z', '2027-01-01T08:00:00Z'], '31 December 2026 – 1 January 2027'],
    [['2027-01-14T08:00:00Z', '2027-01-28T08:00:00Z'], 'Thursday 14 January 2027 and Thursday 28 January 2027'],
    [[], ''],
  ])('days %j read %s', (isos, text) => {
    expect(humanDays(isos.map(at), BERLIN)).toBe(text);
  });
});
