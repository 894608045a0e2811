// The coach's goals at a glance over real HTTP and sockets: which quarter is current as
// meetings are held, carried counts, completion this quarter and over time, who may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;

const overviewPath = (query = '') => `/api/groups/${seed.group.id}/goals/overview${query}`;
const addGoal = async (c: ApiClient, quarter: string, text: string) => {
  const r = await c.post(`/api/groups/${seed.group.id}/goals`, { quarter, text, target: 'a number' });
  expect(r.status).toBe(201);
  return r.body;
};
const memberIn = (o: any, userId: string) => o.members.find((m: any) => m.userId === userId);

/** Starts (and optionally ends) a meeting as the coach through the real meeting channel. */
async function run(meetingId: string, commands: string[]) {
  const socket = await connectSocket(srv.url, seed.coach.cookie);
  try {
    expect((await emitAck(socket, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
    for (const type of commands) expect((await emitAck(socket, 'meeting:command', { meetingId, command: { type } as never })).ok).toBe(true);
  } finally {
    socket.close();
  }
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

describe('goals overview', () => {
  it('follows the current quarter, counts carried goals and completion now and over time', async () => {
    const [m1, m2] = seed.members;
    const a = await addGoal(m1!, '2025-Q3', 'Sign 5 managed-services contracts');
    const b = await addGoal(m1!, '2025-Q3', 'Hire a dispatcher');
    await addGoal(m2!, '2025-Q3', 'Raise prices 8 %');
    const held = await createMeeting(seed.coach, seed.group.id, '2025-Q3', '2025-07-15T08:00:00Z');
    await run(held.id, ['meeting.start', 'meeting.end']);
    const next = await createMeeting(seed.coach, seed.group.id, '2025-Q4', '2025-10-15T08:00:00Z');

    // Between meetings: the goals set at the last held meeting.
    const between = (await seed.coach.get(overviewPath())).body;
    expect(between.quarter).toBe('2025-Q3');
    expect(between.members).toHaveLength(3);
    expect(memberIn(between, m1!.userId)).toMatchObject({ name: 'Max One', company: 'One GmbH', carried: 0, overallRate: null, completion: { total: 2, rate: null } });
    expect(memberIn(between, m1!.userId).goals.map((g: any) => g.id)).toEqual([a.id, b.id]);
    expect(memberIn(between, seed.members[2]!.userId)).toMatchObject({ goals: [], completion: { total: 0, rate: null } });

    // During the next meeting: its quarter, with what the review carried in.
    await run(next.id, ['meeting.start']);
    await put(seed.coach, `/api/goals/${a.id}/review`, { status: 'done' });
    await put(seed.coach, `/api/goals/${b.id}/review`, { status: 'not_done', comment: 'no candidate yet' });
    const live = (await seed.members[1]!.get(overviewPath())).body;
    expect(live.quarter).toBe('2025-Q4');
    const max = memberIn(live, m1!.userId);
    expect(max).toMatchObject({ carried: 1, overallRate: 0.5, completion: { quarter: '2025-Q4', total: 1, rate: null } });
    expect(max.goals[0]).toMatchObject({ carriedFromId: b.id, carriedCount: 1, status: 'open' });

    const past = (await seed.coach.get(overviewPath('?quarter=2025-Q3'))).body;
    expect(memberIn(past, m1!.userId).completion).toMatchObject({ total: 2, done: 1, notDone: 1, rate: 0.5 });
  });

  it('is for the group (observers and organisers included); others get 404; a bad quarter 400', async () => {
    expect((await seed.observer.get(overviewPath())).status).toBe(200);
    expect((await seed.organiser.get(overviewPath())).status).toBe(200);
    const beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
    const stranger = await beta.member.get(overviewPath());
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe('not_found');
    expect((await seed.coach.get(overviewPath('?quarter=2025-5'))).status).toBe(400);
  });
});
