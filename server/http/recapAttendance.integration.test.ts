// A meeting that ran, read back in every format: the summary JSON, the Markdown and the PDF
// (pdftotext) say each member's attendance as it was — in the room, online, absent with
// apologies, absent — and the day it ran as a human date, never ISO.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanDate } from '../../shared/calendar/humanDate.ts';
import { pdfText } from '../exports/pdfText.testkit.ts';
import { connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
let ranOn: string;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: new Date(Date.now() + 3_600_000).toISOString(), timeZone: 'Europe/Berlin' })).body.meeting.id;
  const [max, mia, moe] = seed.members;
  expect((await moe!.request('PUT', `/api/meetings/${meetingId}/rsvp/mine`, { response: 'excused', reason: 'At a trade fair' })).status).toBe(200);
  // Mia said she would come to the room and did not.
  expect((await mia!.request('PUT', `/api/meetings/${meetingId}/rsvp/mine`, { response: 'room' })).status).toBe(200);
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  const remote = await connectSocket(srv.url, max!.cookie);
  await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
  await emitAck(remote, 'room:join', { meetingId, mode: 'remote' });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
  ranOn = humanDate(Date.now(), 'Europe/Berlin');
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'attendance.join', mode: 'room' } });
  await emitAck(remote, 'meeting:command', { meetingId, command: { type: 'attendance.join', mode: 'remote' } });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
  coach.close();
  remote.close();
});
afterAll(() => srv?.close());

const EXPECTED = [
  ['Cora Coach', 'room', 'In the room'],
  ['Max One', 'online', 'Online'],
  ['Mia Two', 'absent', 'Absent'],
  ['Moe Three', 'apologies', 'Absent, apologies sent'],
] as const;

describe('attendance in the recap', () => {
  it('the summary JSON gives each member their outcome and label', async () => {
    const s = (await seed.members[0]!.get(`/api/meetings/${meetingId}/summary`)).body;
    expect(s.attendance.map((a: { name: string; outcome: string; label: string }) => [a.name, a.outcome, a.label])).toEqual(EXPECTED);
  });

  it('the Markdown has one row per member with that label, and the day it ran', async () => {
    const md: string = (await seed.members[1]!.get(`/api/meetings/${meetingId}/recap.md`)).body;
    for (const [name, , label] of EXPECTED) expect(md).toContain(`| ${name} | ${label} |`);
    expect(md).not.toMatch(/Absent[^\n]*in the room/i);
    expect(md).toContain(`Ran on ${ranOn} (Europe/Berlin)`);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('the PDF reads the same', async () => {
    const res = await fetch(`${srv.url}/api/meetings/${meetingId}/recap.pdf`, { headers: { cookie: seed.coach.cookie } });
    expect(res.status).toBe(200);
    const text = (await pdfText(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const [name, , label] of EXPECTED) expect(text).toContain(`${name} ${label}`);
    expect(text).toContain(`Ran on ${ranOn}`);
  });
});
