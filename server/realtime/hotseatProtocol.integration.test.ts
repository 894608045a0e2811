// The group's hot-seat protocol end to end: a template carries it (HTTP), a meeting snapshots it
// when created, and the room runs it over real sockets: refusal before a presenter, two
// presenters, the advice round-robin, schema and rights checks on the new commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../shared/meeting/commands.ts';
import { connectSocket, emitAck, seedGroup, startTestServer, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const sockets: ClientSocket[] = [];
const MIN = 60_000;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

const items = [
  { kind: 'opening', title: 'Check-in', durationMs: 10 * MIN },
  { kind: 'hotseat', title: 'Hot seat', durationMs: 60 * MIN },
  { kind: 'closing', title: 'Closing', durationMs: 10 * MIN, fixed: true },
];

describe('a hot-seat protocol the group shapes', () => {
  it('a template keeps its protocol; a meeting copies it; editing the template later leaves the meeting as planned', async () => {
    const base = `/api/groups/${seed.group.id}/templates`;
    const bad = await seed.coach.post(base, { name: 'Lopsided', items, protocol: { preset: 'custom', name: 'X', stages: [{ id: 'a', name: 'A', share: 0.5, rule: '', kind: 'talk' }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('50 %');
    const created = await seed.coach.post(base, { name: 'Five steps', items, protocol: { preset: 'five-step' } });
    expect(created.status).toBe(201);
    expect(created.body.protocol).toEqual({ preset: 'five-step' });
    const plain = await seed.coach.post(base, { name: 'Plain', items });
    expect(plain.body.protocol).toEqual({ preset: 'classic' });
    const m = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q1', startsAt: '2027-01-15T09:00:00Z', timeZone: 'UTC', templateId: created.body.id });
    expect(m.body.state.hotSeatProtocol.stages.map((s: { id: string }) => s.id)).toEqual(['presentation', 'questions', 'root-cause', 'advice', 'commitments']);
    const edited = await seed.coach.put(`${base}/${created.body.id}`, { name: 'Five steps', items, protocol: { preset: 'gestalt' } });
    expect(edited.body.protocol).toEqual({ preset: 'gestalt' });
    const again = await seed.coach.get(`/api/meetings/${m.body.meeting.id}`);
    expect(again.body.state.hotSeatProtocol.name).toBe('Five-step issue process');
    // Saving the meeting as a template carries its protocol along.
    const saved = await seed.coach.post(`/api/meetings/${m.body.meeting.id}/template`, { name: 'From January' });
    expect(saved.body.protocol).toEqual({ preset: 'five-step' });
  });

  it('the room runs it: no stage before a presenter, two presenters in turn, an advice round in order', async () => {
    const m = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2027-Q2', startsAt: '2027-04-15T09:00:00Z', timeZone: 'UTC' });
    const meetingId: string = m.body.meeting.id;
    const hs: string = m.body.state.agenda.find((i: { kind: string }) => i.kind === 'hotseat').id;
    const [coach, m1, m2, m3] = await Promise.all([seed.coach, ...seed.members].map((u) => connectSocket(srv.url, u.cookie)));
    sockets.push(coach!, m1!, m2!, m3!);
    for (const s of [coach!, m1!, m2!, m3!]) expect((await emitAck(s, 'room:join', { meetingId, mode: 'room' })).ok).toBe(true);
    // Arrival order: coach, m1, m2, m3 (attendance.join in that order).
    for (const s of [coach!, m1!, m2!, m3!]) expect((await emitAck(s, 'meeting:command', { meetingId, command: { type: 'attendance.join', mode: 'room' } })).ok).toBe(true);
    const send = (s: ClientSocket, command: MeetingCommand) => emitAck(s, 'meeting:command', { meetingId, command });
    expect((await send(coach!, { type: 'meeting.start' })).ok).toBe(true);
    expect((await send(coach!, { type: 'agenda.jump', itemId: hs })).ok).toBe(true);

    const refused = await send(coach!, { type: 'hotseat.stage', itemId: hs, stage: 'questions' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'illegal_command', message: expect.stringContaining('Choose a presenter first') } });

    const [u1, u2, u3] = seed.members.map((x) => x.userId) as [string, string, string];
    expect((await send(m1!, { type: 'hotseat.presenters', itemId: hs, presenters: [{ userId: u1, topic: 'Pricing' }] })).error.code).toBe('not_facilitator');
    expect((await send(coach!, { type: 'hotseat.presenters', itemId: hs, presenters: [{ userId: u1, topic: 'Pricing' }, { userId: u2, topic: 'Hiring' }] })).ok).toBe(true);
    expect((await send(coach!, { type: 'hotseat.stage', itemId: hs, stage: 'advice' })).ok).toBe(true);
    expect((await send(coach!, { type: 'hotseat.round.start', itemId: hs, turnMs: 10 })).error.code).toBe('bad_request');
    expect((await send(coach!, { type: 'hotseat.round.start', itemId: hs })).ok).toBe(true);
    expect((await send(m2!, { type: 'hotseat.round.next', itemId: hs })).error.code).toBe('not_facilitator');
    expect((await send(coach!, { type: 'hotseat.round.next', itemId: hs })).ok).toBe(true);

    const synced = await emitAck(m3!, 'meeting:sync', { meetingId });
    const seat = synced.state.hotSeats[hs];
    // Everyone present but the presenter (u1), by arrival; each gets the stage box split evenly:
    // the standard 45-minute hot seat / 2 presenters * 35 % = 472.5 s, over 3 speakers = 157 s (whole seconds).
    expect(seat.round).toMatchObject({ speakers: [seed.coach.userId, u2, u3], index: 1, turnMs: 157_000 });
    expect(synced.state.speakerId).toBe(u2);
    // After the last stage of the first presenter comes the second presenter's first.
    expect((await send(coach!, { type: 'hotseat.stage', itemId: hs, stage: 'presentation', presenter: 1 })).ok).toBe(true);
    const after = await emitAck(m3!, 'meeting:sync', { meetingId });
    expect(after.state.hotSeats[hs]).toMatchObject({ turn: 1, presenterId: u2, topic: 'Hiring', stage: 'presentation', round: null });
  });
});
