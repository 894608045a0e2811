// Two nodes, one PostgreSQL schema, a private Redis, HAProxy in front: the scale-out promises of
// README "Scaling" and "Running several nodes", with real processes, sockets and providers.
// Thresholds are lowered through the named settings (COLLAB_*), so compaction and unloading
// happen many times within a test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { notesDocName } from '../shared/collab/docNames.ts';
import type { MeetingState } from '../shared/meeting/state.ts';
import { openPostgresStorage } from './storage/postgres.ts';
import { startCluster, type Cluster } from './testing/cluster.ts';
import { collabClient, waitUntil } from './testing/collabClient.ts';
import { createClient } from 'redis';
import { connectSocket, emitAck, nextEvent, seedGroup, type ClientSocket } from './testing/harness.ts';

/** Node A pauses this long between reading a meeting's state and saving it: B's command lands in between. */
const SAVE_DELAY_MS = 400;

let cluster: Cluster;
let seed: Awaited<ReturnType<typeof seedGroup>>;
const sockets: ClientSocket[] = [];
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  cluster = await startCluster({
    env: { COLLAB_COMPACT_AFTER_UPDATES: '60', COLLAB_IDLE_COMPACT_MS: '200', COLLAB_UNLOAD_GRACE_MS: '300' },
    envA: { TEST_COMMAND_SAVE_DELAY_MS: String(SAVE_DELAY_MS) },
    haproxy: true,
  });
  seed = await seedGroup(cluster.a.url);
}, 240_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  providers.forEach((p) => p.destroy());
  await cluster?.stop();
});

