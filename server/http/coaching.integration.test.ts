// The coach's page across groups over real HTTP, sockets and stored commitments: every group the
// coach runs with its upcoming meetings, readiness, overdue commitments and trends; nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdPastMeeting } from '../../e2e/support/pastMeeting.ts';
import type { CoachingOverview } from '../../shared/network.ts';
import { connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';
import { coachingOverview } from '../services/coaching.ts';
import { daysAheadAt, heldWithCommitments, otherGroup } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
  // Cora coaches the second group too: she accepts a coach invite with her own account.
  const inv = await seed.organiser.post(`/api/groups/${beta.group.id}/invites`, { role: 'coach' });
  expect((await seed.coach.post(`/api/invites/${inv.body.url.split('/').pop()}/accept`, {})).status).toBe(200);
});
afterAll(() => srv?.close());

async function heldAndRated(score: number): Promise<string> {
  const created = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q2', startsAt: '2026-05-05T08:00:00.000Z', timeZone: 'Europe/Berlin' });
  const meetingId: string = created.body.meeting.id;
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  const member = await connectSocket(srv.url, seed.members[1]!.cookie);
  await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
  await emitAck(member, 'room:join', { meetingId, mode: 'room' });
  expect(await emitAck(member, 'meeting:command', { meetingId, command: { type: 'rating.submit', score } })).toMatchObject({ ok: true });
  await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
  coach.close();
  member.close();
  return meetingId;
}

describe("the coach's page across groups", () => {
  it('lists each coached group with upcoming meetings, readiness, overdue commitments and trends', async () => {
    const held = await holdPastMeeting(srv.url, srv.storage, seed, {
      quarter: '2026-Q1',
      startsAt: '2026-02-05T08:00:00.000Z',
      commitments: [
        { id: 'c1', who: seed.members[0]!.userId, what: 'Send the pricing sheet', due: '2026-03-01', status: 'open', confidential: false },
        { id: 'c2', who: seed.members[0]!.userId, what: 'Done already', due: '2026-03-01', status: 'done', confidential: false },
        { id: 'c3', who: seed.members[0]!.userId, what: 'Far ahead', due: '2099-01-01', status: 'open', confidential: false },
      ],
    });
    const rated = await heldAndRated(8);
    const next = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: daysAheadAt(60, '08:00'), timeZone: 'Europe/Berlin' });
    const betaNext = await seed.coach.post(`/api/groups/${beta.group.id}/meetings`, { quarter: '2027-Q1', startsAt: daysAheadAt(67, '08:00'), timeZone: 'Europe/Berlin' });
    expect([next.status, betaNext.status]).toEqual([201, 201]);

    const r = await seed.coach.get('/api/me/coaching');
    expect(r.status).toBe(200);
    const { groups } = r.body as CoachingOverview;
    expect(groups.map((g) => g.groupName)).toEqual(['Alpha Group', 'Beta Group']);
    const [alpha, b] = groups as [CoachingOverview['groups'][number], CoachingOverview['groups'][number]];
    expect(alpha.upcoming.map((m) => m.meetingId)).toEqual([next.body.meeting.id]);
    expect(alpha.readiness).toMatchObject({ meetingId: next.body.meeting.id, ready: 0, total: 3 });
    expect(alpha.readiness!.notReady).toEqual(['Max One', 'Mia Two', 'Moe Three']);
    expect(alpha.overdue).toEqual([{ meetingId: held, text: 'Send the pricing sheet', who: seed.members[0]!.userId, whoName: 'Max One', due: '2026-03-01' }]);
    expect(alpha.ratings).toEqual(expect.arrayContaining([{ meetingId: rated, quarter: '2026-Q2', average: 8, count: 1 }, { meetingId: held, quarter: '2026-Q1', average: null, count: 0 }]));
    expect(b).toMatchObject({ upcoming: [{ meetingId: betaNext.body.meeting.id }], readiness: { ready: 0, total: 1 }, overdue: [], ratings: [] });
  });

  it("counts a commitment overdue from midnight in its meeting's zone (Auckland), not from midnight UTC", async () => {
    const who = beta.member.userId;
    const meetingId = await heldWithCommitments(srv.storage, seed.coach, {
      groupId: beta.group.id,
      timeZone: 'Pacific/Auckland',
      startsAt: '2026-12-01T20:00:00.000Z',
      commitments: [{ id: 'nz', who, what: 'Book the venue', due: '2026-12-31' }],
    });
    // The clock is injected: New Year's Eve ends in Auckland (NZDT, UTC+13) at 11:00 UTC, while
    // UTC is still on the due day.
    const overdue = async (at: string) => (await coachingOverview(srv.storage, seed.coach.userId, new Date(at))).groups.find((g) => g.groupId === beta.group.id)!.overdue;
    expect(await overdue('2026-12-31T10:59:00Z')).toEqual([]);
    expect(await overdue('2026-12-31T11:00:00Z')).toEqual([{ meetingId, text: 'Book the venue', who, whoName: 'Beta Group Member', due: '2026-12-31' }]);
  });

  it('is empty for members, observers and organisers who coach no group', async () => {
    for (const c of [seed.members[0]!, seed.observer, seed.organiser, beta.member]) {
      expect((await c.get('/api/me/coaching')).body).toEqual({ groups: [] });
    }
  });
});
