// Attendance against the group's rule over real HTTP: RSVPs (excused with a reason), the rule,
// and each member company's rate over 12 months, excused absences counted as the group decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../../shared/domain.ts';
import { seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const rulePath = () => `/api/groups/${seed.group.id}/attendance-rule`;

/**
 * A meeting held `days` ago: scheduled over HTTP (RSVPs are given then), then stored as ended
 * with the attendance the room recorded, `late` members joining 20 minutes after the start.
 */
async function held(days: number, quarter: string, attendance: Record<string, AttendanceStatus | 'late-by-clock'>, rsvp: (id: string) => Promise<void> = async () => undefined) {
  const { id } = await createMeeting(seed.coach, seed.group.id, quarter, ago(days));
  await rsvp(id);
  const state = (await srv.storage.getMeetingState(id))!;
  const startedAt = Date.parse(ago(days));
  const entries = Object.fromEntries(
    Object.entries(attendance).map(([userId, s]) => [
      userId,
      { userId, status: s === 'late-by-clock' ? 'present' : s, mode: 'room' as const, joinedAt: s === 'absent' ? null : startedAt + (s === 'late-by-clock' ? 20 * 60_000 : 0) },
    ]),
  );
  expect(await srv.storage.saveMeetingState(id, { ...state, status: 'ended', startedAt, endedAt: startedAt + 3_600_000, attendance: entries, version: state.version + 1 }, state.version)).toBe(true);
  await srv.storage.updateMeeting(id, { status: 'ended' });
  return id;
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

describe('RSVP', () => {
  it('member companies answer in the room, remote or excused with a reason; the grid shows it', async () => {
    const [max, mia] = seed.members;
    const { id } = await createMeeting(seed.coach, seed.group.id, '2027-Q3', new Date(Date.now() + 20 * DAY).toISOString());
    const rsvp = (c: typeof max, body: unknown) => put(c!, `/api/meetings/${id}/rsvp/mine`, body);
    expect((await rsvp(max, { response: 'excused' })).status).toBe(400);
    expect((await rsvp(seed.coach, { response: 'room' })).status).toBe(403);
    expect((await rsvp(seed.observer, { response: 'room' })).status).toBe(403);
    expect((await rsvp(max, { response: 'excused', reason: 'Knee surgery' })).body).toMatchObject({ response: 'excused', reason: 'Knee surgery' });
    expect((await rsvp(mia, { response: 'remote', reason: 'ignored' })).body).toMatchObject({ response: 'remote', reason: '' });
    const grid = (await seed.coach.get(`/api/meetings/${id}/readiness`)).body.members.map((m: any) => [m.name, m.rsvp]);
    expect(grid).toEqual([['Max One', 'excused'], ['Mia Two', 'remote'], ['Moe Three', null]]);
    // The reason is for the coach and the member; peers see the answer.
    const seenByMia = (await mia!.get(`/api/meetings/${id}/rsvps`)).body;
    expect(seenByMia.find((r: any) => r.name === 'Max One')).toMatchObject({ response: 'excused', reason: '' });
    expect((await seed.coach.get(`/api/meetings/${id}/rsvps`)).body.find((r: any) => r.name === 'Max One').reason).toBe('Knee surgery');
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await stranger.get(`/api/meetings/${id}/rsvps`)).status).toBe(404);
  });
});

describe('attendance against the rule', () => {
  it('measures 12 months, counts excused absences only when the group says so, and shows who is at risk', async () => {
    const [max, mia, moe] = seed.members.map((m) => m!.userId) as [string, string, string];
    const coach = seed.coach.userId;
    expect((await put(seed.members[0]!, rulePath(), { rule: { maxMissed: 1, windowMonths: 12, lateAfterMin: 10, excusedCounts: false } })).status).toBe(403);
    expect((await put(seed.coach, rulePath(), { rule: { maxMissed: -1, windowMonths: 12, lateAfterMin: 10, excusedCounts: false } })).status).toBe(400);
    const set = await put(seed.coach, rulePath(), { rule: { maxMissed: 1, windowMonths: 12, lateAfterMin: 10, excusedCounts: false } });
    expect(set.body).toMatchObject({ defaultRule: false, rule: { maxMissed: 1, excusedCounts: false } });

    // Outside the window: does not count.
    await held(430, '2025-Q4', { [max]: 'absent', [mia]: 'present', [moe]: 'present', [coach]: 'present' });
    const excusedAt = await held(300, '2026-Q1', { [max]: 'absent', [mia]: 'present', [moe]: 'present', [coach]: 'present' }, async (id) => {
      expect((await put(seed.members[0]!, `/api/meetings/${id}/rsvp/mine`, { response: 'excused', reason: 'Family wedding' })).status).toBe(200);
    });
    // After the meeting nobody excuses themselves any more.
    expect((await put(seed.members[1]!, `/api/meetings/${excusedAt}/rsvp/mine`, { response: 'excused', reason: 'Forgot' })).body.error.code).toBe('meeting_ended');
    await held(150, '2026-Q2', { [max]: 'late-by-clock', [mia]: 'absent', [moe]: 'present', [coach]: 'present' });
    await held(30, '2026-Q4', { [max]: 'absent', [mia]: 'remote', [moe]: 'late', [coach]: 'present' });

    const rows = async () =>
      Object.fromEntries(((await seed.coach.get(`/api/groups/${seed.group.id}/attendance`)).body.members as any[]).map((m) => [m.name, [m.held, m.attended, m.late, m.missed, m.excused, m.counted, m.standing]]));
    expect(await rows()).toEqual({
      'Max One': [3, 1, 1, 1, 1, 1, 'at_risk'],
      'Mia Two': [3, 2, 0, 1, 0, 1, 'at_risk'],
      'Moe Three': [3, 3, 1, 0, 0, 0, 'ok'],
    });
    const maxRow = (await seed.coach.get(`/api/groups/${seed.group.id}/attendance`)).body.members.find((m: any) => m.name === 'Max One');
    expect(maxRow.rate).toBeCloseTo(1 / 3);

    // The group decides excused absences count: Max is now over the rule.
    await put(seed.coach, rulePath(), { rule: { maxMissed: 1, windowMonths: 12, lateAfterMin: 10, excusedCounts: true } });
    expect((await rows())['Max One']).toEqual([3, 1, 1, 1, 1, 2, 'over']);

    // A member of a coach-led group sees their own record; observers none; strangers not the group.
    const own = (await seed.members[1]!.get(`/api/groups/${seed.group.id}/attendance`)).body.members.map((m: any) => m.name);
    expect(own).toEqual(['Mia Two']);
    expect((await seed.observer.get(`/api/groups/${seed.group.id}/attendance`)).status).toBe(403);
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId, 'Gamma Group');
    expect((await stranger.get(`/api/groups/${seed.group.id}/attendance`)).status).toBe(404);
    // Back to the default rule.
    expect((await put(seed.coach, rulePath(), { rule: null })).body).toEqual({ defaultRule: true, rule: { maxMissed: 2, windowMonths: 12, lateAfterMin: 15, excusedCounts: false } });
  });
});
