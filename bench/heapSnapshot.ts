// Live heap of a child server, measured exactly: the server runs with --heapsnapshot-signal, so
// SIGUSR2 makes it collect all garbage and write a snapshot; the sum of its objects' own sizes is
// what the process holds, with no young generation, uncollected garbage or allocator slack in it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

/** The node flags that let heapSnapshotKb ask a server spawned with them for a snapshot. */
export function heapSnapshotFlags(): { flags: string[]; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-bench-heap-'));
  return { flags: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`], dir };
}

export interface HeapSummary {
  /** Every object but compiled code, KB. */
  objectsKb: number;
  /** Compiled code (V8's optimizer grows it once, with the traffic, not with the rooms), KB. */
  codeKb: number;
  /** Bytes by kind of object: `closure handle`, `object Socket`, `string` (strings by type only), ... */
  byKind: Map<string, number>;
}

/** Node types whose names are their contents (a string's text, a number's value): grouped by type alone. */
const NAMELESS = new Set(['string', 'concatenated string', 'sliced string', 'number', 'heap number', 'bigint']);

/** Sums a .heapsnapshot file's nodes' self sizes, compiled code apart. */
export function summarizeSnapshot(text: string): HeapSummary {
  const snap = JSON.parse(text) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings?: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const [typeAt, nameAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size'), fields.length];
  const types = snap.snapshot.meta.node_types[0];
  const code = types.indexOf('code');
  let objects = 0;
  let codeBytes = 0;
  const byKind = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const size = snap.nodes[i + sizeAt]!;
    const type = types[snap.nodes[i + typeAt]!] ?? '?';
    if (snap.nodes[i + typeAt] === code) codeBytes += size;
    else objects += size;
    const kind = NAMELESS.has(type) ? type : `${type} ${snap.strings?.[snap.nodes[i + nameAt]!] ?? '?'}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + size);
  }
  return { objectsKb: objects / 1024, codeKb: codeBytes / 1024, byKind };
}

/**
 * Asks the server for a snapshot and reads it. Writing one blocks the server's only thread, so
 * once the file exists, an answer to readyUrl means it is complete. The file is removed after
 * (unless BENCH_HEAP_KEEP=1).
 */
export async function heapSnapshotKb(proc: ChildProcess, dir: string, readyUrl: string): Promise<HeapSummary> {
  const before = new Set(readdirSync(dir));
  proc.kill('SIGUSR2');
  const deadline = Date.now() + 60_000;
  let file: string | undefined;
  while (!(file = readdirSync(dir).find((f) => !before.has(f)))) {
    if (Date.now() > deadline) throw new Error('no heap snapshot written');
    await new Promise((r) => setTimeout(r, 50));
  }
  // A kept-alive connection may have been closed meanwhile (ECONNRESET): ask again.
  for (;;) {
    try {
      await fetch(readyUrl);
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
  }
  const full = path.join(dir, file);
  const summary = summarizeSnapshot(readFileSync(full, 'utf8'));
  // BENCH_HEAP_KEEP=1 keeps each file for a closer look (Chromium's DevTools Memory tab loads it).
  if (process.env.BENCH_HEAP_KEEP === '1') console.log(`heap snapshot kept: ${full}`);
  else rmSync(full);
  return summary;
}
