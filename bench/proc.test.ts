import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuSeconds, mainThreadSched, threadCpuSeconds } from './proc.ts';

// A child that spins until its own CPU reaches 0.3 s, reports what Node counted (getrusage), and
// then waits, idle, for its stdin to close.
const SPINNER = `
const spent = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
while (spent() < 0.3);
process.stdout.write(JSON.stringify({ seconds: spent() }) + '\\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
`;

describe('reading a server\'s CPU from /proc', () => {
  it('agrees with what the process itself counted, in seconds, main thread included', async () => {
    const child = spawn(process.execPath, ['-e', SPINNER], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const own = (JSON.parse(line.toString()) as { seconds: number }).seconds;
      const read = cpuSeconds(child.pid!);
      const main = threadCpuSeconds(child.pid!).get('main')!;
      // Read after the report, so never less than it (less a little: getrusage and the
      // scheduler round differently); the idle child adds little between the two.
      expect(read).toBeGreaterThan(own - 0.02);
      expect(read).toBeLessThan(own + 0.25);
      // The spinning was the main thread's.
      expect(main).toBeGreaterThan(0.28);
      expect(main).toBeLessThanOrEqual(read);
    } finally {
      child.stdin.end();
      if (child.exitCode === null) await once(child, 'exit');
    }
  });

  it('counts a main thread\'s waits for a CPU and its preemptions when two spinners share one core', async () => {
    // Both pinned to CPU 0: while one spins, the other is runnable and waits for the core.
    const children = [0, 1].map(() => spawn('taskset', ['-c', '0', process.execPath, '-e', SPINNER], { stdio: ['pipe', 'pipe', 'inherit'] }));
    try {
      await Promise.all(children.map((c) => once(c.stdout, 'data')));
      const read = children.map((c) => mainThreadSched(c.pid!));
      for (const r of read) expect(r.onCpu).toBeGreaterThan(0.28);
      // Together they spun 0.6 s on one core; each waited while the other ran.
      expect(read[0]!.waiting + read[1]!.waiting).toBeGreaterThan(0.1);
      expect(read[0]!.preempted + read[1]!.preempted).toBeGreaterThan(0);
    } finally {
      for (const c of children) {
        c.stdin.end();
        if (c.exitCode === null) await once(c, 'exit');
      }
    }
  });
});
