// The parking lot over real HTTP and sockets: proposals a meeting left and items parked during it
// survive the end and become the next meeting's hot-seat proposals; actions keep the history;
// only the room reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';
import { createMeeting, otherGroup } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const lot = (all = false) => `/api/groups/${seed.group.id}/parking${all ? '?all=1' : ''}`;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

async function joined(cookie: string, meetingId: string): Promise<ClientSocket> {
  const s = await connectSocket(srv.url, cookie);
  expect((await emitAck(s, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
  return s;
}
const cmd = async (s: ClientSocket, meetingId: string, command: Record<string, unknown>) => {
  const r = await emitAck(s, 'meeting:command', { meetingId, command } as never);
  expect(r).toMatchObject({ ok: true });
};

describe('parking lot', () => {
  it('keeps unused proposals and parked items past the end, and the next meeting proposes them', async () => {
    const a = await createMeeting(seed.coach, seed.group.id, '2027-Q1', '2027-01-20T08:00:00Z');
    const [max, mia] = seed.members;
    const coach = await joined(seed.coach.cookie, a.id);
    const maxS = await joined(max!.cookie, a.id);
    await cmd(maxS, a.id, { type: 'topic.propose', id: 't-pricing', title: 'Raising prices' });
    await cmd(maxS, a.id, { type: 'topic.propose', id: 't-hiring', title: 'Hiring a service manager' });
    await cmd(coach, a.id, { type: 'meeting.start' });
    const seat = a.agenda.find((i) => i.kind === 'hotseat')!.id;
    await cmd(coach, a.id, { type: 'hotseat.setup', itemId: seat, presenterId: max!.userId, topic: 'Raising prices', proposalId: 't-pricing' });
    // Parked from the hot seat in one request; a need added between meetings.
    const parked = await mia!.post(`/api/meetings/${a.id}/parking`, { title: 'Succession plan for the founder', itemId: seat });
    expect(parked.status).toBe(201);
    expect(parked.body).toMatchObject({ kind: 'parked', status: 'open', sourceMeetingId: a.id, sourceItemId: seat, createdBy: mia!.userId });
    expect((await mia!.post(`/api/meetings/${a.id}/parking`, { title: 'x', itemId: 'nope' })).status).toBe(400);
    const need = await mia!.post(lot(), { kind: 'need', title: 'A bank contact in Lyon' });
    expect(need.status).toBe(201);

    await cmd(coach, a.id, { type: 'meeting.end' });
    coach.close();
    maxS.close();
    expect((await mia!.post(`/api/meetings/${a.id}/parking`, { title: 'Too late' })).body.error.code).toBe('meeting_ended');

    const open = (await seed.coach.get(lot())).body as any[];
    expect(open.map((i) => [i.kind, i.title, i.status])).toEqual([
      ['parked', 'Succession plan for the founder', 'open'],
      ['need', 'A bank contact in Lyon', 'open'],
      ['proposal', 'Hiring a service manager', 'open'],
    ]);
    const hiring = open.find((i) => i.kind === 'proposal');
    expect(hiring).toMatchObject({ createdBy: max!.userId, sourceMeetingId: a.id });
    expect(hiring.history.map((h: any) => h.action)).toEqual(['carried']);

    // The next meeting starts with them as proposals (needs and leads stay on the lot).
    const b = await createMeeting(seed.coach, seed.group.id, '2027-Q2', '2027-04-20T08:00:00Z');
    const state = (await seed.members[2]!.get(`/api/meetings/${b.id}`)).body.state;
    expect(state.topics.map((t: any) => [t.title, t.userId])).toEqual([
      ['Succession plan for the founder', mia!.userId],
      ['Hiring a service manager', max!.userId],
    ]);
    const after = (await seed.coach.get(lot())).body as any[];
    const succession = after.find((i) => i.title.startsWith('Succession'));
    expect(succession).toMatchObject({ status: 'scheduled', scheduledMeetingId: b.id });
    expect(succession.history.map((h: any) => h.action)).toEqual(['parked', 'scheduled']);
    expect(after.find((i) => i.kind === 'need').status).toBe('open');

    // Meeting B takes the succession plan in a hot seat and leaves the hiring question: the one
    // resolves, the other goes back on the lot, with its history.
    const coachB = await joined(seed.coach.cookie, b.id);
    const seatB = (await seed.coach.get(`/api/meetings/${b.id}`)).body.state.agenda.find((i: any) => i.kind === 'hotseat').id;
    await cmd(coachB, b.id, { type: 'meeting.start' });
    await cmd(coachB, b.id, { type: 'hotseat.setup', itemId: seatB, presenterId: mia!.userId, topic: 'Succession plan for the founder', proposalId: `park-${succession.id}` });
    await cmd(coachB, b.id, { type: 'meeting.end' });
    coachB.close();
    const all = (await seed.coach.get(lot(true))).body as any[];
    expect(all.find((i) => i.id === succession.id)).toMatchObject({ status: 'resolved', scheduledMeetingId: null });
    const hiringAgain = all.find((i) => i.id === hiring.id);
    expect(hiringAgain.status).toBe('open');
    expect(hiringAgain.history.map((h: any) => [h.action, h.meetingId])).toEqual([['carried', a.id], ['scheduled', b.id], ['carried', b.id]]);
    // Nothing parked twice: the same proposal is one item.
    expect(all.filter((i) => i.title === 'Hiring a service manager')).toHaveLength(1);
  });

  it('an item is resolved, dropped, reopened or scheduled by the coach or its author, with its history', async () => {
    const [max, mia] = seed.members;
    const item = (await mia!.post(lot(), { kind: 'lead', title: 'Hospital tender in March', detail: 'Max knows the buyer' })).body;
    const act = (c: typeof max, action: string, note = '') => c!.post(`/api/parking/${item.id}/actions`, { action, note });
    expect((await act(max, 'drop')).status).toBe(403);
    expect((await act(seed.observer, 'drop')).status).toBe(403);
    expect((await act(mia, 'resolve', 'Won it')).body).toMatchObject({ status: 'resolved' });
    expect((await act(mia, 'resolve')).status).toBe(409);
    expect((await act(seed.coach, 'reopen')).body.status).toBe('open');
    const next = await createMeeting(seed.coach, seed.group.id, '2027-Q4', '2027-10-20T08:00:00Z');
    const scheduled = (await act(seed.coach, 'schedule', 'For the hot seat')).body;
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledMeetingId: next.id });
    expect((await seed.coach.get(`/api/meetings/${next.id}`)).body.state.topics.map((t: any) => t.title)).toContain('Hospital tender in March');
    const dropped = (await act(seed.coach, 'drop', 'Tender cancelled')).body;
    expect(dropped.history.map((h: any) => [h.action, h.by, h.note])).toEqual([
      ['added', mia!.userId, ''],
      ['resolved', mia!.userId, 'Won it'],
      ['reopened', seed.coach.userId, ''],
      ['scheduled', seed.coach.userId, 'For the hot seat'],
      ['dropped', seed.coach.userId, 'Tender cancelled'],
    ]);
    // Dropping a scheduled item withdraws it from that meeting's proposals; the others stay.
    const topics = (await seed.coach.get(`/api/meetings/${next.id}`)).body.state.topics.map((t: any) => t.id);
    expect(topics).not.toContain(`park-${item.id}`);
    const other = (await mia!.post(lot(), { kind: 'parked', title: 'Second plant', detail: '' })).body;
    expect((await mia!.post(`/api/parking/${other.id}/actions`, { action: 'schedule' })).body.scheduledMeetingId).toBe(next.id);
    expect((await mia!.post(`/api/parking/${other.id}/actions`, { action: 'resolve' })).body.status).toBe('resolved');
    const after = (await seed.coach.get(`/api/meetings/${next.id}`)).body.state.topics.map((t: any) => t.id);
    expect(after).not.toContain(`park-${other.id}`);
    expect(after).toEqual(topics);
    expect((await mia!.post(`/api/parking/${item.id}/actions`, { action: 'explode' })).status).toBe(400);
  });

  it('is the room’s: observers get 403, other groups 404', async () => {
    expect((await seed.observer.get(lot())).status).toBe(403);
    expect((await seed.observer.post(lot(), { kind: 'need', title: 'x' })).status).toBe(403);
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await stranger.get(lot())).status).toBe(404);
    const any = (await seed.coach.get(lot(true))).body[0];
    expect((await stranger.post(`/api/parking/${any.id}/actions`, { action: 'drop' })).status).toBe(404);
    expect((await seed.organiser.get(lot())).status).toBe(200);
  });
});
