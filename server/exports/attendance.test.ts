// One attendance outcome per row, checked in every format the record goes out in: the summary
// JSON (attendanceRecord), the Markdown and PDF exports, and the recap mail. An absent member is
// never "in the room", whatever mode they last joined with.
import { describe, expect, it } from 'vitest';
import { attendanceRecord, type AttendanceOutcome, type RsvpResponse } from '../../shared/attendance.ts';
import type { AttendanceMode, AttendanceStatus, Group, Meeting } from '../../shared/domain.ts';
import type { MeetingSummary } from '../../shared/records.ts';
import { recapMail } from '../mail/compose.ts';
import { summaryToRecap } from './fromSummary.ts';
import { recapToMarkdown } from './markdown.ts';
import { recapToPdf } from './pdf.ts';
import { pdfText } from './pdfText.testkit.ts';

const ROWS: [status: AttendanceStatus, mode: AttendanceMode, rsvp: RsvpResponse | null, outcome: AttendanceOutcome, label: string][] = [
  ['present', 'room', null, 'room', 'In the room'],
  ['present', 'room', 'remote', 'room', 'In the room'],
  ['remote', 'remote', null, 'online', 'Online'],
  ['late', 'room', 'room', 'late_room', 'Late, in the room'],
  ['late', 'remote', null, 'late_online', 'Late, online'],
  ['absent', 'room', 'excused', 'apologies', 'Absent, apologies sent'],
  ['absent', 'room', null, 'absent', 'Absent'],
  ['absent', 'remote', 'room', 'absent', 'Absent'],
];

const meeting = { id: 'm1', groupId: 'g1', quarter: '2027-Q1', title: 'Quarterly meeting 2027-Q1', startsAt: '2027-01-14T08:00:00.000Z', timeZone: 'Europe/Berlin', location: null, onlineUrl: null, days: [], status: 'ended', createdAt: '2026-12-01T00:00:00.000Z' } as Meeting;
const group = { id: 'g1', networkId: 'n1', name: 'Rhine Valley' } as Group;

function summaryWith(attendance: MeetingSummary['attendance']): MeetingSummary {
  return {
    meeting, group, agenda: [], days: [], attendance,
    rating: { count: 0, average: null, distribution: null, mine: null },
    financials: { quarter: '2026-Q4', canSeeFigures: true, currency: 'EUR', medians: [], ranks: [] },
    review: [], newGoals: [], completion: [], hotSeats: [], resources: [], notes: [], commitments: [], updates: [], next: null,
  } as MeetingSummary;
}

describe.each(ROWS)('attendance %s / %s, RSVP %s', (status, mode, rsvp, outcome, label) => {
  const record = attendanceRecord([{ userId: 'u1', status, mode }], rsvp ? [{ userId: 'u1', response: rsvp }] : [], () => 'Anna Berger');
  const doc = summaryToRecap(summaryWith(record), null, new Map([['u1', 'Anna Berger']]), false);

  it(`is ${outcome} in the JSON`, () => {
    expect(record).toEqual([{ userId: 'u1', name: 'Anna Berger', status, mode, outcome, label }]);
  });

  it(`reads "${label}" in the Markdown`, () => {
    const md = recapToMarkdown(doc);
    expect(md).toContain(`| Member | Attendance |`);
    expect(md).toContain(`| Anna Berger | ${label} |`);
    if (outcome.startsWith('absent') || outcome === 'apologies') expect(md.toLowerCase()).not.toContain('in the room |');
  });

  it(`reads "${label}" in the PDF`, async () => {
    const text = (await pdfText(await recapToPdf(doc))).replace(/\s+/g, ' ');
    expect(text).toContain(`Anna Berger ${label}`);
  });

  it(`reads "${label}" in the recap mail`, () => {
    const { text } = recapMail({ name: 'Ben', userId: 'u2', group, meeting, commitments: [], names: new Map(), myGoals: [], attendance: record, next: null, recapUrl: 'https://x/recap' });
    expect(text).toContain(`Attendance\n- Anna Berger: ${label}\n`);
  });
});
