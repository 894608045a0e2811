// The financial review is built once per group, quarter and audience and reused: these reads
// prove a reused review never hides a change (a figure, a coach-only flag, a KPI, a member
// joining or leaving, a write that bypasses this node's services as another node's would),
// and that two readers with different rights never get each other's review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinGroup, seedGroup, startTestServer } from '../testing/harness.ts';
import { otherGroup, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const Q = '2026-Q3';
const view = async (who: { get: (p: string) => Promise<{ status: number; body: any }> }, audience = '') => {
  const r = await who.get(`/api/groups/${seed.group.id}/financials/${Q}${audience}`);
  expect(r.status).toBe(200);
  return r.body;
};
/**
 * A revalidation as a browser's cache sends it. fetch() given If-None-Match itself would add
 * `Cache-Control: no-cache` (a forced reload, which HTTP answers in full) unless one is set.
 */
const ifNoneMatch = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });
const valueOf = (v: any, userId: string, kpi: string) => v.members.find((m: any) => m.userId === userId)?.views[kpi]?.value ?? null;

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
});
afterAll(() => srv?.close());

describe('the reused financial review', () => {
  it('shows every change of figures, flags, KPIs and members on the next read', async () => {
    const [m1, m2] = seed.members;
    const figures = `/api/groups/${seed.group.id}/figures/${Q}`;
    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 4 }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(4);
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(4);

    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 5 }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBe(5);

    // Hidden from peers at once, still shown to its owner and the coach.
    await put(m1!, figures, { figures: [{ kpiKey: 'headcount', value: 5, coachOnly: true }] });
    expect(valueOf(await view(m2!), m1!.userId, 'headcount')).toBeNull();
    expect(valueOf(await view(m1!), m1!.userId, 'headcount')).toBe(5);
    expect(valueOf(await view(seed.coach), m1!.userId, 'headcount')).toBe(5);
    expect(valueOf(await view(seed.coach, '?audience=room'), m1!.userId, 'headcount')).toBeNull();

    const kpi = await seed.coach.post(`/api/groups/${seed.group.id}/kpis`, { label: 'Tickets closed', unit: 'count', direction: 'higher', decimals: 0 });
    expect(kpi.status).toBe(201);
    expect((await view(m2!)).kpis.map((k: any) => k.label)).toContain('Tickets closed');

    const newcomer = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Nia New', 'member', 'New Co');
    expect((await view(m2!)).members.map((m: any) => m.name)).toContain('Nia New');
    await put(newcomer, figures, { figures: [{ kpiKey: 'headcount', value: 9 }] });
    expect(valueOf(await view(m2!), newcomer.userId, 'headcount')).toBe(9);

    // Written straight to storage, as another node sharing the database would.
    await srv.storage.upsertFigures([{ groupId: seed.group.id, userId: newcomer.userId, quarter: Q, kpiKey: 'headcount', value: 11, coachOnly: false }]);
    expect(valueOf(await view(m2!), newcomer.userId, 'headcount')).toBe(11);
    await srv.storage.removeMembership(seed.group.id, newcomer.userId);
    expect((await view(m2!)).members.map((m: any) => m.name)).not.toContain('Nia New');
  });

  it('answers a repeat read with 304 until the review changes, then a new ETag and the new review', async () => {
    const [m1, m2] = seed.members;
    const path = `/api/groups/${seed.group.id}/financials/${Q}`;
    // Shown to peers (the first test left it coach-only: a change they cannot see rightly keeps their 304).
    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 21, coachOnly: false }] });
    const first = await m2!.get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/); // strong: no W/ prefix

    const again = await m2!.request('GET', path, undefined, ifNoneMatch(etag));
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);

    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 22 }] });
    const changed = await m2!.request('GET', path, undefined, ifNoneMatch(etag));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(valueOf(changed.body, m1!.userId, 'headcount')).toBe(22);

    // Written by another node sharing the database: a new ETag too.
    const etag2 = changed.headers.get('etag')!;
    await srv.storage.upsertFigures([{ groupId: seed.group.id, userId: m1!.userId, quarter: Q, kpiKey: 'headcount', value: 23, coachOnly: false }]);
    const fromOtherNode = await m2!.request('GET', path, undefined, ifNoneMatch(etag2));
    expect(fromOtherNode.status).toBe(200);
    expect(valueOf(fromOtherNode.body, m1!.userId, 'headcount')).toBe(23);
  });

  it('keeps audiences apart: a coach-only figure changes only the ETag of those who may see it', async () => {
    const [m1, m2] = seed.members;
    const path = `/api/groups/${seed.group.id}/financials/${Q}`;
    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 31, coachOnly: true }] });
    const coachRead = await seed.coach.get(path);
    expect(valueOf(coachRead.body, m1!.userId, 'headcount')).toBe(31);
    const coachEtag = coachRead.headers.get('etag')!;

    // A member sending the coach's ETag gets their own review, without the figure, never a 304.
    const memberRead = await m2!.request('GET', path, undefined, ifNoneMatch(coachEtag));
    expect(memberRead.status).toBe(200);
    expect(memberRead.headers.get('etag')).not.toBe(coachEtag);
    expect(valueOf(memberRead.body, m1!.userId, 'headcount')).toBeNull();
    const memberEtag = memberRead.headers.get('etag')!;

    // Re-flagging for everyone changes the member's review, hence their ETag.
    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 31, coachOnly: false }] });
    const shown = await m2!.request('GET', path, undefined, ifNoneMatch(memberEtag));
    expect(shown.status).toBe(200);
    expect(valueOf(shown.body, m1!.userId, 'headcount')).toBe(31);

    // The projector's audience never matches the coach's review while a coach-only figure exists.
    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 32, coachOnly: true }] });
    const coachNow = (await seed.coach.get(path)).headers.get('etag')!;
    const room = await seed.coach.request('GET', `${path}?audience=room`, undefined, ifNoneMatch(coachNow));
    expect(room.status).toBe(200);
    expect(valueOf(room.body, m1!.userId, 'headcount')).toBeNull();

    // A change only the coach may see: the coach's ETag moves, the member's stays (304).
    const peerEtag = (await m2!.get(path)).headers.get('etag')!;
    await put(m1!, `/api/groups/${seed.group.id}/figures/${Q}`, { figures: [{ kpiKey: 'headcount', value: 33, coachOnly: true }] });
    expect((await m2!.request('GET', path, undefined, ifNoneMatch(peerEtag))).status).toBe(304);
    const coachAfter = await seed.coach.request('GET', path, undefined, ifNoneMatch(coachNow));
    expect(coachAfter.status).toBe(200);
    expect(valueOf(coachAfter.body, m1!.userId, 'headcount')).toBe(33);
  });

  it('checks session and membership before any 304: outsiders, the signed-out and the removed get no review', async () => {
    const path = `/api/groups/${seed.group.id}/financials/${Q}`;
    const leaver = await joinGroup(srv.url, seed.organiser, seed.group.id, 'Lea Leaver', 'member', 'Leave Co');
    const read = await leaver.get(path);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    expect((await leaver.request('GET', path, undefined, ifNoneMatch(etag))).status).toBe(304);

    const outsider = (await otherGroup(srv.url, seed.organiser, seed.networkId, 'Gamma Group')).member;
    const foreign = await outsider.request('GET', path, undefined, ifNoneMatch(etag));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('Leave Co');

    const anonymous = await fetch(srv.url + path, { headers: ifNoneMatch(etag) });
    expect(anonymous.status).toBe(401);

    await srv.storage.removeMembership(seed.group.id, leaver.userId);
    const removed = await leaver.request('GET', path, undefined, ifNoneMatch(etag));
    expect(removed.status).toBe(404);
    expect(removed.body.error.code).toBe('not_found');
    expect(removed.headers.get('etag')).not.toBe(etag);
  });
});
