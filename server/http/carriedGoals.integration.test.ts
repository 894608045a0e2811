// Dropping and rewording a carried goal over real HTTP against a real server and SQLite file:
// who may (the owner, whoever runs the room; not another member; nobody from another group),
// what the record keeps (reason, who, the first wording), and what a dropped goal no longer does
// (get reviewed, count in completion, carry at the end of the meeting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal } from '../../shared/goals/types.ts';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import { carryIntoMeeting } from '../services/meetingEnd.ts';
import { connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;
let n = 0;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
});
afterAll(() => srv?.close());

/** A goal stored as a review would have carried it (carriedCount quarters so far). */
async function carried(memberIndex: number, text: string, carriedCount = 1, quarter = '2025-Q3'): Promise<Goal> {
  const at = new Date().toISOString();
  return srv.storage.createGoal({
    id: `carried-${++n}`, groupId: seed.group.id, userId: seed.members[memberIndex]!.userId, quarter, meetingId: null, text, target: '', dueDate: null,
    status: 'open', comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount, vague: false, createdAt: at, updatedAt: at,
  });
}
const goalsOf = async (quarter: string): Promise<Goal[]> => (await seed.coach.get(`/api/groups/${seed.group.id}/goals?quarter=${quarter}`)).body;

describe('dropping a carried goal', () => {
  it('the owner drops their own with a reason; the record keeps it, who and when', async () => {
    const g = await carried(0, 'Hire a dispatcher', 3);
    const r = await seed.members[0]!.post(`/api/goals/${g.id}/drop`, { reason: ' Outsourced dispatch instead ' });
    expect(r.status).toBe(200);
    expect(r.body.dropped).toMatchObject({ reason: 'Outsourced dispatch instead', byUserId: seed.members[0]!.userId });
    expect(new Date(r.body.dropped.at).toISOString()).toBe(r.body.dropped.at);
    expect((await goalsOf('2025-Q3')).find((x) => x.id === g.id)).toMatchObject({ status: 'open', text: 'Hire a dispatcher', dropped: { reason: 'Outsourced dispatch instead' } });
    // Once: a second drop is refused and the first reason stays.
    const again = await seed.coach.post(`/api/goals/${g.id}/drop`, { reason: 'other' });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'conflict', message: 'This goal was dropped already' });
  });

  it('a member cannot drop or reword another member’s goal; the coach can', async () => {
    const g = await carried(1, 'Cut churn below 3 percent');
    for (const r of [
      await seed.members[0]!.post(`/api/goals/${g.id}/drop`, { reason: 'not mine to keep' }),
      await seed.members[0]!.post(`/api/goals/${g.id}/reword`, { text: 'Cut churn a bit', reason: 'easier' }),
      await seed.observer.post(`/api/goals/${g.id}/drop`, { reason: 'guest' }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    expect((await srv.storage.getGoal(g.id))!.dropped).toBeUndefined();
    const coach = await seed.coach.post(`/api/goals/${g.id}/drop`, { reason: 'Churn is fine after the price change' });
    expect(coach.status).toBe(200);
    expect(coach.body.dropped.byUserId).toBe(seed.coach.userId);
  });

  it('a member of another group gets 404 and learns nothing', async () => {
    const g = await carried(0, 'Open a second office');
    for (const r of [
      await beta.member.post(`/api/goals/${g.id}/drop`, { reason: 'x' }),
      await beta.member.post(`/api/goals/${g.id}/reword`, { text: 'y', reason: 'x' }),
      await beta.member.post('/api/goals/no-such-goal/drop', { reason: 'x' }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.error).toEqual({ code: 'not_found', message: 'No such goal' });
    }
    expect(await srv.storage.getGoal(g.id)).toEqual(g);
  });

  it('asks for a reason, and drops only carried goals still open', async () => {
    const g = await carried(0, 'Write the handbook');
    expect((await seed.members[0]!.post(`/api/goals/${g.id}/drop`, {})).status).toBe(400);
    expect((await seed.members[0]!.post(`/api/goals/${g.id}/drop`, { reason: '  ' })).status).toBe(400);
    const fresh = (await seed.members[0]!.post(`/api/groups/${seed.group.id}/goals`, { quarter: '2025-Q3', text: 'A new goal' })).body;
    expect((await seed.members[0]!.post(`/api/goals/${fresh.id}/drop`, { reason: 'x' })).body.error).toEqual({ code: 'conflict', message: 'Only a carried goal is dropped or reworded with a reason' });
    await put(seed.coach, `/api/goals/${g.id}/review`, { status: 'partly', comment: '' });
    expect((await seed.members[0]!.post(`/api/goals/${g.id}/drop`, { reason: 'x' })).status).toBe(409);
  });

  it('a dropped goal is not reviewed, not counted in completion and not carried at the end of the meeting', async () => {
    const kept = await carried(2, 'Move every client to the new PSA', 1, '2024-Q3');
    const gone = await carried(2, 'Write the sales playbook', 2, '2024-Q3');
    expect((await seed.members[2]!.post(`/api/goals/${gone.id}/drop`, { reason: 'Sales hire writes it' })).status).toBe(200);
    const refused = await put(seed.coach, `/api/goals/${gone.id}/review`, { status: 'not_done', comment: '' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('This goal was dropped: it is not reviewed');
    const history = (await seed.coach.get(`/api/groups/${seed.group.id}/goals/completion`)).body.members[2].history;
    expect(history.find((h: { quarter: string }) => h.quarter === '2024-Q3')).toMatchObject({ total: 1, rate: null });
    const meeting = await createMeeting(seed.coach, seed.group.id, '2024-Q4', '2024-10-20T08:00:00Z');
    const copies = await carryIntoMeeting(srv.storage, meeting.id);
    expect(copies.filter((c) => c.userId === seed.members[2]!.userId).map((c) => c.carriedFromId)).toEqual([kept.id]);
  });
});

describe('rewording a carried goal', () => {
  it('keeps the first wording and the latest reason; PATCH cannot change a carried goal’s words', async () => {
    const g = await carried(1, 'Hire a dispatcher', 2);
    const patched = await seed.members[1]!.patch(`/api/goals/${g.id}`, { text: 'Sneaky new words' });
    expect(patched.status).toBe(409);
    const once = await seed.members[1]!.post(`/api/goals/${g.id}/reword`, { text: 'Outsource dispatch', reason: 'Nobody to hire in this market' });
    expect(once.status).toBe(200);
    expect(once.body).toMatchObject({ text: 'Outsource dispatch', reworded: { from: 'Hire a dispatcher', reason: 'Nobody to hire in this market', byUserId: seed.members[1]!.userId } });
    const twice = await seed.coach.post(`/api/goals/${g.id}/reword`, { text: 'Outsource dispatch to a partner', reason: 'Partner found' });
    expect(twice.body).toMatchObject({ text: 'Outsource dispatch to a partner', reworded: { from: 'Hire a dispatcher', reason: 'Partner found', byUserId: seed.coach.userId } });
    // The same words are no rewording; a progress note still goes through PATCH.
    expect((await seed.members[1]!.post(`/api/goals/${g.id}/reword`, { text: 'Outsource dispatch to a partner', reason: 'x' })).status).toBe(409);
    expect((await seed.members[1]!.patch(`/api/goals/${g.id}`, { progress: 'Two partners asked' })).status).toBe(200);
    expect((await seed.members[1]!.post(`/api/goals/${g.id}/reword`, { text: 'x' })).status).toBe(400);
  });
});

describe('the facilitator of the live meeting', () => {
  it('drops and rewords another member’s carried goal while facilitating, and no longer after handing back', async () => {
    const first = await carried(1, 'Win a public tender');
    const second = await carried(1, 'Certify the team');
    const meeting = await createMeeting(seed.coach, seed.group.id, '2025-Q4', '2025-10-20T08:00:00Z');
    const s = await connectSocket(srv.url, seed.coach.cookie);
    const command = async (c: MeetingCommand) => expect((await emitAck(s, 'meeting:command', { meetingId: meeting.id, command: c })).ok).toBe(true);
    try {
      await emitAck(s, 'room:join', { meetingId: meeting.id, mode: 'room' });
      await command({ type: 'meeting.start' });
      const max = seed.members[0]!;
      // Max is a member, not the facilitator yet: Mia's goal is not his to drop.
      expect((await max.post(`/api/goals/${first.id}/drop`, { reason: 'x' })).status).toBe(403);
      await command({ type: 'facilitator.handoff', userId: max.userId });
      const dropped = await max.post(`/api/goals/${first.id}/drop`, { reason: 'No tender this year' });
      expect(dropped.status).toBe(200);
      expect(dropped.body.dropped).toMatchObject({ reason: 'No tender this year', byUserId: max.userId });
      expect((await max.post(`/api/goals/${second.id}/reword`, { text: 'Certify two technicians', reason: 'Smaller first step' })).status).toBe(200);
      await command({ type: 'facilitator.handoff', userId: seed.coach.userId });
      expect((await max.post(`/api/goals/${second.id}/drop`, { reason: 'x' })).status).toBe(403);
    } finally {
      await emitAck(s, 'meeting:command', { meetingId: meeting.id, command: { type: 'meeting.end' } });
      s.close();
    }
  });
});
