// The demo seed, read back through the API as its users would: four past meetings with their
// attendance, four quarters of figures, goals reviewed and carried, the next review ready.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../storage/index.ts';
import { ApiClient, startTestServer, tempDataDir } from '../testing/harness.ts';
import { DEMO_PASSWORD, seedDemo } from './data.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let groupId: string;
let meetings: any[];

const login = async (email: string) => {
  const c = new ApiClient(srv.url);
  const r = await c.post('/api/auth/login', { email, password: DEMO_PASSWORD });
  expect(r.status).toBe(200);
  return c;
};

beforeAll(async () => {
  const dataDir = tempDataDir();
  const storage = await openStorage({ sqliteFile: join(dataDir, 'peerboard.sqlite') });
  await seedDemo(storage);
  await storage.close();
  srv = await startTestServer(dataDir);
  const coach = await login('coach@demo.peerboard.app');
  const me = (await coach.get('/api/me')).body;
  groupId = me.groups.find((g: any) => g.group.name === 'Rhine Valley MSP Group').group.id;
  meetings = (await coach.get(`/api/groups/${groupId}`)).body.meetings;
});
afterAll(() => srv?.close());

describe('demo records', () => {
  it('has four ended quarterly meetings, each with one member recorded absent, and the next one scheduled', async () => {
    expect(meetings.map((m) => [m.quarter, m.status])).toEqual([
      ['2025-Q4', 'ended'],
      ['2026-Q1', 'ended'],
      ['2026-Q2', 'ended'],
      ['2026-Q3', 'ended'],
      ['2026-Q4', 'scheduled'],
    ]);
    const coach = await login('coach@demo.peerboard.app');
    for (const m of meetings.slice(0, 4)) {
      const { state } = (await coach.get(`/api/meetings/${m.id}`)).body;
      const statuses = Object.values(state.attendance).map((a: any) => a.status);
      expect(statuses.filter((s) => s === 'absent')).toHaveLength(1);
      expect(statuses).toHaveLength(9); // coach and eight members
    }
  });

  it('shows four quarters of figures, coach-only ones to the coach alone', async () => {
    const coachView = (await (await login('coach@demo.peerboard.app')).get(`/api/groups/${groupId}/financials/2026-Q3`)).body;
    expect(coachView.members).toHaveLength(8);
    for (const m of coachView.members) {
      expect(m.views.total_revenue.value).toBeGreaterThan(0);
      expect(coachView.history[m.userId].total_revenue).toHaveLength(4);
    }
    const farid = coachView.members.find((m: any) => m.name === 'Farid Haddad');
    expect(farid.coachOnlyKeys).toEqual(['cash_on_hand', 'net_profit_pct']);
    const annaView = (await (await login('anna@demo.peerboard.app')).get(`/api/groups/${groupId}/financials/2026-Q3`)).body;
    expect(annaView.members.find((m: any) => m.name === 'Farid Haddad').views.net_profit_pct.value).toBeNull();
    expect((await (await login('observer@demo.peerboard.app')).get(`/api/groups/${groupId}/financials/2026-Q3`)).body.canSeeFigures).toBe(false);
  });

  it('has reviewed goals with carry-overs (some twice), and the next meeting opens with the open 2026-Q3 goals', async () => {
    const anna = await login('anna@demo.peerboard.app');
    const goals = (await anna.get(`/api/groups/${groupId}/goals`)).body as any[];
    const byId = new Map(goals.map((g) => [g.id, g]));
    expect(goals.filter((g) => g.quarter !== '2026-Q3').every((g) => g.status !== 'open')).toBe(true);
    expect(new Set(goals.filter((g) => g.quarter !== '2026-Q3').map((g) => g.status))).toEqual(new Set(['done', 'partly', 'not_done']));
    expect(goals.some((g) => g.carriedCount === 2)).toBe(true);
    for (const g of goals.filter((x) => x.carriedFromId)) {
      const source = byId.get(g.carriedFromId);
      expect(['partly', 'not_done']).toContain(source.status);
      expect(g.carriedCount).toBe(source.carriedCount + 1);
      expect(meetings.find((m) => m.id === g.meetingId)?.quarter).toBe(g.quarter);
    }
    const next = meetings.find((m) => m.quarter === '2026-Q4');
    const set = (await anna.get(`/api/meetings/${next.id}/goal-review`)).body;
    expect(set.reviewQuarter).toBe('2026-Q3');
    expect(set.previousMeetingId).toBe(meetings.find((m) => m.quarter === '2026-Q3').id);
    expect(set.review.length).toBeGreaterThanOrEqual(24);
    expect(set.review.every((g: any) => g.status === 'open')).toBe(true);
    const completion = (await anna.get(`/api/groups/${groupId}/goals/completion`)).body.members;
    expect(completion).toHaveLength(8);
    for (const m of completion) expect(m.history.filter((h: any) => h.rate !== null)).toHaveLength(3);
  });

  it('has a resource library from the past meetings, the file downloadable by a member', async () => {
    const ben = await login('ben@demo.peerboard.app');
    const library = (await ben.get(`/api/groups/${groupId}/resources`)).body as any[];
    expect(library.length).toBeGreaterThanOrEqual(5);
    expect(library.every((r) => r.itemTitle === 'Topics & best practices' && r.meeting)).toBe(true);
    // Shared when the meeting was held, newest first.
    const q3 = meetings.find((m) => m.quarter === '2026-Q3');
    expect(library[0].meeting.quarter).toBe('2026-Q3');
    expect(Date.parse(library[0].createdAt)).toBeGreaterThan(Date.parse(q3.startsAt));
    const file = library.find((r) => r.kind === 'file');
    const res = await fetch(`${srv.url}/api/resources/${file.id}/file`, { headers: { cookie: ben.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('onboarding-checklist.csv');
    expect(await res.text()).toMatch(/^step,owner,done by\n/);
  });
});

describe('demo between meetings', () => {
  it('each past recap has the check-in updates, a hot seat with its presenter and a rating; the parking lot feeds the next meeting', async () => {
    const coach = await login('coach@demo.peerboard.app');
    const ended = meetings.filter((m: any) => m.status === 'ended');
    expect(ended).toHaveLength(4);
    for (const m of ended) {
      const s = (await coach.get(`/api/meetings/${m.id}/summary`)).body;
      expect(s.updates.length).toBe(7);
      expect(s.updates[0].answers.find((a: any) => a.key === 'best').text).not.toBe('');
      expect(s.hotSeats[0].presenter).not.toBeNull();
      expect(s.hotSeats[0].topic).not.toBe('');
      expect(s.rating.count).toBe(7);
    }
    const lot = (await coach.get(`/api/groups/${groupId}/parking?all=1`)).body as any[];
    expect(lot.map((i) => i.kind).sort()).toEqual(expect.arrayContaining(['lead', 'need', 'parked', 'proposal']));
    expect(lot.some((i) => i.status === 'resolved' && i.history.length === 2)).toBe(true);
    const next = meetings.find((m: any) => m.status === 'scheduled');
    const proposals = (await coach.get(`/api/meetings/${next.id}`)).body.state.topics.map((t: any) => t.title);
    expect(proposals).toContain('Succession: who runs the company if the founder is ill for three months?');
    expect(proposals.length).toBeGreaterThanOrEqual(5);
    const grid = (await coach.get(`/api/meetings/${next.id}/readiness`)).body.members;
    expect(grid.filter((r: any) => r.rsvp !== null)).toHaveLength(3);
  });
});

describe('demo notes and commitments', () => {
  it("each past recap has notes per item and the hot seat's commitments; the observer's and the export's view leave the room-only block out", async () => {
    const coach = await login('coach@demo.peerboard.app');
    const observer = await login('observer@demo.peerboard.app');
    for (const m of meetings.filter((x: any) => x.status === 'ended')) {
      const s = (await coach.get(`/api/meetings/${m.id}/summary`)).body;
      expect(s.notes.map((n: any) => n.title)).toEqual(['Opening / check-in', 'Financial review', 'Goal review', 'Hot seat', 'Topics & best practices', 'Closing']);
      const hot = s.notes.find((n: any) => n.title === 'Hot seat');
      expect(JSON.stringify(hot.blocks)).toContain(s.hotSeats[0].topic);
      expect(s.commitments).toHaveLength(3);
      expect(s.commitments.every((c: any) => c.who === s.hotSeats[0].presenter.userId)).toBe(true);
      const fin = (n: any[]) => n.find((x: any) => x.title === 'Financial review').blocks;
      expect(fin(s.notes).filter((b: any) => b.roomOnly)).toHaveLength(1);
      const o = (await observer.get(`/api/meetings/${m.id}/summary`)).body;
      expect(o.notes).toHaveLength(6);
      expect(fin(o.notes).some((b: any) => b.roomOnly)).toBe(false);
      expect(JSON.stringify(o.notes)).not.toContain('cash-flow forecast');
      expect(JSON.stringify(s.notes)).toContain('cash-flow forecast');
      // The coach's default Markdown export leaves the room-only block out; the own copy keeps it.
      const md = async (q: string) => (await fetch(`${srv.url}/api/meetings/${m.id}/recap.md${q}`, { headers: { cookie: coach.cookie } })).text();
      const shared = await md('');
      expect(shared).toContain('Put the numbers for the question on one page');
      expect(shared).toContain('Best practices exchanged');
      expect(shared).not.toContain('cash-flow forecast');
      expect(await md('?roomOnly=include')).toContain('cash-flow forecast');
    }
    const found = (await observer.get(`/api/groups/${groupId}/search?q=onboarding%20checklists`)).body;
    expect(JSON.stringify(found)).toContain('Topics & best practices');
    const hidden = (await observer.get(`/api/groups/${groupId}/search?q=forecast`)).body;
    expect(JSON.stringify(hidden)).not.toContain('forecast');
  });
});

