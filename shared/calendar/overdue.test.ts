// Overdue is decided on the meeting's calendar: each case is the last minute of the due day and
// the first minute after it, in that zone, written as UTC instants worked out by hand.
import { describe, expect, it } from 'vitest';
import { isOverdue, todayIn } from './overdue.ts';

describe('isOverdue: the due day ends at midnight in the meeting zone', () => {
  it.each([
    // New York in winter (EST, UTC-5): 19:00 there is already tomorrow in UTC, and still not overdue.
    ['America/New_York', '2026-12-03', '2026-12-04T00:00:00Z', false],
    ['America/New_York', '2026-12-03', '2026-12-04T04:59:00Z', false],
    ['America/New_York', '2026-12-03', '2026-12-04T05:00:00Z', true],
    // Berlin in summer (CEST, UTC+2): overdue from 22:00 UTC, while UTC is still on the due day.
    ['Europe/Berlin', '2026-07-15', '2026-07-15T21:59:00Z', false],
    ['Europe/Berlin', '2026-07-15', '2026-07-15T22:00:00Z', true],
    // Auckland in its winter (NZST, UTC+12): overdue from noon UTC of the due day.
    ['Pacific/Auckland', '2026-06-10', '2026-06-10T11:59:00Z', false],
    ['Pacific/Auckland', '2026-06-10', '2026-06-10T12:00:00Z', true],
    // DST: New York springs forward on Sun 8 Mar 2026, so the midnight ending 7 Mar is still EST
    // (05:00 UTC) and the one ending 8 Mar is EDT (04:00 UTC).
    ['America/New_York', '2026-03-07', '2026-03-08T04:59:00Z', false],
    ['America/New_York', '2026-03-07', '2026-03-08T05:00:00Z', true],
    ['America/New_York', '2026-03-08', '2026-03-09T03:59:00Z', false],
    ['America/New_York', '2026-03-08', '2026-03-09T04:00:00Z', true],
    // Berlin falls back on Sun 25 Oct 2026: that day ends at 23:00 UTC (CET), not 22:00 (CEST).
    ['Europe/Berlin', '2026-10-25', '2026-10-25T22:59:00Z', false],
    ['Europe/Berlin', '2026-10-25', '2026-10-25T23:00:00Z', true],
    // Auckland leaves summer time on Sun 5 Apr 2026: 4 Apr ends at 11:00 UTC (NZDT), 5 Apr at 12:00 (NZST).
    ['Pacific/Auckland', '2026-04-04', '2026-04-04T10:59:00Z', false],
    ['Pacific/Auckland', '2026-04-04', '2026-04-04T11:00:00Z', true],
    ['Pacific/Auckland', '2026-04-05', '2026-04-05T11:59:00Z', false],
    ['Pacific/Auckland', '2026-04-05', '2026-04-05T12:00:00Z', true],
    // Year end: New Year's Eve is over in Auckland (NZDT) at 11:00 UTC, in Berlin at 23:00 UTC,
    // in New York at 05:00 UTC on 1 January.
    ['Pacific/Auckland', '2026-12-31', '2026-12-31T10:59:00Z', false],
    ['Pacific/Auckland', '2026-12-31', '2026-12-31T11:00:00Z', true],
    ['Europe/Berlin', '2026-12-31', '2026-12-31T22:59:00Z', false],
    ['Europe/Berlin', '2026-12-31', '2026-12-31T23:00:00Z', true],
    ['America/New_York', '2026-12-31', '2027-01-01T04:59:00Z', false],
    ['America/New_York', '2026-12-31', '2027-01-01T05:00:00Z', true],
    ['UTC', '2026-12-31', '2026-12-31T23:59:00Z', false],
    ['UTC', '2026-12-31', '2027-01-01T00:00:00Z', true],
  ] as const)('%s, due %s, at %s: %s', (zone, due, at, overdue) => {
    expect(isOverdue(due, zone, new Date(at))).toBe(overdue);
    expect(isOverdue(due, zone, Date.parse(at))).toBe(overdue);
  });

  it('is never overdue without a date, on the due day, or before it', () => {
    // 3 December in all four zones: 05:00 in New York, 23:00 in Auckland.
    const onTheDay = new Date('2026-12-03T10:00:00Z');
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Pacific/Auckland', 'UTC']) {
      expect(isOverdue('', zone, onTheDay)).toBe(false);
      expect(isOverdue('2026-12-03', zone, onTheDay)).toBe(false);
      expect(isOverdue('2027-01-01', zone, onTheDay)).toBe(false);
      expect(isOverdue('2026-11-30', zone, onTheDay)).toBe(true);
    }
    expect(isOverdue('next week', 'UTC', onTheDay)).toBe(false);
  });

  it('reads a zone Intl does not know as UTC rather than calling everything overdue', () => {
    expect(todayIn('Mars/Olympus_Mons', new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-03');
    expect(isOverdue('2026-12-03', 'Mars/Olympus_Mons', new Date('2026-12-03T23:30:00Z'))).toBe(false);
    expect(isOverdue('2026-12-02', 'Mars/Olympus_Mons', new Date('2026-12-03T00:00:00Z'))).toBe(true);
  });
});

describe('todayIn', () => {
  it("is the zone's calendar date at that instant", () => {
    const at = new Date('2026-12-31T11:30:00Z');
    expect(todayIn('Pacific/Auckland', at)).toBe('2027-01-01');
    expect(todayIn('Europe/Berlin', at)).toBe('2026-12-31');
    expect(todayIn('America/New_York', at)).toBe('2026-12-31');
  });
});
