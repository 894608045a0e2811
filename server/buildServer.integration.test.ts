// scripts/build-server.mjs, compiled into a temporary folder: a rebuild leaves only what the new
// build wrote (chunk names are content hashes, so old chunks would otherwise pile up).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(path.join(os.tmpdir(), 'pb-build-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('build-server', () => {
  it('removes files an earlier build left behind and keeps every file the new build imports', async () => {
    mkdirSync(path.join(out, 'demo'), { recursive: true });
    writeFileSync(path.join(out, 'chunk-STALE000.js'), 'export const stale = 1;\n');
    writeFileSync(path.join(out, 'demo', 'old.js.map'), '{}');
    await promisify(execFile)(process.execPath, ['scripts/build-server.mjs', out], { cwd: path.resolve(import.meta.dirname, '..') });

    expect(existsSync(path.join(out, 'chunk-STALE000.js'))).toBe(false);
    expect(existsSync(path.join(out, 'demo', 'old.js.map'))).toBe(false);
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files).toContain('main.js');
    expect(files).toContain(path.join('demo', 'seed.js'));
    // Every chunk main.js imports statically is there.
    const imported = [...readFileSync(path.join(out, 'main.js'), 'utf8').matchAll(/from "\.\/(chunk-[A-Z0-9]+\.js)"/g)].map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(0);
    for (const chunk of imported) expect(files).toContain(chunk);
  });
});
