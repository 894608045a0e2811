// Compiles the server (TypeScript) once into dist/server with esbuild, so production runs plain
// JavaScript: no TypeScript loader in memory and no per-module transpiling at start-up.
// Packages stay external (native better-sqlite3, pdfkit's fonts): node loads them as usual.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/** dist/server unless another folder is named (the build test compiles into a temporary one). */
const outdir = process.argv[2] ?? 'dist/server';

const result = await build({
  entryPoints: ['server/main.ts', 'server/demo/seed.ts'],
  outdir,
  outbase: 'server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // The maps turn logged stack traces back into TypeScript lines (server/sourceStack.ts reads
  // them when a stack is first logged). A trace needs only the mappings; the sources are in the
  // checkout.
  sourcesContent: false,
  logLevel: 'warning',
  write: false,
});

// V8 keeps each module's source text in memory for lazy compilation, as one byte per character
// only while the whole file is Latin-1: one other character doubles the file's memory. esbuild
// escapes strings and identifiers (charset ascii) but not regular expression literals, so those
// must write such characters as \u escapes; this names a file that slipped.
for (const file of result.outputFiles) {
  if (file.path.endsWith('.js') && /[\u0100-\uffff]/.test(file.text)) {
    console.warn(`build-server: ${path.relative('.', file.path)} has characters beyond Latin-1 (write them as \\u escapes in regular expressions): its source takes twice the memory`);
  }
  await mkdir(path.dirname(file.path), { recursive: true });
  await writeFile(file.path, file.contents);
}

// Chunk names are content hashes: each build leaves the previous build's chunks behind, which
// nothing imports. They go once the new files are written (a failed build keeps the old ones).
const written = new Set(result.outputFiles.map((f) => path.resolve(f.path)));
for (const entry of await readdir(outdir, { recursive: true, withFileTypes: true })) {
  const file = path.resolve(entry.parentPath ?? entry.path, entry.name);
  if (entry.isFile() && !written.has(file)) await rm(file);
}
