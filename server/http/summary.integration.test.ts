// The meeting summary over real HTTP and sockets: financial highlights under the viewer's
// visibility rules, rating without who gave which, hot seats, resources shared at the meeting,
// and the SummaryDocsReader seam that supplies notes and commitments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSummary } from '../services/summary.ts';
import { noSummaryDocs, type SummaryDocsReader, type SummaryViewer } from '../services/summaryDocs.ts';
import { connectSocket, emitAck, seedGroup, startTestServer, type ApiClient } from '../testing/harness.ts';
import { createMeeting, otherGroup, put } from '../testing/records.ts';
import type { NoteBlock } from '../../shared/notes/blocks.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meeting: { id: string; agenda: { id: string; kind: string }[] };

const revenue = (c: ApiClient, quarter: string, value: number, coachOnly = false) =>
  put(c, `/api/groups/${seed.group.id}/figures/${quarter}`, { figures: [{ kpiKey: 'total_revenue', value, coachOnly }] });
const summaryOf = async (c: ApiClient) => {
  const r = await c.get(`/api/meetings/${meeting.id}/summary`);
  expect(r.status).toBe(200);
  return r.body;
};
const rankOf = (s: any, userId: string) => s.financials.ranks.find((r: any) => r.userId === userId && r.kpiKey === 'total_revenue');

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const [m1, m2, m3] = seed.members;
  // Last quarter all open; this quarter m1 keeps revenue for the coach.
  await revenue(m1!, '2026-Q2', 100);
  await revenue(m2!, '2026-Q2', 200);
  await revenue(m3!, '2026-Q2', 150);
  await revenue(m1!, '2026-Q3', 300, true);
  await revenue(m2!, '2026-Q3', 200);
  await revenue(m3!, '2026-Q3', 250);

  // A 2026-Q4 meeting reviews the 2026-Q3 numbers (against 2026-Q2 for rank changes).
  meeting = await createMeeting(seed.coach, seed.group.id, '2026-Q4', '2026-10-20T08:00:00Z');
  const topics = meeting.agenda.find((i) => i.kind === 'topics')!.id;
  const seat = meeting.agenda.find((i) => i.kind === 'hotseat')!.id;
  expect((await seed.members[1]!.post(`/api/meetings/${meeting.id}/resources`, { itemId: topics, title: 'Onboarding checklist', url: 'https://example.com/onboarding' })).status).toBe(201);

  const sockets = await Promise.all([seed.coach, m1!, m2!].map((c) => connectSocket(srv.url, c.cookie)));
  const [coach, s1, s2] = sockets;
  try {
    const cmd = (s: typeof coach, command: unknown) => emitAck(s!, 'meeting:command', { meetingId: meeting.id, command } as never);
    for (const s of sockets) expect((await emitAck(s, 'room:join', { meetingId: meeting.id, mode: 'room' })).ok).toBe(true);
    expect((await cmd(coach, { type: 'meeting.start' })).ok).toBe(true);
    expect((await cmd(coach, { type: 'hotseat.setup', itemId: seat, presenterId: m3!.userId, topic: 'Hiring a second tech' })).ok).toBe(true);
    // A second member gets their own hot seat in the same item.
    expect((await cmd(coach, { type: 'hotseat.presenters', itemId: seat, presenters: [{ userId: m3!.userId, topic: 'Hiring a second tech' }, { userId: m1!.userId, topic: 'Selling the company' }] })).ok).toBe(true);
    expect((await cmd(s1, { type: 'rating.submit', score: 9 })).ok).toBe(true);
    expect((await cmd(s2, { type: 'rating.submit', score: 6 })).ok).toBe(true);
    expect((await cmd(coach, { type: 'meeting.end' })).ok).toBe(true);
  } finally {
    sockets.forEach((s) => s.close());
  }
});
afterAll(() => srv?.close());

