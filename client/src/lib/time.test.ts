// The scheduling form's datetime-local value read in the meeting's zone, across DST in two zones.
import { describe, expect, it } from 'vitest';
import { zonedLocalToIso } from './time.ts';

describe('zonedLocalToIso', () => {
  it.each([
    ['2026-03-28T09:00', 'Europe/Berlin', '2026-03-28T08:00:00.000Z'],
    ['2026-03-29T09:00', 'Europe/Berlin', '2026-03-29T07:00:00.000Z'],
    ['2026-10-24T09:00', 'Europe/Berlin', '2026-10-24T07:00:00.000Z'],
    ['2026-10-25T09:00', 'Europe/Berlin', '2026-10-25T08:00:00.000Z'],
    ['2026-03-07T09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-03-08T09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-10-31T09:00', 'America/New_York', '2026-10-31T13:00:00.000Z'],
    ['2026-11-01T09:00', 'America/New_York', '2026-11-01T14:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => expect(zonedLocalToIso(local, zone)).toBe(iso));

  it('null for what is not a date-time', () => {
    expect(zonedLocalToIso('2026-10-24', 'Europe/Berlin')).toBeNull();
    expect(zonedLocalToIso('tomorrow 9', 'Europe/Berlin')).toBeNull();
  });
});
