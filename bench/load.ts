// `npm run bench:load`: many meetings at once. Sweeps rooms x members for Peerboard's compiled
// server and a bare socket.io relay (bench/bareRelay.mjs) sending a payload of the same size,
// each in its own process, side by side in one run: command -> state at every member (p50,
// p99), where p99 passes 50 ms, server CPU under load and idle, and resident memory at start
// and per room. In each room the facilitator alternates pause/resume at 2 commands/s.
// Bounded: BENCH_ROOMS steps of BENCH_SECONDS each, then steps of BENCH_ROOMS_STEP more rooms
// while either side's p99 is still under 50 ms, up to BENCH_ROOMS_MAX (so both capacities are
// found, not only Peerboard's); loopback only.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/limits.ts';
import { freePort } from '../server/testing/childServer.ts';
import { ApiClient, emitAck } from '../server/testing/harness.ts';
import { memberSocket } from './memberSocket.ts';
import { monotonicMs, RemoteSenders } from './remoteSenders.ts';
import { addGc, coresOver, gcCountOf, gcLine, type GcCount, addSched, keepCpusBusy, mainThreadSched, noGc, noSched, PEERBOARD_NODE_OPTIONS, PIN_CORES, pinDriver, schedBetween, rssMb, spawnServer, stopServer, threadCoresOver } from './proc.ts';
import { parsePrometheusText } from '../server/testing/promText.ts';
import { addBuckets, bucketsBetween, histogramPercentile, summarize, type HistogramBuckets } from './stats.ts';

const ROOM_STEPS = (process.env.BENCH_ROOMS ?? '10,25,50,100').split(',').map(Number);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/**
 * Before the first step each side is driven this long at that step's rooms, unmeasured
 * (BENCH_WARMUP_SECONDS, 0 for none): a node in service has long compiled its hot code, and
 * V8's optimizing compiler is still busy in the first seconds of a cold process, on both sides.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? SECONDS);
/** Drives of each side per step (BENCH_ROUNDS), alternating which goes first; samples pooled. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
/** Past the listed steps: this many rooms more per step until both sides passed the limit... */
const ROOMS_STEP = Number(process.env.BENCH_ROOMS_STEP ?? 100);
/** ...or this many rooms (10 sockets each per side: the driving process's descriptors bound it). */
const ROOMS_MAX = Number(process.env.BENCH_ROOMS_MAX ?? 800);
/** Each room's facilitator sends a command this often (pause, resume, ...). */
const COMMAND_EVERY_MS = 500;
/** The latency the sweep looks for: a room feels live below it. */
const P99_LIMIT_MS = 50;
/**
 * socket.io's default ping interval, which both servers keep: an idle connection's only traffic.
 * Each idle window lasts exactly one interval, so it holds one ping per socket on both sides. A
 * shorter window would hold the pings of only the sockets that connected in some part of an
 * interval (a 10 s window once read 0.001 against 0.06 cores, when the relay's sockets all
 * connected within a second or two: see addRooms).
 */
const PING_INTERVAL_MS = 25_000;
const IDLE_MS = PING_INTERVAL_MS;
/**
 * BENCH_BARE_WORK_US=N (a control, 0 by default): the bare relay waits a turn of its event loop
 * and works N µs before it relays each command. On loopback a broadcast costs more when it goes
 * out later: the driving process has gone to sleep and each write wakes it. This shows how much
 * of Peerboard's margin any server that validates and stores a command first would pay.
 */
const BARE_WORK_US = Number(process.env.BENCH_BARE_WORK_US ?? 0);
/**
 * BENCH_BARE_STORE=1 (a control, off by default): the bare relay writes each command's body to
 * SQLite (one UPDATE of the room's row, in the same turn) before it relays: the least any server
 * that stores a command before anyone hears of it pays, without Peerboard's other work.
 */
