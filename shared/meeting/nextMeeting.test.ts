import { describe, expect, it } from 'vitest';
import type { Meeting } from '../domain.ts';
import { nextMeetingBody, proposeNextMeeting } from './nextMeeting.ts';

const meeting = (over: Partial<Meeting>): Meeting =>
  ({ id: 'm', groupId: 'g', quarter: '2026-Q4', title: 'Q4', startsAt: '2026-12-10T08:00:00.000Z', timeZone: 'Europe/Berlin', location: 'Koblenz', onlineUrl: null, days: [], status: 'live', createdAt: '', ...over }) as Meeting;

describe('the next meeting, proposed one quarter on (13 weeks, same weekday)', () => {
  it.each([
    // [first day, start, quarter] -> [date, quarter]; every row keeps the weekday.
    ['2026-12-10', '09:00', '2026-Q4', '2027-03-11', '2027-Q1'], // Thursday, across the year
    ['2026-11-30', '09:00', '2026-Q4', '2027-03-01', '2027-Q1'], // month end: no 30 February
    ['2027-01-31', '14:30', '2027-Q1', '2027-05-02', '2027-Q2'], // month end to the next-but-two month
    ['2027-10-07', '08:00', '2027-Q4', '2028-01-06', '2028-Q1'], // year wrap
    ['2027-12-31', '09:00', '2027-Q4', '2028-03-31', '2028-Q1'], // leap year: 29 February counted
  ])('%s %s (%s) -> %s (%s)', (date, start, quarter, nextDate, nextQ) => {
    const p = proposeNextMeeting(meeting({ quarter, days: [{ date, start, end: '17:00' }] }));
    expect(p).toEqual({ date: nextDate, time: start, timeZone: 'Europe/Berlin', quarter: nextQ, location: 'Koblenz', onlineUrl: null });
    expect(new Date(`${nextDate}T12:00:00Z`).getUTCDay()).toBe(new Date(`${date}T12:00:00Z`).getUTCDay());
  });

  it('a meeting without days starts from its start in its own zone (23:30 UTC is the next day in Berlin)', () => {
    const p = proposeNextMeeting(meeting({ startsAt: '2026-12-09T23:30:00.000Z' }));
    expect([p.date, p.time]).toEqual(['2027-03-11', '00:30']);
  });

  it.each([
    [{ date: '2027-03-11', time: '09:00' }, true],
    [{ date: '2027-03-11', time: '09:00', location: 'Bonn', onlineUrl: 'https://meet.example.com/x' }, true],
    [{ date: '11.03.2027', time: '09:00' }, false],
    [{ date: '2027-03-11', time: '9am' }, false],
    [{ date: '2027-03-11', time: '09:00', onlineUrl: 'javascript:alert(1)' }, false],
  ])('body %j valid: %s', (body, ok) => {
    expect(nextMeetingBody.safeParse(body).success).toBe(ok);
  });
});
