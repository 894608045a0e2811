// Goals, their review and carry-over, the end of a meeting, the goal review and the summary,
// over real HTTP and sockets against a real server and SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, notesDocName } from '../../shared/collab/docNames.ts';
import { carryIntoMeeting } from '../services/meetingEnd.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';
import type { NoteBlock } from '../../shared/notes/blocks.ts';
import { notesToText } from '../../shared/notes/text.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: Awaited<ReturnType<typeof otherGroup>>;

const goalsPath = () => `/api/groups/${seed.group.id}/goals`;
const addGoal = async (c: ApiClient, quarter: string, text: string, extra: Record<string, unknown> = {}) => {
  const r = await c.post(goalsPath(), { quarter, text, target: '10 signed contracts', ...extra });
  expect(r.status).toBe(201);
  return r.body;
};
const review = (c: ApiClient, goalId: string, status: string, comment = '') => put(c, `/api/goals/${goalId}/review`, { status, comment });
const goalsOf = async (quarter: string) => (await seed.coach.get(`${goalsPath()}?quarter=${quarter}`)).body as any[];

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
});
afterAll(() => srv?.close());

describe('who may reach goals', () => {
  it("another group's member gets 404 on every goals, goal-review and summary endpoint", async () => {
    const goal = await addGoal(seed.members[0]!, '2025-Q1', 'Hire a service manager');
    const meeting = await createMeeting(seed.coach, seed.group.id, '2025-Q1', '2025-01-20T08:00:00Z');
    const s = beta.member;
    const g = seed.group.id;
    const tries = [
      await s.get(`/api/groups/${g}/goals`),
      await s.post(`/api/groups/${g}/goals`, { quarter: '2025-Q1', text: 'x' }),
      await s.get(`/api/groups/${g}/goals/completion`),
      await s.patch(`/api/goals/${goal.id}`, { progress: 'x' }),
      await review(s, goal.id, 'done'),
      await s.del(`/api/goals/${goal.id}`),
      await s.get(`/api/meetings/${meeting.id}/goal-review`),
      await s.get(`/api/meetings/${meeting.id}/summary`),
    ];
    for (const r of tries) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });

  it('observers and organisers read goals; only member companies set their own', async () => {
    expect((await seed.observer.get(goalsPath())).status).toBe(200);
    expect((await seed.organiser.get(`${goalsPath()}/completion`)).status).toBe(200);
    for (const c of [seed.coach, seed.observer]) expect((await c.post(goalsPath(), { quarter: '2025-Q1', text: 'x' })).status).toBe(403);
    const forOther = await seed.members[0]!.post(goalsPath(), { quarter: '2025-Q1', text: 'x', userId: seed.members[1]!.userId });
    expect(forOther.status).toBe(403);
    const noMeeting = await seed.coach.post(goalsPath(), { quarter: '2025-Q1', text: 'x', userId: seed.members[1]!.userId });
    expect(noMeeting.status).toBe(409);
    expect(noMeeting.body.error.code).toBe('meeting_not_live');
  });
});