const BARE_STORE = process.env.BENCH_BARE_STORE === '1';
/**
 * BENCH_SENDER_APART=1: each room's facilitator connects from a second driving process
 * (bench/senderProcess.mjs), the other members from this one, as a facilitator's laptop is apart
 * from the members' devices. By default all of a room's sockets share this process, and a server
 * that answers at once finds it still awake from sending the command: on loopback that favours
 * whichever server answers sooner, an advantage no real member has. Latency is then to every
 * member but the facilitator, on the machine's monotonic clock (the same in both processes).
 */
const SENDER_APART = process.env.BENCH_SENDER_APART === '1';
const senders = SENDER_APART ? new RemoteSenders() : null;
/**
 * BENCH_HOT_CPUS=1 (a control, off by default): every core runs a busy loop at nice 19 for the
 * whole run (bench/proc.ts keepCpusBusy), so no write has to wake a halted core. It shows how
 * much of each side's latency is the machine's idle states rather than the server's own work.
 */
const stopHotCpus = process.env.BENCH_HOT_CPUS === '1' ? keepCpusBusy() : null;
pinDriver();
/** BENCH_BY_THREAD=1: each step also prints each server's CPU on its main thread and on its other threads. */
const BY_THREAD = process.env.BENCH_BY_THREAD === '1';
/** Pause between the last step and the first idle window (the load's tail still shows in it). */
const IDLE_SETTLE_MS = 5_000;
/** Start of the second idle window: the steady state of a node with every room connected. */
const IDLE_LATE_MS = IDLE_SETTLE_MS + IDLE_MS + 5_000;
/**
 * BENCH_IDLE_EMPTY=0 skips it: before any room connects, each server's idle CPU with no
 * connection at all is read over one window (after this settle), so the idle figure per room
 * can leave out what a node spends with no room (Peerboard samples its event loop delay for
 * its metrics, 10 times a second; the relay has no timer).
 */
const IDLE_EMPTY = process.env.BENCH_IDLE_EMPTY !== '0';
/**
 * A node is not idle yet in its first half minute: V8's helper threads shrink the start-up heap
 * and the main thread finishes start-up work (5 December, Peerboard alone: 0.0044 cores 10-35 s
 * after start, 0.0008 over 45-70 s). The window starts after that.
 */
const IDLE_EMPTY_SETTLE_MS = 40_000;

interface Room {
  /** Sends the next command (the ack is not waited for); answers when it was sent (monotonicMs). */
  send(version: number): number | Promise<number>;
  /** The sockets whose arrival counts: every member, or all but the facilitator when it is apart. */
  members: Socket[];
  /** Latest version each room has reached everywhere. */
  version: number;
}
interface Target {
  name: string;
  pid: number;
  addRoom(): Promise<Room>;
  /** The version number a broadcast carries. */
  versionOf(payload: any): number;
  /** Its collections so far (BENCH_TRACE_GC=1), else null. */
  gc(): GcCount | null;
  close(): Promise<void>;
}

/** One drive's latencies (ms), command sent -> every member has it, and -> the first member has it. */
interface Drove {
  last: number[];
  first: number[];
}

