// Summarises a V8 CPU profile (node --cpu-prof, e.g. BENCH_CPU_PROF=<dir> npm run bench:load):
// self time by function and by file, the top N of each, so a benchmark run says where time went.
// Usage: node bench/profileSummary.mjs <file.cpuprofile> [N] [fromS-toS]
// (a window in seconds since the profile started keeps only that phase, e.g. a load step; the
// busy time per second printed first shows where the phases are).
import { readFileSync } from 'node:fs';

const [file, topArg, windowArg] = process.argv.slice(2);
const [fromS, toS] = (windowArg ?? '0-1e9').split('-').map(Number);
const top = Number(topArg ?? 30);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const hits = new Map();
const dt = prof.timeDeltas;
const idleIds = new Set(prof.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
const busyPerSecond = [];
let t = 0;
prof.samples.forEach((id, i) => {
  t += dt[i] ?? 0;
  const us = dt[i + 1] ?? 0;
  const second = Math.floor(t / 1e6);
  if (!idleIds.has(id)) busyPerSecond[second] = (busyPerSecond[second] ?? 0) + us;
  if (second >= fromS && second < toS) hits.set(id, (hits.get(id) ?? 0) + us);
});
console.log('busy ms per second:', Array.from(busyPerSecond, (us) => Math.round((us ?? 0) / 1e3)).join(' '));
const total = [...hits.values()].reduce((a, b) => a + b, 0);
const byFn = new Map();
const byFile = new Map();
for (const [id, us] of hits) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const short = (url || '(native)').replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm/').replace(/.*dist\/server\//, 'dist/');
  const fn = `${functionName || '(anon)'} ${short}:${lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  const pkg = short.startsWith('nm/') ? short.split('/').slice(0, short.startsWith('nm/@') ? 3 : 2).join('/') : short;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
}
const show = (title, m) => {
  console.log(`\n${title} (total ${(total / 1e3).toFixed(0)} ms)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${k}`);
};
show('self time by file/package', byFile);
show('self time by function', byFn);
