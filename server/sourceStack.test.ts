import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceStack } from './sourceStack.ts';

// A small TypeScript module compiled the way scripts/build-server.mjs compiles the server (ESM,
// a source map beside it without the sources). The stack is written out by hand at the compiled
// throw's position: the test runner's own source-map support would otherwise map it first.
const dir = mkdtempSync(path.join(os.tmpdir(), 'pb-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dist = path.join(dir, 'dist');
const source = path.join(dir, 'src', 'failing.ts');

async function compiledThrow(): Promise<{ file: string; line: number; column: number }> {
  mkdirSync(path.dirname(source), { recursive: true });
  writeFileSync(source, ['// line 1', 'interface Box { n: number }', '', 'export function fail(): void {', '  const box: Box = { n: 1 };', '  throw new Error(`broken ${box.n}`);', '}', ''].join('\n'));
  await build({ entryPoints: [source], outdir: dist, bundle: true, format: 'esm', platform: 'node', sourcemap: true, sourcesContent: false, logLevel: 'silent' });
  const file = path.join(dist, 'failing.js');
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes('throw new Error'));
  return { file, line: index + 1, column: lines[index]!.indexOf('throw') + 1 };
}

describe('sourceStack', () => {
  it("names the TypeScript file and line of the compiled server's frames, and leaves other frames alone", async () => {
    const at = await compiledThrow();
    const e = new Error('broken 1');
    const other = '    at run (/elsewhere/node_modules/pkg/index.js:10:5)';
    e.stack = [`Error: broken 1`, `    at fail (${pathToFileURL(at.file).href}:${at.line}:${at.column})`, `    at caller (${at.file}:${at.line}:${at.column})`, other].join('\n');
    const mapped = sourceStack(e, dist).split('\n');
    expect(mapped[0]).toBe('Error: broken 1');
    expect(mapped[1]).toBe(`    at fail (${source}:6:3)`);
    expect(mapped[2]).toBe(`    at caller (${source}:6:3)`);
    expect(mapped[3]).toBe(other);
  });

  it('keeps a frame whose file has no map, and a thrown non-error as its text', () => {
    const e = new Error('plain');
    e.stack = `Error: plain\n    at thing (${path.join(dist, 'missing.js')}:3:4)`;
    expect(sourceStack(e, dist)).toBe(e.stack);
    expect(sourceStack('just text', dist)).toBe('just text');
  });
});
