// Compiles the server (TypeScript) once into dist/server with esbuild, so production runs plain
// JavaScript: no TypeScript loader in memory and no per-module transpiling at start-up.
// Packages stay external (native better-sqlite3, pdfkit's fonts): node loads them as usual.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts', 'server/demo/seed.ts'],
  outdir: 'dist/server',
  outbase: 'server',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
