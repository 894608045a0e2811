// Reading a child server from outside: CPU time and resident memory from /proc (Linux), so a
// benchmark measures the server process alone, not the clients driving it.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_OPTIONS } from '../scripts/serverNodeOptions.mjs';

/**
 * CPU seconds one thread has run, user and system, from its schedstat (the scheduler's own
 * count, in nanoseconds). /proc's stat counts in 10 ms ticks, too coarse for an idle server:
 * over 25 s it cannot tell 0 from 0.0004 cores.
 */
function threadCpu(pid: number, tid: string): number {
  return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
}

/** CPU seconds of the process's threads now alive (a server's threads live as long as it does). */
export function cpuSeconds(pid: number): number {
  let total = 0;
  for (const seconds of threadCpuSeconds(pid).values()) total += seconds;
  return total;
}

export function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/**
 * CPU seconds of the process's main thread and of all its other threads (V8's garbage-collection
 * helpers, libuv's pool, worker threads): Node names every thread "node", so they are told apart
 * by id only (the main thread's id is the process id).
 */
export function threadCpuSeconds(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = Number(tid) === pid ? 'main' : 'other threads';
      byName.set(name, (byName.get(name) ?? 0) + threadCpu(pid, tid));
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return byName;
}

/** Cores of the main thread and of the other threads over `ms` of wall time, busiest first. */
export async function threadCoresOver(pid: number, ms: number): Promise<[string, number][]> {
  const before = threadCpuSeconds(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const seconds = (performance.now() - t0) / 1000;
  return [...threadCpuSeconds(pid)]
    .map(([name, cpu]): [string, number] => [name, (cpu - (before.get(name) ?? 0)) / seconds])
    .sort((a, b) => b[1] - a[1]);
}

/**
 * The main thread's account with the scheduler: seconds on a CPU and seconds runnable but waiting
 * for one (both from schedstat), and how often it was preempted (nonvoluntary_ctxt_switches in
 * its status). On a machine that also runs the clients, a server whose turn is longer is more
 * often preempted by a client it has just woken, and waits while the client runs.
 */
export interface MainThreadSched {
  onCpu: number;
  waiting: number;
  preempted: number;
}
export function mainThreadSched(pid: number): MainThreadSched {
  const [onCpu, waiting] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
  const line = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('nonvoluntary_ctxt_switches:'))!;
  return { onCpu: onCpu! / 1e9, waiting: waiting! / 1e9, preempted: Number(line.replace(/\D+/g, '')) };
}
export const schedBetween = (a: MainThreadSched, b: MainThreadSched): MainThreadSched => ({ onCpu: b.onCpu - a.onCpu, waiting: b.waiting - a.waiting, preempted: b.preempted - a.preempted });
export const noSched = (): MainThreadSched => ({ onCpu: 0, waiting: 0, preempted: 0 });
/** Adds one drive's account (schedBetween) to a total. */
export function addSched(total: MainThreadSched, add: MainThreadSched): void {
  total.onCpu += add.onCpu;
  total.waiting += add.waiting;
  total.preempted += add.preempted;
}

/** Cores the process used over `ms` of wall time. */
export async function coresOver(pid: number, ms: number): Promise<number> {
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  return (cpuSeconds(pid) - c0) / ((performance.now() - t0) / 1000);
}

/**
 * BENCH_CPU_PROF=<dir>: every server (Peerboard's and the bare ones) runs with --cpu-prof into that dir, and
 * stopServer ends it with SIGTERM so the profile is written (bench/profileSummary.mjs reads it).
 */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;

/**
 * Node options Peerboard's compiled server runs with under `npm start` (scripts/serverNodeOptions.mjs),
 * so a benchmark spawning dist/server/main.js directly measures the same process;
 * BENCH_PEERBOARD_NODE_OPTIONS replaces them (an empty value: none).
 */
export const PEERBOARD_NODE_OPTIONS: string[] =
  process.env.BENCH_PEERBOARD_NODE_OPTIONS === undefined ? [...SERVER_NODE_OPTIONS] : process.env.BENCH_PEERBOARD_NODE_OPTIONS.split(' ').filter(Boolean);

/**
 * BENCH_TRACE_GC=1: every server runs with --trace-gc and its collections are counted (one line
 * each on its stdout), so a benchmark shows the garbage collector's share beside the latencies.
 */
const TRACE_GC = process.env.BENCH_TRACE_GC === '1';

/** Collections of one server so far: scavenges (young generation) and mark-compacts (the whole heap), with their pauses. */
export interface GcCount {
  scavenges: number;
  markCompacts: number;
  scavengeMs: number;
  markCompactMs: number;
}
const gcCounts = new WeakMap<ChildProcess, GcCount>();

