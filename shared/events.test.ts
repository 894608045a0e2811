import { describe, expect, it } from 'vitest';
import { consecutiveDates, createEventBody, groupTemplateFor } from './events.ts';

describe('event days', () => {
  it('runs consecutive dates across a month end and a DST change', () => {
    expect(consecutiveDates('2027-03-27', 3)).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
    expect(consecutiveDates('2026-12-31', 2)).toEqual(['2026-12-31', '2027-01-01']);
    expect(consecutiveDates('nope', 2)).toEqual([]);
  });
  it('picks the built-in template by number of days', () => {
    expect([1, 2, 3].map(groupTemplateFor)).toEqual(['standard', 'two-day', null]);
  });
  it('refuses days out of order, a group twice and an unknown zone', () => {
    const ok = { name: 'Super week', timeZone: 'Europe/Berlin', days: ['2027-03-01', '2027-03-02'], groupIds: ['a', 'b'] };
    expect(createEventBody.safeParse(ok).success).toBe(true);
    expect(createEventBody.safeParse({ ...ok, days: ['2027-03-02', '2027-03-01'] }).success).toBe(false);
    expect(createEventBody.safeParse({ ...ok, groupIds: ['a', 'a'] }).success).toBe(false);
    expect(createEventBody.safeParse({ ...ok, timeZone: 'Mars/Base' }).success).toBe(false);
  });
});
