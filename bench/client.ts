// `npm run bench:client`: the JavaScript each route's first page loads, raw and gzip, from a
// production build. Vite builds the client into a temporary folder with its manifest; a page
// loads the entry chunk and the route's own chunk, each with every chunk it imports statically.
// Chunks a page imports dynamically (the notes editor, pdf.js) load later and are listed apart.
// Gzip at level 9, as the build's precompressed twins (client/vite/precompress.ts) are served.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** Route pages (client/src/routePages.ts) and the chunks they load only later. */
const PAGES: { name: string; src: string; later?: { name: string; src: string }[] }[] = [
  { name: 'sign-in', src: 'src/views/LoginPage.tsx' },
  { name: 'home', src: 'src/views/HomePage.tsx' },
  { name: 'group', src: 'src/views/GroupPage.tsx' },
  { name: 'meeting (member)', src: 'src/views/MeetingPage.tsx', later: [{ name: 'notes editor', src: 'src/components/meeting/NotesPanel.tsx' }] },
  { name: 'projector (wall)', src: 'src/views/ProjectorPage.tsx', later: [{ name: 'notes on the wall', src: 'src/components/notes/ProjectorNotes.tsx' }] },
  { name: 'financial review', src: 'src/views/FinancialsPage.tsx' },
  { name: 'recap', src: 'src/views/RecapPage.tsx' },
];

// The build moves its source maps beside its output folder (../sourcemaps): both stay in here.
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pb-client-'));
const outDir = path.join(workDir, 'client');
try {
  execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const bySrc = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.src ?? key, { key, chunk }]));
  const keyOf = (src: string) => {
    const found = bySrc.get(src);
    if (!found) throw new Error(`no chunk for ${src}: is it still a route page?`);
    return found.key;
  };
  /** Every JS file a chunk needs before it runs: itself and its static imports, transitively. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key]!;
    if (into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const dep of chunk.imports ?? []) closure(dep, into);
    return into;
  };
  const sizes = (files: Iterable<string>) => {
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const bytes = readFileSync(path.join(outDir, file));
      raw += bytes.length;
      gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    return { raw, gzip };
  };
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)![0];
  const shell = closure(entry);
  console.log('JavaScript a route loads before it shows (entry + route chunk + their static imports), production build:');
  console.log('page | raw | gzip');
  for (const page of PAGES) {
    const first = closure(keyOf(page.src), new Set(shell));
    const s = sizes(first);
    console.log(`${page.name} | ${kb(s.raw)} | ${kb(s.gzip)}`);
    for (const later of page.later ?? []) {
      const more = [...closure(keyOf(later.src))].filter((f) => !first.has(f));
      const m = sizes(more);
      console.log(`  + ${later.name}, loaded after the page shows | ${kb(m.raw)} | ${kb(m.gzip)}`);
    }
  }
  console.log(`machine: ${os.cpus().length} cores, ${new Date().toISOString()}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
