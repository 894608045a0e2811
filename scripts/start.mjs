// `npm start` (and `npm run demo` with --demo): build the client if it is missing, compile the
// server, then run it in this very process. package.json runs it with `exec`, so npm -> node, no
// shell in between: SIGTERM/SIGINT reach the server's own handlers (server/shutdown.ts drains and exits 0),
// and the exit status npm reports is the server's (a kill -9 is a kill -9, never a clean 0).
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Runs a preparation step as a child; a signal meanwhile goes to it, and we exit as it did. */
function step(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    const forward = (sig) => child.kill(sig);
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, forward);
    child.on('exit', (code, signal) => {
      for (const sig of ['SIGINT', 'SIGTERM']) process.off(sig, forward);
      // 128 + n is how a shell (and a supervisor) reads "killed by signal n".
      const status = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1);
      if (status !== 0) process.exit(status);
      resolve();
    });
  });
}

if (process.env.SERVE_CLIENT !== 'false' && !existsSync(`${process.env.CLIENT_DIR ?? 'dist/client'}/index.html`)) {
  console.log('Building the client (first run)…');
  await step(process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
}
// The server runs as compiled JavaScript (no TypeScript loader in this process: less memory, a
// faster start). esbuild takes about a second, so it compiles on every start and a checkout
// never runs a stale build; a child process, so esbuild's own memory is gone once it is done.
await step(process.execPath, ['scripts/build-server.mjs']);
// Node's source-map support stays off: it would read and keep every module's map from the start
// (about 8 MB). Logged stacks are mapped to TypeScript when logged (server/sourceStack.ts).
if (process.argv.includes('--demo')) await import('../dist/server/demo/seed.js');
await import('../dist/server/main.js');
