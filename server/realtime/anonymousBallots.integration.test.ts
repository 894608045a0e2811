// Ratings and topic votes are anonymous on every channel: a meeting rated by four people and
// voted on by three; every HTTP answer and every socket event another member, the coach, the
// organiser and an observer receive carries their own ballot and the aggregates, never who
// gave which score or voted for which topic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../exports/pdfText.testkit.ts';
import { connectSocket, emitAck, nextEvent, seedGroup, startTestServer, type ApiClient, type ClientSocket } from '../testing/harness.ts';

let srv: Awaited<ReturnType<typeof startTestServer>>;
let seed: Awaited<ReturnType<typeof seedGroup>>;
let meetingId: string;
const sockets: ClientSocket[] = [];
/** Every socket event (name and payload) and ack each viewer received, by viewer name. */
const received = new Map<string, unknown[]>();

type Viewer = { name: string; client: ApiClient & { userId?: string }; socket: ClientSocket; userId: string };
let viewers: Viewer[];
/** The scores: m1 4, m2 9, m3 9, coach 7. Votes: m1 and m2 for Pricing, m3 for Hiring. */
let scores: Record<string, number>;

/** Every ballot (a key of a `ratings` map, a voter in a `votes` list) anywhere in a JSON answer. */
function ballotsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => ballotsIn(v, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ratings' && v && typeof v === 'object') found.push(...Object.keys(v));
      if (k === 'votes' && Array.isArray(v)) found.push(...v.map(String));
      ballotsIn(v, found);
    }
  }
  return found;
}

const command = (socket: ClientSocket, cmd: unknown) => emitAck(socket, 'meeting:command', { meetingId, command: cmd as never });

beforeAll(async () => {
  srv = await startTestServer();
  seed = await seedGroup(srv.url);
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  meetingId = r.body.meeting.id;
  const [m1, m2, m3] = seed.members as [Viewer['client'], Viewer['client'], Viewer['client']];
  const organiserId = (await seed.organiser.get('/api/me')).body.user.id as string;
  const people = [
    ['m1', m1, m1.userId!],
    ['m2', m2, m2.userId!],
    ['m3', m3, m3.userId!],
    ['coach', seed.coach, (seed.coach as Viewer['client']).userId!],
    ['organiser', seed.organiser, organiserId],
    ['observer', seed.observer, (seed.observer as Viewer['client']).userId!],
  ] as const;
  viewers = [];
  for (const [name, client, userId] of people) {
    const socket = await connectSocket(srv.url, client.cookie);
    sockets.push(socket);
    received.set(name, []);
    socket.onAny((event: string, payload: unknown) => received.get(name)!.push({ event, payload }));
    const joined = await emitAck(socket, 'room:join', { meetingId, mode: 'room' });
    expect(joined.ok).toBe(true);
    received.get(name)!.push({ event: 'room:join ack', payload: joined });
    viewers.push({ name, client, socket, userId });
  }
  const by = (name: string) => viewers.find((v) => v.name === name)!;
  scores = { [by('m1').userId]: 4, [by('m2').userId]: 9, [by('m3').userId]: 9, [by('coach').userId]: 7 };

  const acks: unknown[] = [];
  acks.push(await command(by('m1').socket, { type: 'topic.propose', id: 'pricing', title: 'Pricing' }));
  acks.push(await command(by('m3').socket, { type: 'topic.propose', id: 'hiring', title: 'Hiring' }));
  acks.push(await command(by('m1').socket, { type: 'topic.vote', id: 'pricing' }));
  acks.push(await command(by('m2').socket, { type: 'topic.vote', id: 'pricing' }));
  acks.push(await command(by('m3').socket, { type: 'topic.vote', id: 'hiring' }));
  acks.push(await command(by('coach').socket, { type: 'meeting.start' }));
  for (const v of viewers) if (scores[v.userId]) acks.push(await command(v.socket, { type: 'rating.submit', score: scores[v.userId] }));
  // Changing one's mind replaces the score (m1: 2, then 4 again) and is just as anonymous.
  acks.push(await command(by('m1').socket, { type: 'rating.submit', score: 2 }));
  acks.push(await command(by('m1').socket, { type: 'rating.submit', score: 4 }));
  // The marker: once every socket has the ended state, it has every state before it too.
  const ended = viewers.map((v) => nextEvent(v.socket, 'meeting:state', (p) => p.state.status === 'ended'));
  acks.push(await command(by('coach').socket, { type: 'meeting.end' }));
  await Promise.all(ended);
  expect(acks.every((a) => (a as { ok: boolean }).ok)).toBe(true);
  // The stored state keeps the ballots (a rater may change theirs): the test is about what leaves.
  const stored = (await srv.storage.getMeetingState(meetingId))!;
  expect(stored.ratings).toEqual(scores);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await srv?.close();
});

