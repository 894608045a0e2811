// `npm run cluster`: two Peerboard nodes behind HAProxy on one machine, with the local
// PostgreSQL and Redis (README "Running several nodes"). Open http://localhost:3000.
// Ports and services come from the environment: CLUSTER_PORT (3000, HAProxy), nodes on the two
// ports after it; DATABASE_URL (postgres://postgres@127.0.0.1:5432/test); REDIS_URL
// (redis://127.0.0.1:6379). Ctrl-C stops all three; each node drains as on its own.
import { spawn } from 'node:child_process';
import { SERVER_NODE_OPTIONS } from './serverNodeOptions.mjs';

const lbPort = Number(process.env.CLUSTER_PORT ?? 3000);
const nodes = [
  { name: 'a', port: lbPort + 1 },
  { name: 'b', port: lbPort + 2 },
];
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  // Browsers reach the app through HAProxy; each node must accept that origin.
  PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN ?? `http://localhost:${lbPort},http://127.0.0.1:${lbPort}`,
};
const children = [];

async function healthy(port) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`node on ${port} did not start`);
}

function run(cmd, args, extraEnv) {
  const child = spawn(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${cmd} ${args.join(' ')} exited (${signal ?? code}); stopping the cluster`);
      stop();
    }
  });
  return child;
}

let stopping = false;
function stop() {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(0), 16_000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// One after the other: the first builds the client (if missing) and migrates the database.
for (const n of nodes) {
  run(process.execPath, [...SERVER_NODE_OPTIONS, 'scripts/start.mjs'], { PORT: String(n.port), HOST: '127.0.0.1' });
  await healthy(n.port);
}
run('haproxy', ['-db', '-f', 'deploy/haproxy.cfg'], {
  PEERBOARD_LB_BIND: `0.0.0.0:${lbPort}`,
  PEERBOARD_NODE_A: `127.0.0.1:${nodes[0].port}`,
  PEERBOARD_NODE_B: `127.0.0.1:${nodes[1].port}`,
});
console.log(`Peerboard cluster: http://localhost:${lbPort} (HAProxy) -> nodes on ${nodes.map((n) => n.port).join(' and ')}`);
