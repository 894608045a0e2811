// Pre-meeting updates over real HTTP: the group's prompts, each member company's answers, who
// reads them (the room, not guests), the end of the meeting freezing them, the recap and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
const mine = () => `/api/meetings/${meetingId}/updates/mine`;
const prompts = () => `/api/groups/${seed.group.id}/update-prompts`;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  meetingId = (await createMeeting(seed.coach, seed.group.id, '2027-Q2', '2027-04-20T08:00:00Z')).id;
});
afterAll(() => srv?.close());

describe('update prompts', () => {
  it('start from the defaults; the coach changes them, members of a coach-led group may not', async () => {
    expect((await seed.members[0]!.get(prompts())).body).toEqual({
      defaultPrompts: true,
      prompts: [
        { key: 'best', label: 'Best since last time' },
        { key: 'worst', label: 'Worst since last time' },
        { key: 'need', label: 'What I need from the group' },
        { key: 'personal', label: 'Personal news' },
      ],
    });
    const own = [{ key: 'best', label: 'Best of the quarter' }, { key: 'need', label: 'My ask' }, { key: 'hiring', label: 'Who I am hiring' }];
    expect((await put(seed.members[0]!, prompts(), { prompts: own })).status).toBe(403);
    const bad = await put(seed.coach, prompts(), { prompts: [{ key: 'best', label: 'A' }, { key: 'best', label: 'B' }] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'bad_request']);
    expect((await put(seed.coach, prompts(), { prompts: [{ key: 'Not A Key', label: 'x' }] })).status).toBe(400);
    const set = await put(seed.coach, prompts(), { prompts: own });
    expect(set.body).toEqual({ defaultPrompts: false, prompts: own });
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await stranger.get(prompts())).status).toBe(404);
  });
});

describe('a member company’s update', () => {
  it('answers the group’s prompts, keeps their wording, and is read by the room in member order', async () => {
    const [max, mia] = seed.members;
    const unknown = await put(max!, mine(), { answers: { worst: 'Lost a client' } });
    expect([unknown.status, unknown.body.error.message]).toEqual([400, 'answers: no prompt worst in this group']);
    expect((await put(max!, mine(), { answers: { best: '   ' } })).status).toBe(400);
    expect((await put(mia!, mine(), { answers: { need: 'Intro to a bank', best: 'Record month' } })).status).toBe(200);
    const maxUpdate = await put(max!, mine(), { answers: { best: 'Two new clients', hiring: 'A dispatcher' } });
    expect(maxUpdate.body).toMatchObject({
      meetingId,
      userId: max!.userId,
      answers: [
        { key: 'best', label: 'Best of the quarter', text: 'Two new clients' },
        { key: 'need', label: 'My ask', text: '' },
        { key: 'hiring', label: 'Who I am hiring', text: 'A dispatcher' },
      ],
    });
    // Writing again replaces it.
    await put(max!, mine(), { answers: { best: 'Three new clients' } });
    const read = await seed.coach.get(`/api/meetings/${meetingId}/updates`);
    expect(read.status).toBe(200);
    expect(read.body.updates.map((u: any) => [u.name, u.answers.find((a: any) => a.key === 'best').text])).toEqual([
      ['Max One', 'Three new clients'],
      ['Mia Two', 'Record month'],
    ]);
    expect(read.body.prompts.map((p: any) => p.key)).toEqual(['best', 'need', 'hiring']);
  });

  it('is written by member companies only and read by the room only; strangers do not see the meeting', async () => {
    for (const c of [seed.coach, seed.observer, seed.organiser]) {
      expect((await put(c, mine(), { answers: { best: 'x' } })).status).toBe(403);
    }
    expect((await seed.observer.get(`/api/meetings/${meetingId}/updates`)).status).toBe(403);
    expect((await seed.organiser.get(`/api/meetings/${meetingId}/updates`)).status).toBe(200);
    const { member: stranger } = await otherGroup(srv.url, seed.organiser, seed.networkId, 'Gamma Group');
    expect((await stranger.get(`/api/meetings/${meetingId}/updates`)).status).toBe(404);
    expect((await put(stranger, mine(), { answers: { best: 'x' } })).status).toBe(404);
  });

  it('goes into the recap and its export for the room, not for observers; after the end it is the record', async () => {
    const s = await connectSocket(srv.url, seed.coach.cookie);
    await emitAck(s, 'room:join', { meetingId, mode: 'room' });
    expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.start' } })).ok).toBe(true);
    expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.end' } })).ok).toBe(true);
    s.close();
    const late = await put(seed.members[2]!, mine(), { answers: { best: 'Too late' } });
    expect([late.status, late.body.error.code]).toEqual([409, 'meeting_ended']);

    const summary = (await seed.members[2]!.get(`/api/meetings/${meetingId}/summary`)).body;
    expect(summary.updates.map((u: any) => u.name)).toEqual(['Max One', 'Mia Two']);
    expect((await seed.observer.get(`/api/meetings/${meetingId}/summary`)).body.updates).toEqual([]);
    const md: string = (await seed.members[2]!.get(`/api/meetings/${meetingId}/recap.md`)).body;
    expect(md).toContain('Check-in updates');
    expect(md).toContain('Best of the quarter: Three new clients');
    expect(md).toContain('My ask: Intro to a bank');
    // Unanswered prompts are left out of the record.
    expect(md).not.toMatch(/Who I am hiring: *$/m);
  });
});