/** The collections a server spawned with BENCH_TRACE_GC=1 has made so far; null without it. */
export function gcCountOf(proc: ChildProcess): GcCount | null {
  const c = gcCounts.get(proc);
  return c ? { ...c } : null;
}

export const noGc = (): GcCount => ({ scavenges: 0, markCompacts: 0, scavengeMs: 0, markCompactMs: 0 });
/** Adds what a drive collected (after - before) to a total. */
export function addGc(total: GcCount, before: GcCount | null, after: GcCount | null): void {
  if (!before || !after) return;
  for (const k of Object.keys(total) as (keyof GcCount)[]) total[k] += after[k] - before[k];
}
export const gcLine = (g: GcCount) => `${g.scavenges} scavenges (${Math.round(g.scavengeMs)} ms), ${g.markCompacts} mark-compacts (${Math.round(g.markCompactMs)} ms)`;

/** Counts --trace-gc lines ("... ms: Scavenge 10.2 (12.3) -> 9.8 (13.3) MB, 1.2 / 0.0 ms ..."). */
function countGc(proc: ChildProcess): void {
  const count: GcCount = { scavenges: 0, markCompacts: 0, scavengeMs: 0, markCompactMs: 0 };
  gcCounts.set(proc, count);
  let rest = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const pause = Number(/MB, ([\d.]+) \//.exec(line)?.[1] ?? 0);
      if (line.includes(': Scavenge')) {
        count.scavenges++;
        count.scavengeMs += pause;
      } else if (line.includes(': Mark-Compact')) {
        count.markCompacts++;
        count.markCompactMs += pause;
      }
    }
  });
}

/**
 * BENCH_PIN=1 (a control, off by default): every server runs on the first core and the driving
 * processes on the others, as a server and its clients run on different machines. When they
 * share the cores, the client a server's socket write wakes often runs on the server's own core
 * and preempts the server in the middle of its broadcast (mainThreadSched counts it; on 4
 * December, 2.4-2.5 times per command for the bare relay and 5.5-6.3 for Peerboard).
 */
export const PIN_CORES = process.env.BENCH_PIN === '1';
/** Under BENCH_PIN: this driving process (all its threads, and the processes it starts later) leaves the first core. */
export function pinDriver(): void {
  if (!PIN_CORES) return;
  const cores = os.cpus().length;
  if (cores < 2) throw new Error('BENCH_PIN needs two cores or more');
  execFileSync('taskset', ['-a', '-p', '-c', `1-${cores - 1}`, String(process.pid)], { stdio: 'ignore' });
}

/** Spawns `node args` with env and waits until GET url/health-ish answers (on the first core alone under BENCH_PIN). */
export async function spawnServer(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const profile = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const gc = TRACE_GC ? ['--trace-gc'] : [];
  const command = [process.execPath, ...profile, ...gc, ...args];
  // taskset executes node in its own process: the pid is the server's.
  const [file, ...argv] = PIN_CORES ? ['taskset', '-c', '0', ...command] : command;
  const proc = spawn(file!, argv, { env: { ...process.env, ...env }, stdio: ['ignore', TRACE_GC ? 'pipe' : 'ignore', 'inherit'] });
  if (TRACE_GC) countGc(proc);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${args.join(' ')} exited early`);
    try {
      if ((await fetch(readyUrl)).ok) return proc;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${args.join(' ')} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ends a server: SIGKILL, or SIGTERM and its exit when it is being profiled (the profile is written on exit). */
export async function stopServer(proc: ChildProcess): Promise<void> {
  if (!CPU_PROF_DIR) {
    proc.kill('SIGKILL');
    return;
  }
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

/**
 * BENCH_HOT_CPUS=1 (a control for the latency benchmarks): one busy loop per core at the lowest
 * priority (nice 19) for the whole run, so no core ever goes idle. On a virtual machine an idle
 * core halts, and a write that wakes a process whose core halted pays for waking that core: how
 * much of that a server pays depends on how soon it answers, not on its own work. With the cores
 * kept busy, any process that wakes preempts a loop at once (the scheduler weighs nice 19 at
 * 15 against 1024), and the servers' CPU, read from /proc per process, leaves the loops out.
 * Returns the function that stops them (also run when this process exits).
 */
export function keepCpusBusy(): () => void {
  const loops = os.cpus().map(() => {
    const loop = spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' });
    os.setPriority(loop.pid!, 19);
    return loop;
  });
  const stop = () => loops.forEach((loop) => loop.kill('SIGKILL'));
  process.once('exit', stop);
  return stop;
}
