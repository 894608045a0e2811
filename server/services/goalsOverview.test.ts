// Which quarter the goals overview opens on when none is asked for: a meeting's quarter whenever
// the group has a meeting (whatever the date), today's in UTC only for a group with none.
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingStatus } from '../../shared/domain.ts';
import { currentGoalQuarter } from './goalsOverview.ts';

const meeting = (id: string, quarter: string, startsAt: string, status: MeetingStatus): Meeting => ({
  id, groupId: 'g', quarter, title: id, startsAt, timeZone: 'Europe/Berlin', location: null, onlineUrl: null, days: [], status, createdAt: startsAt,
});
// 00:30 on 1 January 2027 in Berlin, still 2026 in UTC.
const newYearsNightInBerlin = new Date('2026-12-31T23:30:00Z');

describe('currentGoalQuarter', () => {
  it("is the live meeting's, else the last held one's, else the next scheduled one's, on any night", () => {
    const held = meeting('held', '2026-Q4', '2026-10-15T07:00:00Z', 'ended');
    const next = meeting('next', '2027-Q1', '2027-01-14T08:00:00Z', 'scheduled');
    expect(currentGoalQuarter([next, held], newYearsNightInBerlin)).toBe('2026-Q4');
    expect(currentGoalQuarter([next], newYearsNightInBerlin)).toBe('2027-Q1');
    expect(currentGoalQuarter([held, { ...next, status: 'live' }], newYearsNightInBerlin)).toBe('2027-Q1');
  });

  it("is today's quarter in UTC for a group without any meeting (no meeting zone to read today in)", () => {
    expect(currentGoalQuarter([], newYearsNightInBerlin)).toBe('2026-Q4');
    expect(currentGoalQuarter([], new Date('2027-01-01T00:00:00Z'))).toBe('2027-Q1');
  });
});
