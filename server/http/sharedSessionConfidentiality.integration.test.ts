// A shared session of a network event holds people of several groups, so what stays in one group
// stays out of it. Over real HTTP and sockets: the host group has no financial review (reads and
// writes refused with the documented error, on every figures route), its recap has no figures, the
// socket join grants no figures right, and no group's figures or notices reach the session. The
// opening's reminder is fed the event and its groups, never one group's norms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../shared/api.ts';
import type { EventView } from '../../shared/events.ts';
import { previousQuarter } from '../../shared/financials/quarters.ts';
import type { MeetingSummary } from '../../shared/records.ts';
import { seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';
import { joinSession, MARKER_NOTICE, seedSharedSession, sessionMarker, type SharedSessionSeed } from '../testing/sharedSession.ts';
import { dateAhead, postCsv, put } from '../testing/records.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let beta: SharedSessionSeed['beta'];
let view: EventView;
let sharedId: string;
let hostId: string;
/** The quarter the session's financial item would review. */
let reviewed: string;
const sockets: ClientSocket[] = [];

const DAY = dateAhead(35);
/** Alpha's figures: values no other answer could hold by chance. */
const ALPHA_REVENUE = [731_913, 842_027];
const SHARED_REFUSAL = { code: 'forbidden', message: expect.stringMatching(/each group reviews its figures in its own meeting/) };

const joined = (c: ApiClient, meetingId: string) => joinSession(srv.url, c, meetingId, sockets);

/** Every `records:changed` a socket hears from now on. */
function heard(socket: ClientSocket): { meetingId: string; kind: string }[] {
  const got: { meetingId: string; kind: string }[] = [];
  socket.on('records:changed', (p) => got.push(p));
  return got;
}

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  let shared: SharedSessionSeed['shared'];
  ({ beta, view, hostId, sharedId, shared } = await seedSharedSession(srv, seed, DAY));
  reviewed = previousQuarter(shared.quarter);
  // Alpha's members enter their figures in Alpha, for the quarter the session would review.
  for (const [i, value] of ALPHA_REVENUE.entries()) {
    const r = await put(seed.members[i]!, `/api/groups/${seed.group.id}/figures/${reviewed}`, { figures: [{ kpiKey: 'total_revenue', value }, { kpiKey: 'headcount', value: 17 + i }] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

/** Whether an answer holds one of Alpha's figures. (The session's roster names every group's people: who is in the room is no secret in it.) */
const carriesAlpha = (body: unknown) => {
  const text = JSON.stringify(body);
  return ALPHA_REVENUE.some((v) => text.includes(String(v)));
};

describe("a shared session's financial review over HTTP", () => {
  it("is refused to every attendee, whichever group they come from, with the reason: no group's figures come back", async () => {
    for (const c of [beta.member, beta.coach, seed.members[0]!, seed.coach, seed.observer, seed.organiser]) {
      for (const path of [`/api/groups/${hostId}/financials/${reviewed}`, `/api/groups/${hostId}/financials/${reviewed}?audience=room`, `/api/groups/${hostId}/kpis`, `/api/groups/${hostId}/kpis.csv`]) {
        const r = await c.get(path);
        expect(r.status, path).toBe(403);
        expect(r.body, path).toEqual({ error: SHARED_REFUSAL });
        expect(carriesAlpha(r.body)).toBe(false);
      }
    }
    // Each group's own review stays its own: Alpha's people read Alpha's figures, Beta's learn nothing of them.
    const alpha = await seed.members[1]!.get(`/api/groups/${seed.group.id}/financials/${reviewed}`);
    expect(alpha.status).toBe(200);
    expect(carriesAlpha(alpha.body)).toBe(true);
    for (const c of [beta.member, beta.coach]) expect((await c.get(`/api/groups/${seed.group.id}/financials/${reviewed}`)).status).toBe(404);
  });

  it('takes no figures into the session: entering, importing and removing are refused, and nothing is stored', async () => {
    const figures = { figures: [{ kpiKey: 'total_revenue', value: 555_001 }] };
    for (const c of [beta.member, seed.members[0]!]) {
      expect((await put(c, `/api/groups/${hostId}/figures/${reviewed}`, figures)).body).toEqual({ error: SHARED_REFUSAL });
      expect((await postCsv(c, `/api/groups/${hostId}/figures/${reviewed}/import`, `quarter,kpi,value\n${reviewed},total_revenue,555001\n`)).body).toEqual({ error: SHARED_REFUSAL });
      expect((await c.del(`/api/groups/${hostId}/figures/${reviewed}/total_revenue`)).body).toEqual({ error: SHARED_REFUSAL });
    }
    expect((await seed.organiser.post(`/api/groups/${hostId}/kpis`, { label: 'Session KPI', unit: 'count', direction: 'lower', decimals: 0 })).body).toEqual({ error: SHARED_REFUSAL });
  });

  it("gives the session's recap no financial highlights, and the meeting answer no figures right", async () => {
    for (const c of [beta.member, seed.members[0]!, seed.organiser]) {
      const summary = await c.get<MeetingSummary>(`/api/meetings/${sharedId}/summary`);
      expect(summary.status).toBe(200);
      expect(summary.body.financials).toBeNull();
      const detail = (await c.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body;
      expect(detail.allowed.filter((a) => /^(financials|kpis|benchmarks)\./.test(a))).toEqual([]);
      expect(carriesAlpha(summary.body) || carriesAlpha(detail)).toBe(false);
    }
  });

  it("asks nobody for figures before the session: its readiness expects none (the prep mail's figures link would be refused)", async () => {
    const grid = await seed.organiser.get(`/api/meetings/${sharedId}/readiness`);
    expect(grid.status).toBe(200);
    expect(grid.body.members.length).toBeGreaterThan(0);
    for (const row of grid.body.members) expect(row).toMatchObject({ figures: 'complete', figuresEntered: 0, figuresExpected: 0 });
    // Alpha's own meeting still asks Alpha's companies for Alpha's figures.
    const own = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: view.schedule[0]!.meeting.quarter, startsAt: `${DAY}T07:00:00Z`, timeZone: 'Europe/Berlin' });
    const alpha = await seed.coach.get(`/api/meetings/${own.body.meeting.id}/readiness`);
    expect(alpha.body.members.find((r: { userId: string }) => r.userId === seed.members[0]!.userId)).toMatchObject({ figures: 'partial', figuresEntered: 2 });
  });

  it("feeds the reminder the event and every group in the room, the same to all, and no group's norms", async () => {
    const eventGroups = [{ id: seed.group.id, name: 'Alpha Group' }, { id: beta.id, name: 'Beta Group' }];
    for (const c of [beta.member, seed.members[0]!, seed.observer]) {
      const detail = (await c.get<MeetingDetail>(`/api/meetings/${sharedId}`)).body;
      expect(detail.sharedSession).toMatchObject({ event: { id: view.event.id, name: 'Super week 2027' }, eventGroups });
    }
    // Alpha writes its own agreement; Beta's people still cannot read it, in the session or out of it.
    const words = 'Alpha only: what Alpha says stays in Alpha.';
    const edited = await seed.coach.put(`/api/groups/${seed.group.id}/norms`, { confidentiality: words, recording: 'No recording.', advice: 'Experience, not advice.' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await beta.member.get(`/api/groups/${seed.group.id}/norms`)).status).toBe(404);
    expect(JSON.stringify((await beta.member.get(`/api/meetings/${sharedId}`)).body)).not.toContain(words);
  });
});

describe('a shared session over sockets', () => {
  it('grants no figures right at the join and carries no figure, whoever joins', async () => {
    for (const c of [beta.member, seed.members[0]!, seed.organiser]) {
      const { result } = await joined(c, sharedId);
      expect(result.allowed.filter((a) => /^(financials|kpis|benchmarks)\./.test(a))).toEqual([]);
      expect(result.sharedSession?.eventGroups.map((g) => g.name)).toEqual(['Alpha Group', 'Beta Group']);
      expect(carriesAlpha(result)).toBe(false);
    }
  });

  it("tells the session of no group's figures: a refused entry there sends nothing, Alpha's own entry only Alpha's meetings", async () => {
    const alpha = await joined(seed.members[0]!, sharedId);
    const ben = await joined(beta.member, sharedId);
    const alphaInSession = heard(alpha.socket);
    const betaInSession = heard(ben.socket);
    // Ben tries to put figures where the whole session would be told of them.
    expect((await put(beta.member, `/api/groups/${hostId}/figures/${reviewed}`, { figures: [{ kpiKey: 'headcount', value: 3 }] })).status).toBe(403);
    // Alpha's member corrects Alpha's figures: Alpha's business, not the session's.
    expect((await put(seed.members[0]!, `/api/groups/${seed.group.id}/figures/${reviewed}`, { figures: [{ kpiKey: 'headcount', value: 18 }] })).status).toBe(200);
    // Then a notice the session does get: anything sent before it has arrived by now.
    await sessionMarker(beta.member, sharedId, ben.result.state.agenda[0]!.id, [alpha.socket, ben.socket]);
    expect(alphaInSession.filter((p) => p.meetingId === sharedId)).toEqual([MARKER_NOTICE(sharedId)]);
    expect(betaInSession).toEqual([MARKER_NOTICE(sharedId)]);
  });
});
