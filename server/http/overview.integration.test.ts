// "My page" and the coach's overview on a real server: only one's own record, numbers against
// the group's median, commitments with overdue flags, attendance; coach-only access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName } from '../../shared/collab/docNames.ts';
import { collabClient, waitUntil } from '../testing/collabClient.ts';
import { ApiClient, connectSocket, emitAck, joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { heldWithCommitments, otherGroup } from '../testing/records.ts';
import { groupOverview, myOverview } from '../services/overview.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const [m0, m1, m2] = seed.members;
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
  // Figures for two quarters from three companies.
  for (const [i, m] of [m0!, m1!, m2!].entries()) {
    for (const [q, base] of [['2026-Q1', 100], ['2026-Q2', 120]] as const) {
      const r = await m.request('PUT', `/api/groups/${seed.group.id}/figures/${q}`, { figures: [{ kpiKey: 'total_revenue', value: (base + i * 10) * 1000 }] });
      expect(r.status).toBe(200);
    }
  }
  await srv.storage.createGoal({
    id: 'g-m0', groupId: seed.group.id, userId: m0!.userId, quarter: '2026-Q2', meetingId: null, text: 'Hire a service manager', target: 'contract signed',
    dueDate: null, status: 'partly', comment: 'interviewing', progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false,
    createdAt: '2026-06-01T09:00:00.000Z', updatedAt: '2026-06-01T09:00:00.000Z',
  });
  // The meeting runs: the coach and m0 attend, then it ends (others are recorded absent).
  const coach = await connectSocket(srv.url, seed.coach.cookie);
  const s0 = await connectSocket(srv.url, m0!.cookie);
  await emitAck(coach, 'room:join', { meetingId, mode: 'room' });
  await emitAck(s0, 'room:join', { meetingId, mode: 'remote' });
  expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
  const c = collabClient(srv.url, m0!.cookie, commitmentsDocName(meetingId));
  await waitUntil(() => c.provider.synced, 'synced');
  addCommitment(c.doc, { id: 'late', who: m0!.userId, what: 'Send the offer to the candidate', due: '2026-09-15', status: 'open', confidential: false, createdBy: m0!.userId, createdAt: '2026-09-01T10:00:00Z' });
  addCommitment(c.doc, { id: 'later', who: m0!.userId, what: 'Review pricing', due: '2099-01-01', status: 'open', confidential: false, createdBy: m0!.userId, createdAt: '2026-09-01T10:00:00Z' });
  addCommitment(c.doc, { id: 'secret', who: m1!.userId, what: 'Let the weakest salesman go', due: '2026-09-30', status: 'open', confidential: true, createdBy: m1!.userId, createdAt: '2026-09-01T10:00:00Z' });
  await waitUntil(async () => (await srv.storage.loadDoc(commitmentsDocName(meetingId))).updates.length + ((await srv.storage.loadDoc(commitmentsDocName(meetingId))).snapshot ? 1 : 0) >= 3, 'commitments stored');
  expect((await emitAck(coach, 'meeting:command', { meetingId, command: { type: 'meeting.end' } })).ok).toBe(true);
  c.provider.destroy();
  coach.close();
  s0.close();
});
afterAll(() => srv?.close());

describe('my page', () => {
  it('shows my goals, completion, commitments (overdue flagged), attendance and my numbers against the median', async () => {
    const r = await seed.members[0]!.get('/api/me/overview');
    expect(r.status).toBe(200);
    const g = r.body.groups[0];
    expect(g.group.id).toBe(seed.group.id);
    expect(g.goals.some((x: any) => x.id === 'g-m0')).toBe(true);
    expect(g.completion.find((x: any) => x.quarter === '2026-Q2')).toMatchObject({ partly: 1, rate: 0.5 });
    expect(g.openCommitments.map((x: any) => [x.id, x.overdue])).toEqual([['late', true], ['later', false]]);
    expect(g.attendance).toEqual([{ meetingId, quarter: '2026-Q3', title: 'Quarterly meeting 2026-Q3', status: 'remote' }]);
    const revenue = g.figures.find((f: any) => f.kpiKey === 'total_revenue');
    expect(revenue.points).toEqual([
      { quarter: '2026-Q1', mine: 100_000, median: 110_000 },
      { quarter: '2026-Q2', mine: 120_000, median: 130_000 },
    ]);
  });

  it('holds only my own record; absent members are recorded as absent', async () => {
    const g = (await seed.members[1]!.get('/api/me/overview')).body.groups[0];
    expect(g.userId).toBe(seed.members[1]!.userId);
    expect(g.openCommitments.map((x: any) => x.id)).toEqual(['secret']);
    expect(g.attendance[0].status).toBe('absent');
    const obs = (await seed.observer.get('/api/me/overview')).body.groups[0];
    expect(obs.figures).toEqual([]);
  });
});

describe("coach's overview", () => {
  it('lists every member company, overdue commitments first; members and strangers are refused', async () => {
    const r = await seed.coach.get(`/api/groups/${seed.group.id}/overview`);
    expect(r.status).toBe(200);
    expect(r.body.members.map((m: any) => m.name)).toEqual(['Max One', 'Mia Two', 'Moe Three']);
    expect(r.body.members[0].openCommitments.filter((c: any) => c.overdue).map((c: any) => c.id)).toEqual(['late']);
    expect(r.body.members[1].openCommitments.map((c: any) => c.id)).toEqual(['secret']);
    expect((await seed.members[0]!.get(`/api/groups/${seed.group.id}/overview`)).status).toBe(403);
    expect((await new ApiClient(srv.url).get(`/api/groups/${seed.group.id}/overview`)).status).toBe(401);
  });
});

describe("overdue, on the calendar of the meeting the commitment was made in", () => {
  it("flags a commitment from midnight in its meeting's zone, not from midnight UTC, overdue ones first, on both pages", async () => {
    const { group, member } = await otherGroup(srv.url, seed.organiser, seed.networkId, 'York Group');
    const coach = await joinGroup(srv.url, seed.organiser, group.id, 'Yves Coach', 'coach');
    const held = (timeZone: string, startsAt: string, id: string) =>
      heldWithCommitments(srv.storage, coach, { groupId: group.id, timeZone, startsAt, commitments: [{ id, who: member.userId, what: `Call the bank (${id})`, due: '2026-12-03' }] });
    // Both due 3 December; the Auckland meeting was the earlier one, so it is read second.
    await held('America/New_York', '2026-12-01T14:00:00.000Z', 'ny');
    await held('Pacific/Auckland', '2026-11-30T20:00:00.000Z', 'nz');
    // The clock is injected: 19:00 and 23:59 in New York on the due day (UTC says 4 December by
    // then, Auckland too), then midnight in New York (05:00 UTC, EST).
    const flags = async (at: string) => {
      const mine = (await myOverview(srv.storage, member.userId, new Date(at))).find((g) => g.group.id === group.id)!;
      const coaches = (await groupOverview(srv.storage, coach.userId, group.id, new Date(at))).members[0]!;
      expect(coaches.openCommitments).toEqual(mine.openCommitments);
      return mine.openCommitments.map((c) => [c.id, c.overdue]);
    };
    expect(await flags('2026-12-04T00:00:00Z')).toEqual([['nz', true], ['ny', false]]);
    expect(await flags('2026-12-04T04:59:00Z')).toEqual([['nz', true], ['ny', false]]);
    expect((await flags('2026-12-04T05:00:00Z')).map(([, overdue]) => overdue)).toEqual([true, true]);
  });
});
