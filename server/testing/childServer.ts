// Runs the real server entry point as a child process, so tests can kill -9 it and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Children still running. A test that times out never reaches its stop(): when the test process
 * (a vitest worker) exits, whatever it started goes with it instead of running on as an orphan.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child);
});

/** The child and whatever it started (npm's shell and node): each child leads its own process group. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

export interface ChildServer {
  proc: ChildProcess;
  url: string;
  /** Everything the process wrote to stdout and stderr so far (its log lines). */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the server; with `viaNpm` exactly as an operator does, `npm start` (npm itself is the
 * child, so signals sent to `proc` go to npm, and its exit code is what a supervisor sees).
 */
export async function startChildServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
  { viaNpm = false, startTimeoutMs = 20_000 } = {},
): Promise<ChildServer> {
  const [cmd, args] = viaNpm ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'server/main.ts']];
  const proc = spawn(cmd, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SERVE_CLIENT: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  let stderr = '';
  let all = '';
  proc.stderr!.on('data', (d) => {
    stderr += d;
    all += d;
  });
  proc.stdout!.on('data', (d) => (all += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup(proc);
      throw new Error(`server did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve(proc.exitCode);
      proc.once('exit', (code) => resolve(code));
      proc.kill(signal);
    });
  return { proc, url, output: () => all, stop };
}
