// `npm run bench:nodes`: delivery across nodes beside delivery on one node, in the same run. Two
// Peerboard nodes on one PostgreSQL schema and a private Redis (server/testing/cluster.ts). A
// facilitator on node A alternates pause/resume; members on A and on B receive each command
// (meeting:applied): same-node and cross-node latencies of the same commands. Then a typist on
// A, readers on A and on B: keystroke -> reader, same node and cross node. Bench only.
import os from 'node:os';
import { io as ioClient, type Socket } from 'socket.io-client';
import { notesDocName } from '../shared/collab/docNames.ts';
import { PROTOCOL_VERSION } from '../shared/limits.ts';
import { startCluster } from '../server/testing/cluster.ts';
import { ApiClient } from '../server/testing/harness.ts';
import { reader, typist } from './notesClients.ts';
import { summarize } from './stats.ts';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 200);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const PER_NODE = 5;
/** Below the per-socket command rate limit, and slow enough that deliveries do not overlap. */
const PACE_MS = 120;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cluster = await startCluster();
try {
  const org = new ApiClient(cluster.a.url);
  const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
  const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
  const created = (await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' })).body;
  const meetingId: string = created.meeting.id;

  const connect = async (url: string, projector: boolean): Promise<Socket> => {
    const s = ioClient(url, { transports: ['websocket'], extraHeaders: { cookie: org.cookie }, auth: { protocolVersion: PROTOCOL_VERSION }, query: { meeting: meetingId } });
    await new Promise<void>((r, j) => (s.once('connect', () => r()), s.once('connect_error', j)));
    const joined = await s.emitWithAck('room:join', { meetingId, mode: 'remote', projector });
    if (!joined.ok) throw new Error(JSON.stringify(joined.error));
    return s;
  };
  const driver = await connect(cluster.a.url, false);
  const onA = await Promise.all(Array.from({ length: PER_NODE }, () => connect(cluster.a.url, true)));
  const onB = await Promise.all(Array.from({ length: PER_NODE }, () => connect(cluster.b.url, true)));
  const started = await driver.emitWithAck('meeting:command', { meetingId, command: { type: 'meeting.start' } });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  await pause(500);

  // Commands: each member's arrival of version v, minus when v was sent.
  const sentAt = new Map<number, number>();
  const cmd = { same: [] as number[], cross: [] as number[] };
  for (const [list, sockets] of [[cmd.same, onA], [cmd.cross, onB]] as const) {
    for (const s of sockets) s.on('meeting:applied', (d: { version: number }) => {
      const t0 = sentAt.get(d.version);
      if (t0 !== undefined) list.push(performance.now() - t0);
    });
  }
  let version: number = started.version;
  for (let i = 0; i < COMMANDS; i++) {
    sentAt.set(++version, performance.now());
    const ack = await driver.emitWithAck('meeting:command', { meetingId, command: { type: i % 2 ? 'timer.resume' : 'timer.pause' } });
    if (!ack.ok || ack.version !== version) throw new Error(`command ${i}: ${JSON.stringify(ack)}`);
    await pause(PACE_MS);
  }
  await pause(1000);

  // Keystrokes: a typist on A; readers on A and on B.
  const doc = notesDocName(meetingId, created.state.agenda[0].id);
  const at = (base: string) => ({ url: `${base.replace('http', 'ws')}/collab/${encodeURIComponent(doc)}?meeting=${meetingId}`, headers: { Cookie: org.cookie, Origin: base } });
  const t = await typist(at(cluster.a.url).url, at(cluster.a.url).headers);
  const key = { same: [] as number[], cross: [] as number[] };
  const typed: number[] = [];
  for (const [list, base] of [[key.same, cluster.a.url], [key.cross, cluster.b.url]] as const) {
    for (let i = 0; i < PER_NODE; i++) {
      const r = await reader(at(base).url, at(base).headers);
      let n = 0;
      r.onUpdate = (when) => {
        const t0 = typed[n++];
        if (t0 !== undefined) list.push(when - t0);
      };
    }
  }
  await pause(1000);
  for (let i = 0; i < KEYSTROKES; i++) {
    typed.push(t.type());
    await pause(PACE_MS);
  }
  await pause(1000);

  const fmt = (x: number) => x.toFixed(2);
  const row = (what: string, r: { same: number[]; cross: number[] }, expected: number) => {
    const s = summarize(r.same);
    const c = summarize(r.cross);
    console.log(`${what} | ${fmt(s.p50)} / ${fmt(s.p99)} | ${fmt(c.p50)} / ${fmt(c.p99)} | +${fmt(c.p50 - s.p50)} / +${fmt(c.p99 - s.p99)} ms | ${fmt(c.p50 / s.p50)}x / ${fmt(c.p99 / s.p99)}x | ${s.n}+${c.n} of ${expected}`);
  };
  console.log(`Two nodes (PostgreSQL + Redis), ${PER_NODE} members on each; sender on node A; one every ${PACE_MS} ms`);
  console.log('what | same node p50 / p99 ms | cross node p50 / p99 ms | difference | ratio | samples');
  row(`command (${COMMANDS})`, cmd, 2 * PER_NODE * COMMANDS);
  row(`keystroke (${KEYSTROKES})`, key, 2 * PER_NODE * KEYSTROKES);
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
} finally {
  await cluster.stop();
}
process.exit(0);
