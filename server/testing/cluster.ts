// A two-node cluster for tests: a private redis-server (so a test may pause or kill it), a fresh
// PostgreSQL schema both nodes share, the two nodes as child processes, and optionally HAProxy
// with deploy/haproxy.cfg in front of them.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { freePort, startChildServer, type ChildServer } from './childServer.ts';
import { tempDataDir } from './harness.ts';

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A child process stopped with SIGKILL unless it already exited. */
function stopProcess(p: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    p.once('exit', () => resolve());
    p.kill(signal);
  });
}

export interface PrivateRedis {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** redis-server on a free port with no persistence (`--save ''`), for this test alone. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const net = await import('node:net');
  await waitFor(
    () =>
      new Promise((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
        s.on('error', () => resolve(false));
      }),
    'redis-server listening',
  );
  return { url: `redis://127.0.0.1:${port}`, proc, stop: () => stopProcess(proc) };
}

/** A fresh schema in the test database; drop() removes it. */
export async function freshSchema(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface Cluster {
  a: ChildServer;
  b: ChildServer;
  lb: { url: string; proc: ChildProcess } | null;
  redis: PrivateRedis;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Two nodes on one schema and one private Redis. `env` applies to both, `envA` to node A only.
 * PUBLIC_ORIGIN lists every address clients use (each node and the load balancer).
 */
export async function startCluster(opts: { env?: Record<string, string>; envA?: Record<string, string>; haproxy?: boolean } = {}): Promise<Cluster> {
  const [redis, schema] = await Promise.all([startPrivateRedis(), freshSchema('pb_cluster')]);
  const [portA, portB, portLb] = await Promise.all([freePort(), freePort(), freePort()]);
  const origins = [portA, portB, portLb].map((p) => `http://127.0.0.1:${p}`).join(',');
  const env = { DATABASE_URL: schema.url, REDIS_URL: redis.url, PUBLIC_ORIGIN: origins, ...opts.env };
  // One after the other: both would run the migrations at once otherwise (safe, but slower here).
  // A loaded machine compiles two servers slowly; the wait ends as soon as /api/health answers.
  const a = await startChildServer(portA, tempDataDir(), { ...env, ...opts.envA }, { startTimeoutMs: 90_000 });
  const b = await startChildServer(portB, tempDataDir(), env, { startTimeoutMs: 90_000 });
  let lb: Cluster['lb'] = null;
  if (opts.haproxy) {
    const proc = spawn('haproxy', ['-db', '-f', 'deploy/haproxy.cfg'], {
      env: { ...process.env, PEERBOARD_LB_BIND: `127.0.0.1:${portLb}`, PEERBOARD_NODE_A: `127.0.0.1:${portA}`, PEERBOARD_NODE_B: `127.0.0.1:${portB}` },
      stdio: 'ignore',
    });
    lb = { url: `http://127.0.0.1:${portLb}`, proc };
    await waitFor(async () => (await fetch(`${lb!.url}/api/health`)).ok, 'haproxy forwarding');
  }
  return {
    a,
    b,
    lb,
    redis,
    databaseUrl: schema.url,
    async stop() {
      if (lb) await stopProcess(lb.proc);
      await Promise.all([a.stop(), b.stop()]);
      await redis.stop();
      await schema.drop();
    },
  };
}
