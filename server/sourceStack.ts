// Stack traces in the logs name the TypeScript source. The compiled server (dist/server, see
// scripts/build-server.mjs) ships a source map beside each file; Node's own source-map support
// would read and keep every module's map from the start (about 8 MB of a 100 MB node), so the
// maps are read here instead, when a stack is first logged, and only for the files it names.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder this module runs from: dist/server when compiled; under tsx, frames already name .ts files. */
const OWN_DIR = path.dirname(fileURLToPath(import.meta.url));

const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
    } catch {
      map = null; // no map (or an unreadable one): the frame stays as it is
    }
    maps.set(file, map);
  }
  return map;
}

/** A frame's `file:line:column`, JavaScript file or file: URL. */
const FRAME = /((?:file:\/\/)?\/[^\s()]+\.js):(\d+):(\d+)/g;

/**
 * The error's stack with every frame of the compiled server (files under `dir`) pointing at the
 * TypeScript line it came from; other frames (Node, packages) as they were.
 */
export function sourceStack(e: unknown, dir = OWN_DIR): string {
  const stack = e instanceof Error ? (e.stack ?? String(e)) : String(e);
  return stack.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const jsFile = file.startsWith('file://') ? fileURLToPath(file) : file;
    if (!jsFile.startsWith(dir + path.sep)) return frame;
    const entry = mapOf(jsFile)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
    const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(jsFile), entry.originalSource);
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