async function newMeeting(): Promise<{ meetingId: string; itemId: string }> {
  const r = await seed.coach.post(`/api/groups/${seed.group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
  return { meetingId: r.body.meeting.id, itemId: r.body.state.agenda[0].id };
}

/** A joined socket that keeps the latest state it was sent, and joins again after a reconnect. */
async function member(url: string, cookie: string, meetingId: string) {
  const socket = await connectSocket(url, cookie, undefined, { meeting: meetingId });
  sockets.push(socket);
  const seen = { state: null as MeetingState | null };
  const keep = (s: MeetingState) => {
    if (!seen.state || s.version > seen.state.version) seen.state = s;
  };
  const join = async () => {
    const r = await emitAck(socket, 'room:join', { meetingId, mode: 'remote' });
    if (r.ok) keep(r.state);
    return r;
  };
  socket.on('meeting:state', (p) => keep(p.state));
  socket.io.on('reconnect', () => void join());
  const joined = await join();
  expect(joined.ok).toBe(true);
  const command = (command: object) => emitAck(socket, 'meeting:command', { meetingId, command } as never);
  return { socket, seen, command, join };
}

function writer(url: string, cookie: string, docName: string, meetingId: string) {
  const { doc, provider } = collabClient(url, cookie, docName, { meeting: meetingId });
  providers.push(provider);
  return { doc, provider, text: doc.getText('t') };
}

const item = (id: string) => ({ id, kind: 'custom' as const, title: `Added ${id}`, durationMs: 600_000 });
const count = (s: string, ch: string) => [...s].filter((c) => c === ch).length;
/** Docs a node holds in memory, read from its metrics (loopback may read them without a token). */
async function docsLoaded(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('peerboard_docs_loaded '));
  if (!line) throw new Error('peerboard_docs_loaded missing from /metrics');
  return Number(line.split(' ')[1]);
}

/** The doc as storage holds it (snapshot + log), read straight from PostgreSQL. */
async function storedText(docName: string): Promise<{ text: string; updates: number; snapshot: boolean }> {
  const storage = await openPostgresStorage(cluster.databaseUrl);
  try {
    const stored = await storage.loadDoc(docName);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    return { text: doc.getText('t').toString(), updates: stored.updates.length, snapshot: stored.snapshot !== null };
  } finally {
    await storage.close();
  }
}

async function typeInto(w: ReturnType<typeof writer>, ch: string, n: number) {
  for (let i = 0; i < n; i++) {
    w.text.insert(Math.floor(Math.random() * (w.text.length + 1)), ch);
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
  }
}

describe('two nodes', () => {
  it('no session token crosses Redis: a node asking the other for its sockets gets them without their cookies', async () => {
    const { meetingId } = await newMeeting();
    const [onA, onB] = [seed.members[1]!, seed.members[2]!];
    const heard: Buffer[] = [];
    const sub = createClient({ url: cluster.redis.url });
    const pub = createClient({ url: cluster.redis.url });
    await Promise.all([sub.connect(), pub.connect()]);
    try {
      // Everything the nodes say to each other goes over socket.io's channels.
      await sub.pSubscribe('socket.io*', (message) => heard.push(message), true);
      const a = await member(cluster.a.url, onA.cookie, meetingId);
      // B's join announces who is in the meeting: B asks A for the sockets in the room.
      const announced = nextEvent(a.socket, 'room:presence', (p) => p.presence.some((e) => e.userId === onB.userId));
      await member(cluster.b.url, onB.cookie, meetingId);
      await announced;
      // A marker after it: once the subscriber has it, it has every message published before.
      const marker = `marker-${meetingId}`;
      let markerSeen = () => {};
      const markerHeard = new Promise<void>((resolve) => (markerSeen = resolve));
      await sub.pSubscribe('pb-test-marker', (m) => m.toString() === marker && markerSeen(), true);
      await pub.publish('pb-test-marker', marker);
      await markerHeard;
      const all = Buffer.concat(heard);
      // A's socket did cross, with its handshake (the WebSocket key is in every one)...
      expect(all.includes('sec-websocket-key')).toBe(true);
      // ...and no cookie, so no session token, with it.
      for (const who of [onA, onB]) expect(all.includes(who.cookie.split('=')[1]!)).toBe(false);
    } finally {
      await Promise.all([sub.quit(), pub.quit()]);
    }
  });

  it('a command on node A reaches sockets on node B; meeting.end racing agenda.add loses neither', async () => {
    const { meetingId } = await newMeeting();
    const onA = await member(cluster.a.url, seed.coach.cookie, meetingId);
    const onB = await member(cluster.b.url, seed.members[0]!.cookie, meetingId);
    const coachOnB = await member(cluster.b.url, seed.coach.cookie, meetingId);

    const started = await onA.command({ type: 'meeting.start' });
    expect(started.ok).toBe(true);
    await waitUntil(() => onB.seen.state?.version === started.version && onB.seen.state?.status === 'live', 'B hears A');

    // A reads, waits SAVE_DELAY_MS; B's agenda.add is stored in between. A must apply again.
    const ending = onA.command({ type: 'meeting.end' });
    await new Promise((r) => setTimeout(r, SAVE_DELAY_MS / 4));
    const added = await coachOnB.command({ type: 'agenda.add', item: item('raced') });
    const ended = await ending;
    expect(added.ok).toBe(true);
    expect(ended.ok).toBe(true);
    expect(ended.version).toBeGreaterThan(added.version);
    for (const s of [onA, onB, coachOnB]) {
      await waitUntil(() => s.seen.state?.version === ended.version, 'everyone has the final state');
      expect(s.seen.state!.status).toBe('ended');
      expect(s.seen.state!.agenda.map((i) => i.id)).toContain('raced');
    }
  });

  it('many concurrent commands from both nodes: every acknowledged one is stored', async () => {
    const { meetingId } = await newMeeting();
    const onA = await member(cluster.a.url, seed.coach.cookie, meetingId);
    const onB = await member(cluster.b.url, seed.coach.cookie, meetingId);
    const ids = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const acks = await Promise.all(ids.map((id, i) => (i % 2 ? onA : onB).command({ type: 'agenda.add', item: item(id) })));
    const acked = ids.filter((_, i) => acks[i].ok);
    expect(acked).toEqual(ids);
    const last = Math.max(...acks.map((a) => a.version as number));
    await waitUntil(() => onB.seen.state?.version === last && onA.seen.state?.version === last, 'both nodes converge');
    for (const id of acked) expect(onB.seen.state?.agenda.map((i) => i.id)).toContain(id);
  });

  it('two writers, one per node, converge while both nodes compact; every edit exactly once, live and stored', async () => {
    const { meetingId, itemId } = await newMeeting();
    const docName = notesDocName(meetingId, itemId);
    const wa = writer(cluster.a.url, seed.members[0]!.cookie, docName, meetingId);
    const wb = writer(cluster.b.url, seed.members[1]!.cookie, docName, meetingId);
    await waitUntil(() => wa.provider.synced && wb.provider.synced, 'both synced');
    const N = 700;
    await Promise.all([typeInto(wa, 'a', N), typeInto(wb, 'b', N)]);
    const complete = (t: Y.Text) => count(t.toString(), 'a') === N && count(t.toString(), 'b') === N;
    await waitUntil(() => complete(wa.text) && complete(wb.text), 'writers converge', 30_000);
    expect(wa.text.toString()).toBe(wb.text.toString());

    // Both nodes compacted (threshold 60, idle 200 ms): the log is short, a snapshot holds the rest.
    await waitUntil(async () => (await storedText(docName)).updates < 60, 'compacted', 15_000);
    const stored = await storedText(docName);
    expect(stored.snapshot).toBe(true);
    expect(stored.text).toBe(wa.text.toString());

    // Fresh clients on either node, after the docs were unloaded (grace 300 ms) and reloaded.
    for (const p of [wa.provider, wb.provider]) p.destroy();
    await waitUntil(async () => (await docsLoaded(cluster.a.url)) === 0 && (await docsLoaded(cluster.b.url)) === 0, 'both nodes unloaded the doc');
    for (const url of [cluster.a.url, cluster.b.url]) {
      const fresh = writer(url, seed.members[2]!.cookie, docName, meetingId);
      await waitUntil(() => fresh.provider.synced && fresh.text.length === 2 * N, `fresh client on ${url}`);
      expect(count(fresh.text.toString(), 'a')).toBe(N);
      expect(count(fresh.text.toString(), 'b')).toBe(N);
      fresh.provider.destroy();
    }
  }, 120_000);

  it('Redis paused and resumed mid-meeting: joins are not blocked, nothing is lost, notes converge', async () => {
    const { meetingId, itemId } = await newMeeting();
    const docName = notesDocName(meetingId, itemId);
    const coach = await member(cluster.a.url, seed.coach.cookie, meetingId);
    expect((await coach.command({ type: 'meeting.start' })).ok).toBe(true);
    const wa = writer(cluster.a.url, seed.members[0]!.cookie, docName, meetingId);
    const wb = writer(cluster.b.url, seed.members[1]!.cookie, docName, meetingId);
    await waitUntil(() => wa.provider.synced && wb.provider.synced, 'both synced');
    await Promise.all([typeInto(wa, 'a', 50), typeInto(wb, 'b', 50)]);

    cluster.redis.proc.kill('SIGSTOP');
    try {
      // A join on B answers with Redis paused (presence of its own node; storage for the rest).
      const late = await member(cluster.b.url, seed.members[2]!.cookie, meetingId);
      expect(late.seen.state?.status).toBe('live');
      const added = await coach.command({ type: 'agenda.add', item: item('during-outage') });
      expect(added.ok).toBe(true);
      await Promise.all([typeInto(wa, 'a', 50), typeInto(wb, 'b', 50)]);
      // Each node sees the gap its own appends leave and reads the other's edits from storage.
      await waitUntil(() => wa.text.toString() === wb.text.toString() && wa.text.length === 200, 'converged with Redis paused', 15_000);
    } finally {
      cluster.redis.proc.kill('SIGCONT');
    }
    await Promise.all([typeInto(wa, 'a', 20), typeInto(wb, 'b', 20)]);
    await waitUntil(() => wa.text.toString() === wb.text.toString() && wa.text.length === 240, 'converged after resume', 10_000);
    // The command acknowledged during the outage reaches B's sockets once Redis is back.
    const onB = await member(cluster.b.url, seed.members[0]!.cookie, meetingId);
    expect(onB.seen.state!.agenda.map((i) => i.id)).toContain('during-outage');
    expect((await storedText(docName)).text).toBe(wa.text.toString());
  }, 90_000);

  it('kill -9 of the node behind HAProxy: clients reconnect to the other node and keep everything they saw', async () => {
    const lb = cluster.lb!;
    const { meetingId, itemId } = await newMeeting();
    const docName = notesDocName(meetingId, itemId);
    // Which node HAProxy sends this meeting to (it hashes on `meeting`).
    const owner = (await fetch(`${lb.url}/api/health?meeting=${meetingId}`)).headers.get('x-peerboard-node');
    expect(['a', 'b']).toContain(owner);
    const victim = owner === 'a' ? cluster.a : cluster.b;

    const coach = await member(lb.url, seed.coach.cookie, meetingId);
    const watcher = await member(lb.url, seed.members[0]!.cookie, meetingId);
    expect((await coach.command({ type: 'meeting.start' })).ok).toBe(true);
    const added = await coach.command({ type: 'agenda.add', item: item('before-crash') });
    await waitUntil(() => watcher.seen.state?.version === added.version, 'watcher saw the command');
    const wa = writer(lb.url, seed.members[1]!.cookie, docName, meetingId);
    const wb = writer(lb.url, seed.members[2]!.cookie, docName, meetingId);
    await waitUntil(() => wa.provider.synced && wb.provider.synced, 'writers synced');
    await typeInto(wa, 'x', 100);
    await waitUntil(() => wb.text.length === 100, 'B saw A');
    const seenByB = wb.text.toString();

    await victim.stop('SIGKILL');
    // Both writers and both sockets come back through HAProxy to the surviving node.
    await typeInto(wa, 'y', 20);
    await waitUntil(() => wb.text.length === 120 && wa.text.toString() === wb.text.toString(), 'writers converge on the survivor', 30_000);
    expect(wb.text.toString().replace(/y/g, '')).toBe(seenByB);
    await waitUntil(() => coach.socket.connected && watcher.socket.connected, 'sockets reconnected', 30_000);
    const after = await watcher.join();
    expect(after.ok).toBe(true);
    expect(after.state.agenda.map((i: { id: string }) => i.id)).toContain('before-crash');
    expect(after.state.version).toBeGreaterThanOrEqual(added.version);
    expect((await coach.command({ type: 'agenda.next' })).ok).toBe(true);
  }, 90_000);
});