describe('editing and reviewing', () => {
  it("a member can't review goals, edit another's goal or flag it vague; the coach can flag", async () => {
    const [m1, m2] = seed.members;
    const goal = await addGoal(m1!, '2025-Q2', 'More sales', { target: '' });
    const refused = [
      await review(m1!, goal.id, 'done'),
      await review(m2!, goal.id, 'done'),
      await review(seed.observer, goal.id, 'done'),
      await m2!.patch(`/api/goals/${goal.id}`, { text: 'Less sales' }),
      await m1!.patch(`/api/goals/${goal.id}`, { vague: true }),
      await seed.coach.patch(`/api/goals/${goal.id}`, { text: 'Coach words' }),
    ];
    for (const r of refused) expect([r.status, r.body.error.code]).toEqual([403, 'forbidden']);
    expect((await seed.coach.patch(`/api/goals/${goal.id}`, { vague: true })).body.vague).toBe(true);
    const edited = await m1!.patch(`/api/goals/${goal.id}`, { target: '5 new clients', progress: 'two signed' });
    expect(edited.body).toMatchObject({ target: '5 new clients', progress: 'two signed', vague: true });
  });

  it("the goal review carries each goal's latest progress note and when it was written", async () => {
    // A group of its own: its meetings must not become the carry target of the other tests' goals.
    const own = await otherGroup(srv.url, seed.organiser, seed.networkId, 'Progress Group');
    const m1 = own.member;
    const meeting = await createMeeting(seed.organiser, own.group.id, '2028-Q2', '2028-04-20T08:00:00Z');
    await createMeeting(seed.organiser, own.group.id, '2028-Q1', '2028-01-20T08:00:00Z');
    const ownGoal = async (text: string) => (await m1.post(`/api/groups/${own.group.id}/goals`, { quarter: '2028-Q1', text })).body;
    const noted = await ownGoal('Open a second office');
    const silent = await ownGoal('Write a handbook');
    expect(noted.progressAt).toBeNull();
    const first = (await m1.patch(`/api/goals/${noted.id}`, { progress: 'lease signed' })).body;
    const latest = (await m1.patch(`/api/goals/${noted.id}`, { progress: 'lease signed, two hires' })).body;
    expect(latest.progressAt >= first.progressAt).toBe(true);
    // Saving the same note again is not new progress; rewording the goal is not progress either.
    expect((await m1.patch(`/api/goals/${noted.id}`, { progress: 'lease signed, two hires', text: 'Open a second office in Lyon' })).body.progressAt).toBe(latest.progressAt);
    const set = (await seed.organiser.get(`/api/meetings/${meeting.id}/goal-review`)).body;
    const byId = new Map(set.review.map((g: any) => [g.id, g]));
    expect(byId.get(noted.id)).toMatchObject({ progress: 'lease signed, two hires', progressAt: latest.progressAt });
    expect(byId.get(silent.id)).toMatchObject({ progress: '', progressAt: null });
  });

  it('carries a goal once per review, counting 1 then 2 across two meetings; done is not carried', async () => {
    const m1 = seed.members[0]!;
    const a = await createMeeting(seed.coach, seed.group.id, '2025-Q3', '2025-07-20T08:00:00Z');
    const b = await createMeeting(seed.coach, seed.group.id, '2025-Q4', '2025-10-20T08:00:00Z');
    const c = await createMeeting(seed.coach, seed.group.id, '2026-Q1', '2026-01-20T08:00:00Z');
    const missed = await addGoal(m1, '2025-Q3', 'Launch backup service');
    const hit = await addGoal(m1, '2025-Q3', 'Hire two technicians');

    const first = await review(seed.coach, missed.id, 'not_done', 'no time');
    expect(first.status).toBe(200);
    expect(first.body.goal).toMatchObject({ id: missed.id, status: 'not_done', comment: 'no time' });
    expect(first.body.carried).toMatchObject({ quarter: '2025-Q4', carriedFromId: missed.id, carriedCount: 1, status: 'open', meetingId: b.id, text: missed.text });
    const again = await review(seed.coach, missed.id, 'not_done', 'really no time');
    expect(again.body.carried.id).toBe(first.body.carried.id);
    expect((await goalsOf('2025-Q4')).filter((g) => g.text === missed.text)).toHaveLength(1);

    const second = await review(seed.organiser, first.body.carried.id, 'partly');
    expect(second.body.carried).toMatchObject({ quarter: '2026-Q1', carriedFromId: first.body.carried.id, carriedCount: 2, meetingId: c.id });

    expect((await review(seed.coach, hit.id, 'done')).body.carried).toBeNull();
    expect((await goalsOf('2025-Q4')).some((g) => g.carriedFromId === hit.id)).toBe(false);

    const review1 = (await seed.members[1]!.get(`/api/meetings/${b.id}/goal-review`)).body;
    expect(review1).toMatchObject({ reviewQuarter: '2025-Q3', newQuarter: '2025-Q4', previousMeetingId: a.id });
    expect(review1.review.map((g: any) => g.id)).toEqual([missed.id, hit.id]);
    expect(review1.new.map((g: any) => g.id)).toEqual([first.body.carried.id]);
  });

  it('a review changed to done takes back the untouched carry-over', async () => {
    const goal = await addGoal(seed.members[2]!, '2025-Q3', 'Write the pricing page');
    const carried = (await review(seed.coach, goal.id, 'partly')).body.carried;
    expect((await review(seed.coach, goal.id, 'done')).body).toMatchObject({ goal: { status: 'done' }, carried: null });
    expect((await seed.coach.get(`${goalsPath()}?quarter=2025-Q4`)).body.map((g: any) => g.id)).not.toContain(carried.id);
  });

  it('a review changed to done keeps a carry-over the member has reworded or worked on', async () => {
    const m3 = seed.members[2]!;
    const reworded = await addGoal(m3, '2025-Q3', 'Write the services page');
    const worked = await addGoal(m3, '2025-Q3', 'Write the about page');
    const copy1 = (await review(seed.coach, reworded.id, 'not_done')).body.carried;
    const copy2 = (await review(seed.coach, worked.id, 'partly')).body.carried;
    expect((await m3.post(`/api/goals/${copy1.id}/reword`, { text: 'Write the services page, with prices', reason: 'Prices belong on it' })).status).toBe(200);
    expect((await m3.patch(`/api/goals/${copy2.id}`, { progress: 'draft done' })).status).toBe(200);
    await review(seed.coach, reworded.id, 'done');
    await review(seed.coach, worked.id, 'done');
    const next = (await seed.coach.get(`${goalsPath()}?quarter=2025-Q4`)).body.map((g: any) => g.id);
    expect(next).toEqual(expect.arrayContaining([copy1.id, copy2.id]));
  });

  it('the owner deletes an open goal; reviewed, carried and other people’s goals stay', async () => {
    const [m1, m2] = seed.members;
    const open = await addGoal(m1!, '2026-Q2', 'Draft a handbook');
    const reviewed = await addGoal(m1!, '2026-Q2', 'Visit five clients');
    await review(seed.coach, reviewed.id, 'not_done');
    const copy = (await seed.coach.get(`${goalsPath()}?quarter=2026-Q3&userId=${m1!.userId}`)).body.find((g: any) => g.carriedFromId === reviewed.id);
    expect((await m2!.del(`/api/goals/${open.id}`)).status).toBe(403);
    expect((await m1!.del(`/api/goals/${reviewed.id}`)).status).toBe(409);
    expect((await m1!.del(`/api/goals/${copy.id}`)).status).toBe(409);
    expect((await m1!.del(`/api/goals/${open.id}`)).status).toBe(204);
    expect((await goalsOf('2026-Q2')).map((g) => g.id)).toEqual([reviewed.id]);
  });

  it('completion lists every member company with its rates per quarter', async () => {
    const body = (await seed.observer.get(`${goalsPath()}/completion`)).body;
    expect(body.members.map((m: any) => m.name)).toEqual(['Max One', 'Mia Two', 'Moe Three']);
    const max = body.members[0].history.find((h: any) => h.quarter === '2025-Q3');
    expect(max).toMatchObject({ total: 2, done: 1, notDone: 1, rate: 0.5 });
    expect(body.members[1].history).toEqual([]);
  });
});