/** Drives every room for `seconds`; returns each command's latencies to the last and to the first member. */
async function drive(rooms: Room[], target: Target, seconds = SECONDS): Promise<Drove> {
  const samples: Drove = { last: [], first: [] };
  // t0 is null until a facilitator apart said when it sent; doneAt, once every member has it.
  const pending = new Map<Room, { version: number; t0: number | null; firstAt: number | null; doneAt: number | null; reached: Set<Socket> }>();
  const record = (room: Room, p: { t0: number | null; firstAt: number | null; doneAt: number | null }) => {
    if (p.t0 === null || p.doneAt === null) return;
    samples.last.push(p.doneAt - p.t0);
    samples.first.push(p.firstAt! - p.t0);
    pending.delete(room);
  };
  const listeners = rooms.flatMap((room) =>
    room.members.map((s) => {
      const fn = (payload: any) => {
        const p = pending.get(room);
        // A broadcast at or past the awaited version answers it (one that arrived after the end of
        // an earlier drive leaves the room's known version behind the server's).
        if (!p || target.versionOf(payload) < p.version) return;
        p.reached.add(s);
        if (p.reached.size === 1) p.firstAt = monotonicMs();
        if (p.reached.size === room.members.length) {
          p.doneAt = monotonicMs();
          room.version = Math.max(p.version, target.versionOf(payload));
          record(room, p);
        }
      };
      s.on(target.name === 'bare' ? 'state' : 'meeting:applied', fn);
      return () => s.off(target.name === 'bare' ? 'state' : 'meeting:applied', fn);
    }),
  );
  const end = performance.now() + seconds * 1000;
  // Rooms start spread over one interval, as real meetings do not tick in step.
  await Promise.all(
    rooms.map(async (room, i) => {
      await new Promise((r) => setTimeout(r, (COMMAND_EVERY_MS * i) / rooms.length));
      while (performance.now() < end) {
        const t0 = performance.now();
        if (!pending.has(room)) {
          const p = { version: room.version + 1, t0: null as number | null, firstAt: null as number | null, doneAt: null as number | null, reached: new Set<Socket>() };
          pending.set(room, p);
          const sent = room.send(p.version);
          if (typeof sent === 'number') p.t0 = sent;
          else void sent.then((at) => ((p.t0 = at), record(room, p)));
        }
        await new Promise((r) => setTimeout(r, Math.max(0, COMMAND_EVERY_MS - (performance.now() - t0))));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 1000)); // let the last broadcasts land
  listeners.forEach((off) => off());
  return samples;
}

/** Peerboard's own count of its commands' time in the server, arrival -> acknowledgement (outcome ok), from /metrics. */
async function commandBuckets(url: string): Promise<HistogramBuckets> {
  const family = parsePrometheusText(await (await fetch(`${url}/metrics`)).text()).get('peerboard_meeting_command_seconds');
  const ok = (family?.samples ?? []).filter((s) => s.name.endsWith('_bucket') && s.labels.outcome === 'ok');
  return new Map(ok.map((s) => [s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), s.value]));
}

async function peerboard(): Promise<Target & { payloadBytes: () => number; startRss: number; commandBuckets: () => Promise<HistogramBuckets> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pb-bench-'));
  const proc = await spawnServer([...PEERBOARD_NODE_OPTIONS, 'dist/server/main.js'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'error' }, `${url}/api/health`);
  const startRss = rssMb(proc.pid!);
  const org = new ApiClient(url);
  const setup = await org.post('/api/setup', { networkName: 'Bench', name: 'Org', email: 'org@bench.test', password: 'bench password 1' });
  const group = (await org.post(`/api/networks/${setup.body.networks[0].id}/groups`, { name: 'G', leadership: 'coach-led', format: 'online' })).body;
  let payloadBytes = 0;
  return {
    name: 'peerboard',
    pid: proc.pid!,
    startRss,
    payloadBytes: () => payloadBytes,
    commandBuckets: () => commandBuckets(url),
    versionOf: (p) => p.version,
    gc: () => gcCountOf(proc),
    async addRoom() {
      const created = await org.post(`/api/groups/${group.id}/meetings`, { quarter: '2026-Q4', startsAt: '2026-12-01T09:00:00Z', timeZone: 'UTC' });
      const meetingId: string = created.body.meeting.id;
      const members: Socket[] = [];
      const joinPayload = (i: number) => ({ meetingId, mode: 'remote' as const, projector: i > 0 });
      const apart = senders ? await senders.open(url, org.cookie, { protocolVersion: PROTOCOL_VERSION }, ['room:join', joinPayload(0)]) : null;
      if (apart && !apart.ack.ok) throw new Error(JSON.stringify(apart.ack.error));
      for (let i = apart ? 1 : 0; i < MEMBERS; i++) {
        const s = await memberSocket(url, org.cookie);
        const joined = await emitAck(s, 'room:join', joinPayload(i));
        if (!joined.ok) throw new Error(JSON.stringify(joined.error));
        members.push(s as unknown as Socket);
      }
      const start = { meetingId, command: { type: 'meeting.start' as const } };
      const started = apart ? await senders!.ask(apart.id, 'meeting:command', start) : await emitAck(members[0] as any, 'meeting:command', start);
      if (!started.ok) throw new Error(JSON.stringify(started.error));
      // The size of a command's broadcast: the first after the start.
      const sized = (p: { version: number }) => {
        if (p.version <= started.version) return;
        payloadBytes = JSON.stringify(p).length;
        members[0]!.off('meeting:applied', sized);
      };
      members[0]!.on('meeting:applied', sized);
      // The timer runs after the start: pause first, then resume, and so on.
      let paused = false;
      const room: Room = {
        members,
        version: started.version,
        send: () => {
          const type = paused ? 'timer.resume' : 'timer.pause';
          paused = !paused;
          const command = { meetingId, command: { type } };
          if (apart) return senders!.send(apart.id, 'meeting:command', command);
          const t0 = monotonicMs();
          members[0]!.emit('meeting:command', command, (ack: any) => {
            if (!ack.ok) console.error('command refused', ack.error);
          });
          return t0;
        },
      };
      return room;
    },
    close: () => stopServer(proc),
  };
}

async function bare(payloadBytes: () => number): Promise<Target & { startRss: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const storeDir: Record<string, string> = BARE_STORE ? { STORE_DIR: mkdtempSync(path.join(os.tmpdir(), 'pb-bench-bare-')) } : {};
  const proc = await spawnServer(['bench/bareRelay.mjs'], { PORT: String(port), WORK_US: String(BARE_WORK_US), ...storeDir }, url);
  let n = 0;
  return {
    name: 'bare',
    pid: proc.pid!,
    startRss: rssMb(proc.pid!),
    versionOf: (p) => p.version,
    gc: () => gcCountOf(proc),
    async addRoom() {
      const name = `room-${n++}`;
      const members: Socket[] = [];
      const apart = senders ? await senders.open(url, null, { protocolVersion: PROTOCOL_VERSION }, ['join', name]) : null;
      for (let i = apart ? 1 : 0; i < MEMBERS; i++) {
        const s = ioClient(url, { transports: ['websocket'], auth: { protocolVersion: PROTOCOL_VERSION } });
        await new Promise<void>((r) => s.once('connect', () => r()));
        await new Promise<void>((r) => s.emit('join', name, () => r()));
        members.push(s);
      }
      const room: Room = {
        members,
        version: 0,
        // The same bytes on the wire as Peerboard's broadcast of the state.
        send: (version) => {
          const cmd = { room: name, body: { version, payload: 'x'.repeat(Math.max(0, payloadBytes() - 40)) } };
          if (apart) return senders!.send(apart.id, 'cmd', cmd);
          const t0 = monotonicMs();
          members[0]!.emit('cmd', cmd, () => undefined);
          return t0;
        },
      };
      return room;
    },
    close: () => stopServer(proc),
  };
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const sum = (list: [string, number][]) => list.reduce((a, [, c]) => a + c, 0);
/** Threads' cores, busiest first, those under half a millicore left out. */
const threads = (list: [string, number][]) => list.filter(([, cores]) => cores >= 0.0005).map(([name, cores]) => `${name} ${fmt(cores, 3)}`).join(', ') || 'none';
const pb = await peerboard();
const rb = await bare(() => pb.payloadBytes() || 2200);
const rooms = { peerboard: [] as Room[], bare: [] as Room[] };
const capacity: Record<string, number | null> = { peerboard: null, bare: null };
console.log(`Rooms x ${MEMBERS} members, a command every ${COMMAND_EVERY_MS} ms per room, ${ROUNDS} x ${SECONDS} s per side and step, alternating (loopback; servers in their own processes${PIN_CORES ? ', on core 0; the drivers on the others' : ''})`);
if (SENDER_APART) console.log('each room\'s facilitator connects from a second driving process: latency to the other members');
if (BARE_STORE) console.log('control: the bare relay stores each command in SQLite (one UPDATE) before it relays it');
if (stopHotCpus) console.log('control: every core runs a busy loop at nice 19, so none ever halts');
if (BARE_WORK_US > 0) console.log(`control: the bare relay waits a turn and works ${BARE_WORK_US} µs before it relays each command`);
let emptyIdle: { bare: number; peerboard: number } | null = null;
if (IDLE_EMPTY) {
  await new Promise((r) => setTimeout(r, IDLE_EMPTY_SETTLE_MS));
  const [bareThreads, pbThreads] = await Promise.all([threadCoresOver(rb.pid, IDLE_MS), threadCoresOver(pb.pid, IDLE_MS)]);
  emptyIdle = { bare: sum(bareThreads), peerboard: sum(pbThreads) };
  console.log(`idle with no connection (${IDLE_EMPTY_SETTLE_MS / 1000}-${(IDLE_EMPTY_SETTLE_MS + IDLE_MS) / 1000} s after start): CPU bare ${fmt(emptyIdle.bare, 4)} / peerboard ${fmt(emptyIdle.peerboard, 4)} cores`);
  console.log(`  by thread: bare ${threads(bareThreads)}; peerboard ${threads(pbThreads)}`);
}
console.log('rooms | bare p50 / p99 ms | peerboard p50 / p99 ms | ratio p50 / p99 | CPU cores bare / peerboard | ratio');
/**
 * Rooms are added to both sides in turn, one each, so both sides' sockets connect at the same
 * pace. Each socket's pings follow from when it connected: when the relay's rooms all connected
 * in the second or two before Peerboard's, its pings went out in a few bursts, one wake-up for
 * many sockets, and Peerboard's one by one (idle: 94 wake-ups a second for the relay's event loop
 * against 139 for Peerboard's, for the same 1000 pings and pongs).
 */
async function addRooms(count: number): Promise<void> {
  while (rooms.bare.length < count || rooms.peerboard.length < count) {
    if (rooms.bare.length < count) rooms.bare.push(await rb.addRoom());
    if (rooms.peerboard.length < count) rooms.peerboard.push(await pb.addRoom());
  }
}
async function warmUp(count: number): Promise<void> {
  if (WARMUP_SECONDS <= 0) return;
  await addRooms(count);
  for (const target of [rb, pb]) await drive(rooms[target.name as 'bare' | 'peerboard'], target, WARMUP_SECONDS);
  console.log(`(warm-up: each side driven ${WARMUP_SECONDS} s at ${count} rooms before the first step, not measured)`);
}
async function step(count: number): Promise<void> {
  await addRooms(count);
  // Each side is driven ROUNDS times, in the order bare, Peerboard, Peerboard, bare, ...: a drift
  // of the machine during the step (other processes, the driver's own GC) falls on both alike.
  const samples = { bare: [] as number[], peerboard: [] as number[] };
  const firstSamples = { bare: [] as number[], peerboard: [] as number[] };
  const threadCores = { bare: new Map<string, number>(), peerboard: new Map<string, number>() };
  const gcDuring = { bare: noGc(), peerboard: noGc() };
  // The main thread's time on a CPU and waiting for one, and its preemptions, over the drives.
  const sched = { bare: noSched(), peerboard: noSched() };
  const commands = { bare: 0, peerboard: 0 };
  let inServer: HistogramBuckets = new Map();
  // Each round's own p50 ratio: how far one pair of drives can move on this machine.
  const roundP50 = { bare: [] as number[], peerboard: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of round % 2 === 0 ? [rb, pb] : [pb, rb]) {
      const name = target.name as 'bare' | 'peerboard';
      // Scraped outside the measured seconds: the scrape's own work is not in the CPU figure.
      const before = target === pb ? await pb.commandBuckets() : null;
      const cpu = threadCoresOver(target.pid, SECONDS * 1000);
      const gc0 = target.gc();
      const sched0 = mainThreadSched(target.pid);
      const drove = await drive(rooms[name], target);
      addSched(sched[name], schedBetween(sched0, mainThreadSched(target.pid)));
      commands[name] += drove.last.length;
      samples[name].push(...drove.last);
      firstSamples[name].push(...drove.first);
      roundP50[name].push(summarize(drove.last).p50);
      addGc(gcDuring[name], gc0, target.gc());
      if (before) inServer = addBuckets(inServer, bucketsBetween(before, await pb.commandBuckets()));
      for (const [thread, cores] of await cpu) threadCores[name].set(thread, (threadCores[name].get(thread) ?? 0) + cores / ROUNDS);
    }
  }
  const row: Record<string, { p50: number; p99: number; cores: number; byThread: [string, number][] }> = {};
  for (const name of ['bare', 'peerboard'] as const) {
    const s = summarize(samples[name]);
    const byThread = [...threadCores[name]].sort((a, b) => b[1] - a[1]);
    row[name] = { p50: s.p50, p99: s.p99, cores: sum(byThread), byThread };
    if (capacity[name] === null && s.p99 > P99_LIMIT_MS) capacity[name] = count;
  }
  const b = row.bare!;
  const p = row.peerboard!;
  console.log(`${count} | ${fmt(b.p50)} / ${fmt(b.p99)} | ${fmt(p.p50)} / ${fmt(p.p99)} | ${fmt(p.p50 / b.p50)}x / ${fmt(p.p99 / b.p99)}x | ${fmt(b.cores, 3)} / ${fmt(p.cores, 3)} | ${fmt(p.cores / b.cores)}x`);
  if (BY_THREAD) console.log(`  by thread: bare ${threads(b.byThread)}; peerboard ${threads(p.byThread)}`);
  // Where the time goes: to the first member is the server's turn before it writes the first
  // frame; from there to the last member is the fan-out (one write per member).
  const [firstBare, firstPb] = [summarize(firstSamples.bare).p50, summarize(firstSamples.peerboard).p50];
  console.log(`  p50 to the first member: bare ${fmt(firstBare)} / peerboard ${fmt(firstPb)} ms (${fmt(firstPb / firstBare)}x); first -> last member: bare ${fmt(b.p50 - firstBare)} / peerboard ${fmt(p.p50 - firstPb)} ms`);
  if (ROUNDS > 1) {
    // The median of the rounds' ratios: each pair of drives ran seconds apart, so a slow spell of
    // the machine falls on both sides of a pair and one such pair moves the median little.
    const ratios = roundP50.peerboard.map((p50, r) => p50 / roundP50.bare[r]!);
    console.log(`  each round's p50 ratio: ${ratios.map((x) => `${fmt(x)}x`).join(', ')}; median ${fmt(summarize(ratios).p50)}x`);
  }
  const perCommand = (name: 'bare' | 'peerboard', v: number) => v / Math.max(1, commands[name]);
  const us = (name: 'bare' | 'peerboard', key: 'onCpu' | 'waiting') => fmt(perCommand(name, sched[name][key]) * 1e6, 0);
  console.log(
    `  each server's main thread per command: on a CPU bare ${us('bare', 'onCpu')} / peerboard ${us('peerboard', 'onCpu')} µs; ` +
      `runnable but waiting for a CPU bare ${us('bare', 'waiting')} / peerboard ${us('peerboard', 'waiting')} µs; ` +
      `preempted bare ${fmt(perCommand('bare', sched.bare.preempted))} / peerboard ${fmt(perCommand('peerboard', sched.peerboard.preempted))} times`,
  );
  const ms = (q: number) => fmt(histogramPercentile(inServer, q) * 1000);
  console.log(`  peerboard's own time per command, arrival -> ack (its histogram, the broadcast included): p50 ${ms(50)} / p99 ${ms(99)} ms`);
  if (pb.gc()) console.log(`  GC over the drives: bare ${gcLine(gcDuring.bare)}; peerboard ${gcLine(gcDuring.peerboard)}`);
}
let most = 0;
await warmUp(ROOM_STEPS[0]!);
for (const count of ROOM_STEPS) await step((most = count));
while ((capacity.bare === null || capacity.peerboard === null) && most + ROOMS_STEP <= ROOMS_MAX) await step((most += ROOMS_STEP));
const over = (name: string) => (capacity[name] === null ? `not passed at ${most}` : `passed at ${capacity[name]}`);
const [capBare, capPb] = [capacity.bare ?? null, capacity.peerboard ?? null];
const capacityRatio = capBare !== null && capPb !== null ? ` (capacity ${fmt(capPb / capBare)}x)` : '';
console.log(`p99 > ${P99_LIMIT_MS} ms: bare ${over('bare')}, peerboard ${over('peerboard')}${capacityRatio}`);
console.log(`payload per broadcast: ${pb.payloadBytes()} bytes (bare pads to the same)`);
// Idle: two windows after the load, so its tail (last writes, V8 shrinking the heap on its helper
// threads) shows apart from the steady state; the second one split by thread.
const perRoomMilli = (cores: number) => fmt((cores / most) * 1000, 3);
await new Promise((r) => setTimeout(r, IDLE_SETTLE_MS));
const [idleBare, idlePb] = await Promise.all([coresOver(rb.pid, IDLE_MS), coresOver(pb.pid, IDLE_MS)]);
console.log(`idle with ${most} rooms connected, ${IDLE_SETTLE_MS / 1000}-${(IDLE_SETTLE_MS + IDLE_MS) / 1000} s after the load: CPU bare ${fmt(idleBare, 4)} / peerboard ${fmt(idlePb, 4)} cores (${fmt(idlePb / idleBare)}x); per room bare ${perRoomMilli(idleBare)} / peerboard ${perRoomMilli(idlePb)} millicores`);
await new Promise((r) => setTimeout(r, IDLE_LATE_MS - IDLE_SETTLE_MS - IDLE_MS));
const lateGc0 = { bare: rb.gc(), peerboard: pb.gc() };
const [lateBare, latePb] = await Promise.all([threadCoresOver(rb.pid, IDLE_MS), threadCoresOver(pb.pid, IDLE_MS)]);
console.log(`idle ${IDLE_LATE_MS / 1000}-${(IDLE_LATE_MS + IDLE_MS) / 1000} s after the load: CPU bare ${fmt(sum(lateBare), 4)} / peerboard ${fmt(sum(latePb), 4)} cores (${fmt(sum(latePb) / sum(lateBare))}x); per room bare ${perRoomMilli(sum(lateBare))} / peerboard ${perRoomMilli(sum(latePb))} millicores`);
console.log(`  by thread: bare ${threads(lateBare)}; peerboard ${threads(latePb)}`);
if (emptyIdle) {
  // What each connected room adds: the late window less the same server's idle with no connection.
  const added = (cores: number, empty: number) => Math.max(0, cores - empty);
  const [addedBare, addedPb] = [added(sum(lateBare), emptyIdle.bare), added(sum(latePb), emptyIdle.peerboard)];
  console.log(`  added by the rooms (that window less the same server with no connection): per room bare ${perRoomMilli(addedBare)} / peerboard ${perRoomMilli(addedPb)} millicores (${fmt(addedPb / addedBare)}x)`);
}
if (pb.gc()) {
  const lateGc = { bare: noGc(), peerboard: noGc() };
  addGc(lateGc.bare, lateGc0.bare, rb.gc());
  addGc(lateGc.peerboard, lateGc0.peerboard, pb.gc());
  console.log(`  GC in that window: bare ${gcLine(lateGc.bare)}; peerboard ${gcLine(lateGc.peerboard)}`);
}
const perRoom = (t: { pid: number; startRss: number }) => ((rssMb(t.pid) - t.startRss) * 1024) / most;
console.log(`RSS at start: bare ${fmt(rb.startRss, 0)} MB, peerboard ${fmt(pb.startRss, 0)} MB (${fmt(pb.startRss / rb.startRss)}x)`);
console.log(`RSS per connected room: bare ${fmt(perRoom(rb), 0)} KB, peerboard ${fmt(perRoom(pb), 0)} KB (${fmt(perRoom(pb) / perRoom(rb))}x)`);
console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
await rb.close();
await pb.close();
senders?.close();
stopHotCpus?.();
process.exit(0);