describe('financial highlights', () => {
  it("leave another member's coach-only figure out of the median and ranks", async () => {
    const [m1, m2, m3] = seed.members;
    const s = await summaryOf(m2!);
    expect(s.financials).toMatchObject({ quarter: '2026-Q3', canSeeFigures: true });
    expect(s.financials.medians.find((m: any) => m.kpiKey === 'total_revenue')).toMatchObject({ median: 225, n: 2 });
    expect(rankOf(s, m1!.userId)).toMatchObject({ rank: null, previousRank: 3, change: null });
    expect(rankOf(s, m2!.userId)).toMatchObject({ rank: 2, previousRank: 1, change: -1 });
    expect(rankOf(s, m3!.userId)).toMatchObject({ rank: 1, previousRank: 2, change: 1 });
  });

  it('count it for the coach, the organiser and its owner', async () => {
    const [m1, m2] = seed.members;
    for (const viewer of [seed.coach, seed.organiser, m1!]) {
      const s = await summaryOf(viewer);
      expect(s.financials.medians.find((m: any) => m.kpiKey === 'total_revenue')).toMatchObject({ median: 250, n: 3 });
      expect(rankOf(s, m1!.userId)).toMatchObject({ rank: 1, previousRank: 3, change: 2 });
      expect(rankOf(s, m2!.userId)).toMatchObject({ rank: 3, previousRank: 1, change: -2 });
    }
  });

  it('are empty for an observer unless the group opens its figures to observers', async () => {
    expect((await summaryOf(seed.observer)).financials).toEqual({ quarter: '2026-Q3', canSeeFigures: false, currency: 'EUR', medians: [], ranks: [] });
    await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: true });
    try {
      const s = await summaryOf(seed.observer);
      expect(s.financials.medians.find((m: any) => m.kpiKey === 'total_revenue')).toMatchObject({ median: 225, n: 2 });
    } finally {
      await seed.coach.patch(`/api/groups/${seed.group.id}`, { observersSeeFinancials: false });
    }
  });
});

describe('the rest of the record', () => {
  it('rating is an average and a count (no spread from two raters) and my own score, never who gave which', async () => {
    const s = await summaryOf(seed.members[0]!);
    expect(s.rating).toEqual({ average: 7.5, count: 2, distribution: null, mine: 9 });
    expect(JSON.stringify(s)).not.toContain('ratings');
    expect((await summaryOf(seed.coach)).rating).toEqual({ average: 7.5, count: 2, distribution: null, mine: null });
  });

  it('lists hot seats, one per presenter with their topic, and the resources shared at the meeting', async () => {
    const s = await summaryOf(seed.observer);
    expect(s.hotSeats).toEqual([
      expect.objectContaining({ presenter: { userId: seed.members[2]!.userId, name: 'Moe Three' }, topic: 'Hiring a second tech' }),
      expect.objectContaining({ presenter: { userId: seed.members[0]!.userId, name: 'Max One' }, topic: 'Selling the company' }),
    ]);
    expect(s.resources).toEqual([expect.objectContaining({ title: 'Onboarding checklist', sharedByName: 'Mia Two', url: 'https://example.com/onboarding' })]);
    expect(s.attendance.find((a: any) => a.userId === seed.members[2]!.userId)).toMatchObject({ status: 'absent' });
  });

  it("another group's member gets 404", async () => {
    const beta = await otherGroup(srv.url, seed.organiser, seed.networkId);
    expect((await beta.member.get(`/api/meetings/${meeting.id}/summary`)).status).toBe(404);
  });
});

describe('the notes and commitments seam', () => {
  it('takes notes and commitments from the injected reader, with the viewer, and titles from the agenda', async () => {
    const seen: SummaryViewer[] = [];
    const fromReader: NoteBlock[] = [{ kind: 'paragraph', inline: [{ kind: 'text', text: 'From the reader', marks: [] }], roomOnly: false }];
    const item = meeting.agenda[1]!;
    const reader: SummaryDocsReader = {
      readNotes: async (_meetingId, itemIds, viewer) => {
        seen.push(viewer);
        expect(itemIds).toEqual(meeting.agenda.map((i) => i.id));
        return [{ itemId: item.id, blocks: fromReader }];
      },
      readCommitments: async (_meetingId, viewer) => {
        seen.push(viewer);
        return [];
      },
    };
    const s = await meetingSummary(srv.storage, seed.observer.userId, meeting.id, reader);
    expect(s.notes).toEqual([{ itemId: item.id, title: expect.any(String), blocks: fromReader }]);
    expect(s.notes[0]!.title).not.toBe('');
    expect(seen).toEqual([
      { userId: seed.observer.userId, inTheRoom: false },
      { userId: seed.observer.userId, inTheRoom: false },
    ]);
    const member = await meetingSummary(srv.storage, seed.members[0]!.userId, meeting.id, noSummaryDocs);
    expect(member).toMatchObject({ notes: [], commitments: [] });
  });
});
