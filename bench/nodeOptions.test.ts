// The server's V8 options are written in scripts/serverNodeOptions.mjs and, because npm scripts
// cannot import them, again in package.json's start and demo lines: this keeps the copies equal.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_OPTIONS } from '../scripts/serverNodeOptions.mjs';

const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** The node options of an `exec node <options> scripts/start.mjs ...` line. */
function optionsOf(line: string): string[] {
  const m = /^exec node (.*?)\s*scripts\/start\.mjs\b/.exec(line);
  if (!m) throw new Error(`not a start line: ${line}`);
  return m[1]!.split(' ').filter(Boolean);
}

describe('the server node options', () => {
  it('are the ones npm start and npm run demo give node', () => {
    expect(SERVER_NODE_OPTIONS.length).toBeGreaterThan(0);
    expect(optionsOf(scripts.start!)).toEqual(SERVER_NODE_OPTIONS);
    expect(optionsOf(scripts.demo!)).toEqual(SERVER_NODE_OPTIONS);
  });

  it('are what the benchmarks spawn the compiled server with, unless told otherwise', async () => {
    const saved = process.env.BENCH_PEERBOARD_NODE_OPTIONS;
    delete process.env.BENCH_PEERBOARD_NODE_OPTIONS;
    try {
      const { PEERBOARD_NODE_OPTIONS } = await import('./proc.ts');
      expect(PEERBOARD_NODE_OPTIONS).toEqual(SERVER_NODE_OPTIONS);
    } finally {
      if (saved !== undefined) process.env.BENCH_PEERBOARD_NODE_OPTIONS = saved;
    }
  });
});
