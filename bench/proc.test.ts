import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuSeconds, threadCpuSeconds } from './proc.ts';

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
});
