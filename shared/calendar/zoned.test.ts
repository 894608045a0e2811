// Zoned time across the spring and autumn DST changes in two zones on each side of the Atlantic,
// and times as each viewer reads them.
import { describe, expect, it } from 'vitest';
import { dayBounds, dualTime, instantToZoned, resumesText, zonedToInstant } from './zoned.ts';
import { addDays, checkDays, daysFromStart } from './meetingDays.ts';

const utc = (iso: string) => Date.parse(iso);

describe('wall time in a zone -> instant, across DST', () => {
  it.each([
    // Berlin: CET +1, CEST +2 from Sun 29 Mar 2026 02:00, back on Sun 25 Oct 2026 03:00
    ['Europe/Berlin', '2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'], // in the gap: moved forward to 03:30
    ['Europe/Berlin', '2026-10-24', '09:00', '2026-10-24T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '09:00', '2026-10-25T08:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'], // twice that night: the first (CEST)
    // New York: EST -5, EDT -4 from Sun 8 Mar 2026 02:00, back on Sun 1 Nov 2026 02:00
    ['America/New_York', '2026-03-07', '09:00', '2026-03-07T14:00:00.000Z'],
    ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'], // gap: 03:30 EDT
    ['America/New_York', '2026-10-31', '09:00', '2026-10-31T13:00:00.000Z'],
    ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'], // twice: the first (EDT)
  ])('%s %s %s -> %s', (zone, date, time, iso) => {
    expect(new Date(zonedToInstant(date, time, zone) as number).toISOString()).toBe(iso);
  });

  it('round-trips every hour of both change weekends in both zones (outside the gap)', () => {
    for (const [zone, from] of [['Europe/Berlin', '2026-03-28T00:00Z'], ['Europe/Berlin', '2026-10-24T00:00Z'], ['America/New_York', '2026-03-07T12:00Z'], ['America/New_York', '2026-10-31T12:00Z']] as const) {
      for (let h = 0; h < 72; h++) {
        const ms = utc(from) + h * 3_600_000;
        const wall = instantToZoned(ms, zone);
        const back = zonedToInstant(wall.date, wall.time, zone) as number;
        // An hour that happens twice reads back as its first occurrence; every other hour exactly.
        expect([0, -3_600_000]).toContain(back - ms);
        if (back !== ms) expect(instantToZoned(back, zone)).toEqual(wall);
      }
    }
  });

  it('refuses what is not a date and time', () => {
    expect(zonedToInstant('2026-13-01', '09:00', 'Europe/Berlin')).toBeNull();
    expect(zonedToInstant('2026-10-01', '24:00', 'Europe/Berlin')).toBeNull();
    expect(zonedToInstant('2026-10-01', '09:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('meeting days', () => {
  it('a day across the autumn change is 9 hours of wall clock 08:00-16:00 plus the extra hour', () => {
    expect(dayBounds({ date: '2026-10-25', start: '00:30', end: '08:30' }, 'Europe/Berlin')).toEqual({
      startMs: utc('2026-10-24T22:30:00Z'), endMs: utc('2026-10-25T07:30:00Z'),
    });
  });

  it('days from a start keep the wall time over the DST change', () => {
    expect(daysFromStart(utc('2026-10-24T07:00:00Z'), 'Europe/Berlin', [8 * 3_600_000, 6 * 3_600_000])).toEqual([
      { date: '2026-10-24', start: '09:00', end: '17:00' },
      { date: '2026-10-25', start: '09:00', end: '15:00' },
    ]);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('checks days', () => {
    expect(checkDays([{ date: '2026-10-24', start: '09:00', end: '17:00' }], 'Europe/Berlin')).toBeNull();
    expect(checkDays([], 'Europe/Berlin')).toMatch(/at least one/);
    expect(checkDays([{ date: '2026-10-24', start: '09:00', end: '17:00' }, { date: '2026-10-24', start: '09:00', end: '17:00' }], 'Europe/Berlin')).toMatch(/later dates/);
  });
});

describe('times as each viewer reads them', () => {
  const nineBerlin = utc('2026-10-15T07:00:00Z');
  it.each([
    ['Europe/Berlin', '09:00 Berlin'],
    ['Europe/Paris', '09:00 Berlin'], // same wall time: nothing to add
    ['America/New_York', '09:00 Berlin · 03:00 your time'],
    ['Asia/Tokyo', '09:00 Berlin · 16:00 your time'],
    ['America/Los_Angeles', '09:00 Berlin · 00:00 your time'],
    ['Pacific/Honolulu', '09:00 Berlin · 21:00 Wed your time'],
  ])('viewer in %s sees "%s"', (viewer, text) => {
    expect(dualTime(nineBerlin, 'Europe/Berlin', viewer)).toBe(text);
  });

  it('the same meeting in March and November, before and after each zone changes', () => {
    // 29 Mar: Berlin already on summer time, New York since 8 Mar: 6 hours apart again
    expect(dualTime(utc('2026-03-30T07:00:00Z'), 'Europe/Berlin', 'America/New_York')).toBe('09:00 Berlin · 03:00 your time');
    // 26 Oct: Berlin back on winter time, New York not yet: 5 hours apart for a week
    expect(dualTime(utc('2026-10-26T08:00:00Z'), 'Europe/Berlin', 'America/New_York')).toBe('09:00 Berlin · 04:00 your time');
    // 2 Nov: both on winter time: 6 hours
    expect(dualTime(utc('2026-11-02T08:00:00Z'), 'Europe/Berlin', 'America/New_York')).toBe('09:00 Berlin · 03:00 your time');
  });

  it('says when the room resumes, in calendar days of the meeting zone', () => {
    const resume = utc('2026-10-16T06:30:00Z'); // 08:30 Berlin
    expect(resumesText(resume, utc('2026-10-15T15:00:00Z'), 'Europe/Berlin')).toBe('tomorrow 08:30');
    expect(resumesText(resume, utc('2026-10-15T22:30:00Z'), 'Europe/Berlin')).toBe('today 08:30'); // 00:30 Berlin
    expect(resumesText(resume, utc('2026-10-13T15:00:00Z'), 'Europe/Berlin')).toBe('Fri 16 Oct 08:30');
  });
});
