// The V8 options the server runs with, wherever it starts: `npm start` and `npm run demo` (their
// package.json lines carry them; a unit test keeps the two in step), `npm run cluster`'s nodes
// and the benchmarks that spawn the compiled server directly.
//
// --max-semi-space-size=32 (MB; V8's default on 64-bit is 16): a meeting's state lives about
// half a second, from one command to the next, so with the default young generation a busy node
// promotes many of them to the old generation before they die, and pays for it in scavenges and
// mark-compacts. bench/load.ts at 500 rooms (3 December 2026): 30-31 scavenges instead of 63-65
// over the drives, no mark-compact instead of one, main-thread CPU 0.30-0.35 cores against
// 0.34-0.35, and p99 stayed under 50 ms in 4 of 4 runs instead of 0 of 4. The young generation
// only grows that large under load: start-up memory is unchanged.
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=32'];