describe('anonymous ratings and topic votes', () => {
  const expectOwnBallotsOnly = (viewer: Viewer, answers: unknown[]) => {
    const ballots = ballotsIn(answers);
    // Raters and voters find their own ballot (so the check looks where ballots are); others none.
    if (scores[viewer.userId]) expect(ballots).toContain(viewer.userId);
    expect(new Set(ballots.filter((id) => id !== viewer.userId))).toEqual(new Set());
    // No rater's id next to a score anywhere, in whatever field it could hide.
    const text = JSON.stringify(answers);
    for (const raterId of Object.keys(scores).filter((id) => id !== viewer.userId)) expect(text).not.toMatch(new RegExp(`"${raterId}"\\s*:\\s*\\d`));
  };

  it('socket events and acks: each viewer holds their own ballot and the aggregates only', () => {
    for (const v of viewers) {
      const events = received.get(v.name)!;
      // Votes and ratings go out as states (nine here), everything else as deltas.
      expect(events.filter((e) => (e as { event: string }).event === 'meeting:state').length).toBe(9);
      expect(events.filter((e) => (e as { event: string }).event === 'meeting:applied').length).toBeGreaterThanOrEqual(2);
      expectOwnBallotsOnly(v, events);
      const last = [...events].reverse().find((e) => (e as { event: string }).event === 'meeting:state') as { payload: { state: any } };
      expect(last.payload.state.ratings).toEqual(scores[v.userId] ? { [v.userId]: scores[v.userId] } : {});
      expect(last.payload.state.ratingSummary).toEqual({ count: 4, average: 7.3, distribution: [0, 0, 0, 1, 0, 0, 1, 0, 2, 0] });
      expect(last.payload.state.topics.map((t: any) => [t.id, t.voteCount])).toEqual([['pricing', 2], ['hiring', 1]]);
    }
  });

  it('meeting:sync (a client that lost track) answers with the caller\'s copy too', async () => {
    for (const v of viewers) {
      const sync = await emitAck(v.socket, 'meeting:sync', { meetingId });
      expect(sync.ok).toBe(true);
      expect(sync.state.ratings).toEqual(scores[v.userId] ? { [v.userId]: scores[v.userId] } : {});
      expect(new Set(ballotsIn(sync).filter((id) => id !== v.userId))).toEqual(new Set());
    }
  });

  it('a viewer sees the count grow between the first and the third rating, and no spread before three', () => {
    const states = received.get('observer')!.filter((e) => (e as { event: string }).event === 'meeting:state').map((e) => (e as { payload: { state: any } }).payload.state);
    const summaries = states.map((s) => s.ratingSummary);
    expect(summaries.some((r) => r.count === 2 && r.distribution === null)).toBe(true);
    expect(summaries.every((r) => r.count >= 3 || r.distribution === null)).toBe(true);
  });

  it('every HTTP answer: meeting, summary, group, overviews, search, readiness, goal review, Markdown and PDF', async () => {
    for (const v of viewers) {
      const json: unknown[] = [];
      for (const path of [
        `/api/meetings/${meetingId}`,
        `/api/meetings/${meetingId}/summary`,
        `/api/meetings/${meetingId}/goal-review`,
        `/api/meetings/${meetingId}/readiness`,
        `/api/groups/${seed.group.id}`,
        `/api/groups/${seed.group.id}/overview`,
        `/api/groups/${seed.group.id}/search?q=Pricing`,
        '/api/me/overview',
      ]) {
        const r = await v.client.get(path);
        expect(r.status, `${v.name} ${path}`).toBeLessThan(500);
        json.push(r.body);
      }
      const detail = json[0] as { state: { ratings: object; topics: { votes: string[] }[] } };
      // The meeting answer carries the caller's own ballot: what a ballot check must find.
      expect(detail.state.ratings).toEqual(scores[v.userId] ? { [v.userId]: scores[v.userId] } : {});
      const summary = json[1] as { rating: object };
      expect(summary.rating).toEqual({ count: 4, average: 7.3, distribution: [0, 0, 0, 1, 0, 0, 1, 0, 2, 0], mine: scores[v.userId] ?? null });
      expectOwnBallotsOnly(v, json);

      const md = (await v.client.get(`/api/meetings/${meetingId}/recap.md`)).body as string;
      const pdfRes = await fetch(`${srv.url}/api/meetings/${meetingId}/recap.pdf`, { headers: { cookie: v.client.cookie } });
      const pdf = (await pdfText(Buffer.from(await pdfRes.arrayBuffer()))).replace(/\s+/g, ' ');
      for (const text of [md.replace(/\\/g, ''), pdf]) {
        expect(text).toContain('7.3 / 10 from 4 ratings.');
        expect(text).toContain('Scores given: 4: 1, 7: 1, 9: 2.');
        // Only "You rated" for oneself; nobody's name next to a score.
        expect([...text.matchAll(/rated (\d+)/g)].map((m) => Number(m[1]))).toEqual(scores[v.userId] ? [scores[v.userId]] : []);
        for (const name of ['Max One', 'Mia Two', 'Moe Three', 'Cora Coach']) expect(text).not.toMatch(new RegExp(`${name}[^\\n.]{0,20}\\b(rated|[1-9]|10) ?/ ?10`));
      }
    }
  });
});