describe('the end of a meeting', () => {
  let meeting: { id: string; agenda: { id: string; kind: string }[] };
  const quarter = '2027-Q2';

  it('marks coaches and members who never joined absent and carries unfinished goals over, once', async () => {
    const [m1, m2] = seed.members;
    const prev = await createMeeting(seed.coach, seed.group.id, '2027-Q1', '2027-01-20T08:00:00Z');
    meeting = await createMeeting(seed.coach, seed.group.id, quarter, '2027-04-20T08:00:00Z');
    const open = await addGoal(m1!, '2027-Q1', 'Open goal, never reviewed');
    const done = await addGoal(m1!, '2027-Q1', 'Done goal');
    const missed = await addGoal(m2!, '2027-Q1', 'Missed goal');
    await review(seed.coach, done.id, 'done');
    const carriedByReview = (await review(seed.coach, missed.id, 'not_done')).body.carried;

    const coach = await connectSocket(srv.url, seed.coach.cookie);
    const member = await connectSocket(srv.url, m1!.cookie);
    try {
      expect((await emitAck(coach, 'room:join', { meetingId: meeting.id, mode: 'room' })).ok).toBe(true);
      expect((await emitAck(member, 'room:join', { meetingId: meeting.id, mode: 'remote' })).ok).toBe(true);
      expect((await emitAck(coach, 'meeting:command', { meetingId: meeting.id, command: { type: 'meeting.start' } })).ok).toBe(true);
      // During the live meeting the coach sets a goal for a member.
      const forM2 = await seed.coach.post(goalsPath(), { quarter, text: 'Set by the coach', userId: m2!.userId });
      expect(forM2.body).toMatchObject({ userId: m2!.userId, meetingId: meeting.id });
      const ended = nextEvent(member, 'meeting:state', (p) => p.state.status === 'ended');
      expect((await emitAck(coach, 'meeting:command', { meetingId: meeting.id, command: { type: 'meeting.end' } })).ok).toBe(true);
      const { state } = await ended;
      expect(state.attendance[seed.coach.userId]).toMatchObject({ status: 'present' });
      expect(state.attendance[m1!.userId]).toMatchObject({ status: 'remote' });
      expect(state.attendance[m2!.userId]).toMatchObject({ status: 'absent' });
      expect(state.attendance[seed.members[2]!.userId]).toMatchObject({ status: 'absent' });
      // Observers and the organiser are not expected at the meeting: no entry for them.
      expect(Object.keys(state.attendance).sort()).toEqual([seed.coach.userId, ...seed.members.map((m) => m.userId)].sort());
    } finally {
      coach.close();
      member.close();
    }

    const carried = (await goalsOf(quarter)).filter((g) => g.carriedFromId);
    expect(carried.map((g) => [g.carriedFromId, g.carriedCount]).sort()).toEqual([[missed.id, 1], [open.id, 1]].sort());
    expect(carried.find((g) => g.carriedFromId === missed.id).id).toBe(carriedByReview.id);
    expect(carried.find((g) => g.carriedFromId === open.id)).toMatchObject({ meetingId: meeting.id, status: 'open' });
    expect(await carryIntoMeeting(srv.storage, meeting.id)).toEqual([]);
    expect((await goalsOf(quarter)).filter((g) => g.carriedFromId)).toHaveLength(2);

    const set = (await seed.observer.get(`/api/meetings/${meeting.id}/goal-review`)).body;
    expect(set).toMatchObject({ reviewQuarter: '2027-Q1', newQuarter: quarter, previousMeetingId: prev.id });
    expect(set.review.map((g: any) => g.id).sort()).toEqual([open.id, done.id, missed.id].sort());
    expect(set.new).toHaveLength(3);
  });

  it('the summary leaves "stays in the room" notes and commitments out for an observer only', async () => {
    const item = meeting.agenda.find((i) => i.kind === 'hotseat') ?? meeting.agenda[0]!;
    const notes = new Y.Doc();
    const para = (text: string, confidential: boolean) => {
      const p = new Y.XmlElement('paragraph');
      if (confidential) p.setAttribute('confidential', true as unknown as string);
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    };
    notes.getXmlFragment('notes').insert(0, [para('Raise prices in Q3', false), para('Max is selling the company', true)]);
    await srv.storage.appendDocUpdate(notesDocName(meeting.id, item.id), Y.encodeStateAsUpdate(notes));
    const list = new Y.Doc();
    const commitment = { who: seed.members[0]!.userId, due: '', status: 'open' as const, createdBy: seed.coach.userId, createdAt: '2027-04-20T10:00:00Z' };
    addCommitment(list, { ...commitment, id: 'c1', what: 'Send the price list', confidential: false });
    addCommitment(list, { ...commitment, id: 'c2', what: 'Talk to a buyer', confidential: true });
    await srv.storage.appendDocUpdate(commitmentsDocName(meeting.id), Y.encodeStateAsUpdate(list));

    const member = (await seed.members[1]!.get(`/api/meetings/${meeting.id}/summary`)).body;
    expect(member.notes).toEqual([{ itemId: item.id, title: expect.any(String), blocks: expect.any(Array) }]);
    expect(notesToText(member.notes[0].blocks)).toBe('Raise prices in Q3\nMax is selling the company');
    expect(member.notes[0].blocks.map((b: NoteBlock) => b.roomOnly)).toEqual([false, true]);
    expect(member.commitments.map((c: any) => c.id)).toEqual(['c1', 'c2']);
    expect(member.meeting.status).toBe('ended');
    expect(member.agenda.length).toBe(meeting.agenda.length);
    expect(member.attendance.find((a: any) => a.userId === seed.members[2]!.userId)).toMatchObject({ name: 'Moe Three', status: 'absent' });
    expect(member.review).toHaveLength(3);
    expect(member.newGoals).toHaveLength(3);
    expect(member.completion.find((c: any) => c.userId === seed.members[0]!.userId)).toMatchObject({ total: 2, done: 1, rate: 1 });

    const observer = await seed.observer.get(`/api/meetings/${meeting.id}/summary`);
    expect(observer.status).toBe(200);
    expect(observer.body.notes).toEqual([{ itemId: item.id, title: expect.any(String), blocks: [{ kind: 'paragraph', inline: [{ kind: 'text', text: 'Raise prices in Q3', marks: [] }], roomOnly: false }] }]);
    expect(observer.body.commitments.map((c: any) => c.id)).toEqual(['c1']);
    expect(JSON.stringify(observer.body)).not.toContain('selling the company');
  });
});

describe('live updates', () => {
  it('tells the open meetings of the group that goals changed', async () => {
    const upcoming = await createMeeting(seed.coach, seed.group.id, '2028-Q1', '2028-01-20T08:00:00Z');
    const socket = await connectSocket(srv.url, seed.observer.cookie);
    try {
      expect((await emitAck(socket, 'room:join', { meetingId: upcoming.id, mode: 'room' })).ok).toBe(true);
      const heard = nextEvent(socket, 'records:changed', (p) => p.meetingId === upcoming.id);
      await addGoal(seed.members[1]!, '2027-Q4', 'Open a second office');
      expect(await heard).toEqual({ meetingId: upcoming.id, kind: 'goals' });
    } finally {
      socket.close();
    }
  });
});
