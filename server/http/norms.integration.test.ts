// Group norms over HTTP: defaults, who edits them, accepting on joining and every 12 months,
// the group answer saying when the page must wait, and the coach's view of who has not accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NORMS, normsDueAt } from '../../shared/norms.ts';
import { joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
/** Joined without accepting the norms (the seed's people accepted them as they joined). */
let nia: Awaited<ReturnType<typeof joinGroup>>;
let ned: Awaited<ReturnType<typeof joinGroup>>;
let olive: Awaited<ReturnType<typeof joinGroup>>;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  nia = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Nia New', 'member', 'Nia AG', false);
  ned = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Ned Never', 'member', 'Ned Ltd', false);
  olive = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Olive Observer', 'observer', undefined, false);
});
afterAll(async () => {
  await srv?.close();
});

const TEXT = { confidentiality: 'Names and numbers stay in this room.', recording: 'No recordings, no screenshots.', advice: 'Share experience first.' };

describe('group norms', () => {
  it('a group starts with the default norms; a new member must accept them before the group page opens', async () => {
    const read = await nia.get(`/api/groups/${seed.group.id}/norms`);
    expect(read.status).toBe(200);
    expect(read.body.norms).toMatchObject({ ...DEFAULT_NORMS, updatedAt: null, updatedBy: null });
    expect(read.body.mine).toEqual({ required: true, acceptedAt: null, dueAt: null, mustAccept: true });
    expect((await nia.get(`/api/groups/${seed.group.id}`)).body.norms.mustAccept).toBe(true);
    expect((await olive.get(`/api/groups/${seed.group.id}`)).body.norms.mustAccept).toBe(true);
    // The test harness's members accepted as they joined: the group opens for them.
    expect((await seed.members[0]!.get(`/api/groups/${seed.group.id}`)).body.norms.mustAccept).toBe(false);
    // The coach and the organiser write the norms; they have nothing to accept.
    expect((await seed.coach.get(`/api/groups/${seed.group.id}`)).body.norms).toMatchObject({ required: false, mustAccept: false });
    expect((await seed.organiser.get(`/api/groups/${seed.group.id}`)).body.norms).toMatchObject({ required: false, mustAccept: false });
  });

  it('the coach edits them; members and observers of a coach-led group may not; bad text is refused', async () => {
    const path = `/api/groups/${seed.group.id}/norms`;
    expect((await put(seed.members[0]!, path, TEXT)).status).toBe(403);
    expect((await put(seed.observer, path, TEXT)).status).toBe(403);
    const bad = await put(seed.coach, path, { ...TEXT, recording: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const ok = await put(seed.coach, path, TEXT);
    expect(ok.status).toBe(200);
    expect(ok.body.norms).toMatchObject({ ...TEXT, updatedBy: seed.coach.userId });
    expect((await seed.members[1]!.get(path)).body.norms).toMatchObject(TEXT);
  });

  it('accepting records the date; it holds twelve months; the group answer stops asking', async () => {
    const before = Date.now();
    const accepted = await nia.post(`/api/groups/${seed.group.id}/norms/accept`);
    expect(accepted.status).toBe(200);
    const at = accepted.body.mine.acceptedAt as string;
    expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
    expect(accepted.body.mine).toEqual({ required: true, acceptedAt: at, dueAt: normsDueAt(at), mustAccept: false });
    expect((await nia.get(`/api/groups/${seed.group.id}`)).body.norms.mustAccept).toBe(false);
  });

  it('an acceptance older than twelve months asks again', async () => {
    const thirteenMonthsAgo = new Date(Date.now() - 396 * 24 * 3600_000).toISOString();
    await srv.storage.acceptNorms(seed.group.id, ned.userId, thirteenMonthsAgo);
    const standing = (await ned.get(`/api/groups/${seed.group.id}`)).body.norms;
    expect(standing).toMatchObject({ acceptedAt: thirteenMonthsAgo, mustAccept: true });
    // An old acceptance stored after a recent one changes nothing: the latest counts.
    await srv.storage.acceptNorms(seed.group.id, seed.members[1]!.userId, thirteenMonthsAgo);
    expect((await seed.members[1]!.get(`/api/groups/${seed.group.id}`)).body.norms.mustAccept).toBe(false);
  });

  it('the coach sees who has not accepted, in the list and in the readiness grid; members do not', async () => {
    const list = await seed.coach.get(`/api/groups/${seed.group.id}/norms/acceptances`);
    expect(list.status).toBe(200);
    const byName = Object.fromEntries(list.body.members.map((r: any) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['Max One', 'Mia Two', 'Moe Three', 'Ned Never', 'Nia New', 'Olive Observer', 'Otto Observer']);
    expect(byName['Nia New']).toMatchObject({ role: 'member', current: true });
    expect(byName['Otto Observer']).toMatchObject({ role: 'observer', current: true });
    // Mia's latest acceptance counts (at joining), not the old one stored after it.
    expect(byName['Mia Two']).toMatchObject({ current: true });
    // Ned's acceptance is more than twelve months old; Olive never accepted.
    expect(byName['Ned Never'].current).toBe(false);
    expect(Date.parse(byName['Ned Never'].dueAt)).toBeLessThan(Date.now());
    expect(byName['Olive Observer']).toMatchObject({ role: 'observer', acceptedAt: null, dueAt: null, current: false });
    expect((await seed.members[0]!.get(`/api/groups/${seed.group.id}/norms/acceptances`)).status).toBe(403);

    const meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-12-01T09:00:00Z');
    const grid = await seed.coach.get(`/api/meetings/${meeting.id}/readiness`);
    expect(grid.status).toBe(200);
    const rows = Object.fromEntries(grid.body.members.map((r: any) => [r.name, r]));
    expect(rows['Nia New']).toMatchObject({ normsCurrent: true });
    expect(rows['Nia New'].normsAcceptedAt).toBe(byName['Nia New'].acceptedAt);
    expect(rows['Ned Never']).toMatchObject({ normsAcceptedAt: byName['Ned Never'].acceptedAt, normsCurrent: false });
  });

  it('another group reads nothing; in a peer-led group members write the norms', async () => {
    const beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await beta.member.get(`/api/groups/${seed.group.id}/norms`)).status).toBe(404);
    expect((await beta.member.post(`/api/groups/${seed.group.id}/norms/accept`)).status).toBe(404);
    const peer = (await seed.organiser.post(`/api/networks/${seed.networkId}/groups`, { name: 'Peers', leadership: 'peer-led', format: 'online', tags: [] })).body;
    const pm = await joinGroup(srv.url, seed.organiser, peer.id, 'Pia Peer', 'member', 'Pia GmbH', false);
    const edited = await put(pm, `/api/groups/${peer.id}/norms`, TEXT);
    expect(edited.status).toBe(200);
    expect(edited.body.mine.mustAccept).toBe(true);
  });
});
