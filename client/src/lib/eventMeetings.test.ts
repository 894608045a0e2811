import { describe, expect, it } from 'vitest';
import type { AgendaTemplate, Meeting, MeetingStatus } from '../../../shared/domain.ts';
import { linkableMeetings, newGroupMeetingBody, templatesForDays } from './eventMeetings.ts';

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

describe('templatesForDays', () => {
  const saved = (id: string, groupId: string | null, days: number): AgendaTemplate => ({
    id,
    groupId,
    name: id,
    // One item a day, a day-end between the days.
    items: Array.from({ length: days }, (_, i): AgendaTemplate['items'] => [
      ...(i > 0 ? [{ kind: 'day-end' as const, title: 'Day ends', durationMs: 0 }] : []),
      { kind: 'custom', title: `Day ${i + 1}`, durationMs: 3_600_000 },
    ]).flat(),
    protocol: { preset: 'classic' },
    createdAt: '2027-01-01T00:00:00Z',
  });
  const templates = [saved('our-day', 'g1', 1), saved('our-two', 'g1', 2), saved('our-three', 'g1', 3), saved('standard-copy', null, 1)];

  it('offers only the agendas with as many days as picked: built-in first, then the group’s own', () => {
    expect(templatesForDays(templates, 1).map((t) => t.id)).toEqual(['standard', 'our-day']);
    expect(templatesForDays(templates, 2).map((t) => t.id)).toEqual(['two-day', 'our-two']);
    expect(templatesForDays(templates, 3).map((t) => t.id)).toEqual(['our-three']);
  });

  it('offers nothing before a day is picked', () => {
    expect(templatesForDays(templates, 0)).toEqual([]);
  });
});

describe('newGroupMeetingBody', () => {
  it('puts the picked dates in the event’s order, each with the hours, and leaves a blank title to the server’s default', () => {
    expect(newGroupMeetingBody('g1', { dates: ['2027-03-03', '2027-03-01'], start: '08:30', end: '16:00', templateId: 'two-day', title: '  ' }, EVENT_DAYS)).toEqual({
      groupId: 'g1',
      templateId: 'two-day',
      days: [
        { date: '2027-03-01', start: '08:30', end: '16:00' },
        { date: '2027-03-03', start: '08:30', end: '16:00' },
      ],
    });
  });

  it('keeps a title given, trimmed', () => {
    expect(newGroupMeetingBody('g1', { dates: ['2027-03-02'], start: '09:00', end: '17:00', templateId: 'standard', title: ' Spring retreat ' }, EVENT_DAYS).title).toBe('Spring retreat');
  });
});
