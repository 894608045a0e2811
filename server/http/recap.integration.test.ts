// Marking a recap final: only after the meeting, only by the facilitator or the coach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSocket, emitAck, seedGroup, startTestServer } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  meetingId = (await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q3', startsAt: '2026-09-01T09:00:00Z', timeZone: 'UTC' })).body.meeting.id;
});
afterAll(() => srv?.close());

describe('recap final', () => {
  it('is refused before the end, then set by the coach, refused to members and observers, and reversible', async () => {
    const before = await seed.coach.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: true });
    expect(before.status).toBe(409);
    const s = await connectSocket(srv.url, seed.coach.cookie);
    await emitAck(s, 'room:join', { meetingId, mode: 'room' });
    await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.start' } });
    await emitAck(s, 'meeting:command', { meetingId, command: { type: 'meeting.end' } });
    s.close();
    expect((await seed.members[0]!.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: true })).status).toBe(403);
    expect((await seed.observer.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: true })).status).toBe(403);
    expect((await seed.coach.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: 'yes' })).status).toBe(400);
    const ok = await seed.coach.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: true });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.recapFinalAt).toBe('string');
    expect((await seed.members[0]!.get(`/api/meetings/${meetingId}`)).body.meeting.recapFinalAt).toBe(ok.body.recapFinalAt);
    const reopened = await seed.coach.request('PUT', `/api/meetings/${meetingId}/recap-final`, { final: false });
    expect(reopened.body.recapFinalAt).toBeNull();
  });
});
