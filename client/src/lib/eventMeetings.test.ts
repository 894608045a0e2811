import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingStatus } from '../../../shared/domain.ts';
import { linkableMeetings } from './eventMeetings.ts';

const EVENT_DAYS = ['2027-03-01', '2027-03-02', '2027-03-03'];

function meeting(id: string, dates: string[], status: MeetingStatus = 'scheduled'): Meeting {
  return {
    id,
    groupId: 'g1',
    quarter: '2027-Q1',
    title: id,
    startsAt: `${dates[0] ?? '2027-03-01'}T08:00:00Z`,
    timeZone: 'Europe/Berlin',
    location: null,
    onlineUrl: null,
    days: dates.map((date) => ({ date, start: '09:00', end: '17:00' })),
    status,
    createdAt: '2027-01-01T00:00:00Z',
  };
}

describe('linkableMeetings', () => {
  const meetings = [
    meeting('monday', ['2027-03-01']),
    meeting('two-day', ['2027-03-02', '2027-03-03']),
    meeting('spills-over', ['2027-03-03', '2027-03-04']),
    meeting('before', ['2027-02-20']),
    meeting('no-days', []),
    meeting('ended', ['2027-03-01'], 'ended'),
    meeting('live', ['2027-03-02'], 'live'),
    meeting('linked', ['2027-03-01']),
  ];

  it('offers the meetings held only on the event days that the caller may still edit, and not yet on the schedule', () => {
    const ids = linkableMeetings({ allowed: ['meeting.edit'], meetings }, EVENT_DAYS, new Set(['linked'])).map((m) => m.id);
    expect(ids).toEqual(['monday', 'two-day', 'live']);
  });

  it('offers nothing to someone who may not edit the group’s meetings', () => {
    expect(linkableMeetings({ allowed: ['meeting.create'], meetings }, EVENT_DAYS, new Set())).toEqual([]);
  });
});
