// A company's goals are what its own group holds it to, and a shared session of a network event
// holds several groups. Over real HTTP and sockets: the host group has no goals (every goal route
// refuses with the documented error, reads and writes alike, organisers included), no group's goals
// reach the session (meeting answer, summary, exports, socket join, records:changed), the session's
// end carries nothing over, and its prep reminder links to no host-group figures or goals page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/api.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { MeetingSummary } from '../../shared/records.ts';
import { newId } from '../auth/tokens.ts';
import { carryIntoMeeting } from '../services/meetingEnd.ts';
import { seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';
import { joinSession, MARKER_NOTICE, seedSharedSession, sessionMarker, type SharedSessionSeed } from '../testing/sharedSession.ts';
import { dateAhead, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: SharedSessionSeed['beta'];
let sharedId: string;
let shared: SharedSessionSeed['shared'];
let hostId: string;
let reviewQuarter: string;
/** A goal left in the host group by a version that still let attendees write there. */
let stray: Goal;
const sockets: ClientSocket[] = [];

const DAY = dateAhead(35);
/** Alpha's goal: words no other answer could hold by chance. */
const ALPHA_GOAL = 'Alpha only: sign the Kestrel Bank managed-services deal';
const STRAY_GOAL = 'Stray: open the Lisbon office';
const SHARED_REFUSAL = { code: 'forbidden', message: 'A shared session of a network event has no goals: each group sets and reviews its goals in its own meeting' };

const carriesGoals = (body: unknown) => {
  const text = JSON.stringify(body);
  return text.includes(ALPHA_GOAL) || text.includes(STRAY_GOAL);
};

const joined = (c: ApiClient, meetingId: string) => joinSession(srv.url, c, meetingId, sockets);

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  ({ beta, hostId, sharedId, shared } = await seedSharedSession(srv, seed, DAY));
  // Alpha's member sets a goal in Alpha, for the quarter the session would review and the one it would set.
  reviewQuarter = (await seed.organiser.get(`/api/meetings/${sharedId}/readiness`)).body.goalsQuarter;
  for (const quarter of [reviewQuarter, shared.quarter]) {
    const r = await seed.members[0]!.post(`/api/groups/${seed.group.id}/goals`, { quarter, text: ALPHA_GOAL, target: 'signed' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  const now = new Date().toISOString();
  stray = await srv.storage.createGoal({
    id: newId(), groupId: hostId, userId: beta.member.userId, quarter: reviewQuarter, meetingId: null, text: STRAY_GOAL, target: '', dueDate: null,
    status: 'open', comment: '', progress: 'half way', progressAt: now, carriedFromId: null, carriedCount: 0, vague: false, createdAt: now, updatedAt: now,
  });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

describe("a shared session's goals over HTTP", () => {
  it('refuses every read of the host group\'s goals to every attendee, with the reason: no goal comes back', async () => {
    for (const c of [beta.member, beta.coach, seed.members[0]!, seed.coach, seed.observer, seed.organiser]) {
      for (const path of [`/api/groups/${hostId}/goals`, `/api/groups/${hostId}/goals?quarter=${reviewQuarter}`, `/api/groups/${hostId}/goals/completion`, `/api/groups/${hostId}/goals/overview`, `/api/meetings/${sharedId}/goal-review`]) {
        const r = await c.get(path);
        expect(r.status, path).toBe(403);
        expect(r.body, path).toEqual({ error: SHARED_REFUSAL });
      }
    }
    // Alpha's goals stay Alpha's: its people read them, Beta's learn nothing of them.
    expect(carriesGoals((await seed.members[1]!.get(`/api/groups/${seed.group.id}/goals`)).body)).toBe(true);
    for (const c of [beta.member, beta.coach]) expect((await c.get(`/api/groups/${seed.group.id}/goals`)).status).toBe(404);
  });

  it('takes no goal into the session: setting, editing, reviewing, dropping, rewording and deleting are refused, and nothing is stored', async () => {
    const before = (await srv.storage.listGoals(hostId)).length;
    for (const c of [beta.member, seed.members[0]!, seed.organiser, seed.coach]) {
      expect((await c.post(`/api/groups/${hostId}/goals`, { quarter: reviewQuarter, text: 'Shared with everyone' })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.post(`/api/groups/${hostId}/goals`, { quarter: reviewQuarter, text: 'For Ben', userId: beta.member.userId })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.request('PATCH', `/api/goals/${stray.id}`, { progress: 'done soon' })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await put(c, `/api/goals/${stray.id}/review`, { status: 'not_done' })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.post(`/api/goals/${stray.id}/drop`, { reason: 'no' })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.post(`/api/goals/${stray.id}/reword`, { text: 'Other', reason: 'no' })).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.del(`/api/goals/${stray.id}`)).body).toEqual({ error: SHARED_REFUSAL });
    }
    expect(await srv.storage.listGoals(hostId)).toHaveLength(before);
    expect(await srv.storage.getGoal(stray.id)).toMatchObject({ status: 'open', progress: 'half way', text: STRAY_GOAL });
  });

  it("gives the organiser's page of the host group's people no goals", async () => {
    const r = await seed.organiser.get(`/api/groups/${hostId}/overview`);
    expect(r.status).toBe(200);
    expect(r.body.members.length).toBeGreaterThan(0);
    for (const m of r.body.members) expect(m).toMatchObject({ goals: [], completion: [] });
    expect(carriesGoals(r.body)).toBe(false);
  });

  it("finds no goal in the host group's search, even one written there before goals were refused", async () => {
    for (const c of [beta.member, seed.members[0]!, seed.organiser]) {
      const r = await c.get(`/api/groups/${hostId}/search?q=Lisbon`);
      expect(r.status).toBe(200);
      expect(r.body.hits).toEqual([]);
      expect(carriesGoals(r.body)).toBe(false);
    }
    // Alpha's own search still finds Alpha's goal.
    const alpha = await seed.members[1]!.get(`/api/groups/${seed.group.id}/search?q=Kestrel`);
    expect(alpha.body.hits.map((h: { kind: string }) => h.kind)).toContain('goal');
  });

  it("gives the session's meeting answer no goals right, and its summary and recaps no goals", async () => {
    for (const c of [beta.member, seed.members[0]!, seed.organiser]) {
      const detail = (await c.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body;
      expect(detail.allowed.filter((a) => a.startsWith('goals.'))).toEqual([]);
      const summary = await c.get<MeetingSummary>(`/api/meetings/${sharedId}/summary`);
      expect(summary.status).toBe(200);
      expect(summary.body).toMatchObject({ review: null, newGoals: null, completion: null });
      const md = await c.get(`/api/meetings/${sharedId}/recap.md`);
      expect(md.status).toBe(200);
      // The agenda still names its items; no goals section follows.
      expect(String(md.body)).not.toMatch(/^#+ (Goal review|New goals)/m);
      expect(carriesGoals(detail) || carriesGoals(summary.body) || carriesGoals(md.body)).toBe(false);
    }
  });

  it('carries no goal over when the session ends: the host group keeps nothing to review', async () => {
    expect(await carryIntoMeeting(srv.storage, sharedId)).toEqual([]);
    expect((await srv.storage.listGoals(hostId)).map((g) => g.text)).toEqual([STRAY_GOAL]);
  });

  it("asks nobody for goals or figures before the session, and its prep reminder links to no host-group page", async () => {
    const grid = await seed.organiser.get(`/api/meetings/${sharedId}/readiness`);
    expect(grid.body.expects).toEqual({ figures: false, goals: false, norms: false });
    const ben = grid.body.members.find((r: { userId: string }) => r.userId === beta.member.userId);
    // Ben's stray goal in the host group is nobody's to update.
    expect(ben).toMatchObject({ goalsTotal: 0, goalsWithProgress: 0, figuresExpected: 0, normsAcceptedAt: null, updateSent: false, ready: false });
    const reminded = await seed.organiser.post(`/api/meetings/${sharedId}/readiness/remind`, {});
    expect(reminded.body.queued).toBeGreaterThan(0);
    const mails = (await srv.storage.listMail({ limit: 500 })).filter((m) => m.kind === 'prep_reminder' && m.text.includes(`/meetings/${sharedId}`));
    expect(mails.length).toBe(reminded.body.queued);
    for (const m of mails) {
      expect(m.text).not.toContain(`/groups/${hostId}`);
      expect(m.text).toContain(`/meetings/${sharedId}/update`);
      expect(m.text).not.toMatch(/figures|goal/i);
    }
    // Ben sends his update: nothing else is asked of him, so he is ready.
    const sent = await put(beta.member, `/api/meetings/${sharedId}/updates/mine`, { answers: { best: 'A good quarter' } });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const after = await seed.organiser.get(`/api/meetings/${sharedId}/readiness`);
    expect(after.body.members.find((r: { userId: string }) => r.userId === beta.member.userId)).toMatchObject({ updateSent: true, ready: true });
    // His own checklist says the same, through the same rule (he holds no goals right there).
    const mine = await beta.member.get(`/api/meetings/${sharedId}/readiness`);
    expect(mine.status).toBe(200);
    expect(mine.body.members.map((r: { userId: string }) => r.userId)).toEqual([beta.member.userId]);
  });
});

describe("a shared session's goals over sockets", () => {
  it('grants no goals right at the join and carries no goal, whoever joins', async () => {
    for (const c of [beta.member, seed.members[0]!, seed.organiser]) {
      const { result } = await joined(c, sharedId);
      expect(result.allowed.filter((a) => a.startsWith('goals.'))).toEqual([]);
      expect(carriesGoals(result)).toBe(false);
    }
  });

  it("tells the session of no group's goals: a refused goal there sends nothing, Alpha's own goal only Alpha's meetings", async () => {
    const got: { meetingId: string; kind: string }[] = [];
    const inSession = [await joined(seed.members[0]!, sharedId), await joined(beta.member, sharedId)];
    for (const { socket } of inSession) socket.on('records:changed', (p) => got.push(p));
    expect((await beta.member.post(`/api/groups/${hostId}/goals`, { quarter: reviewQuarter, text: 'Shared with everyone' })).status).toBe(403);
    expect((await seed.members[0]!.post(`/api/groups/${seed.group.id}/goals`, { quarter: reviewQuarter, text: 'Alpha: a second goal' })).status).toBe(201);
    // Then a notice the session does get: anything sent before it has arrived by now.
    await sessionMarker(beta.member, sharedId, inSession[1]!.result.state.agenda[0]!.id, inSession.map((j) => j.socket));
    expect(got.filter((p) => p.meetingId === sharedId)).toEqual([MARKER_NOTICE(sharedId), MARKER_NOTICE(sharedId)]);
  });
});
