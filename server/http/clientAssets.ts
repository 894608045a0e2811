// Serves the built client: precompressed twins (brotli, gzip; written at build by
// client/vite/precompress.ts) when the browser takes them, hashed assets cached for good,
// the app shell for client-side routes, and a plain 404 for any other file (never the shell
// for /favicon.ico or a stale chunk, never a source map).
import express, { type Request, type RequestHandler, type Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** Hashed file names change with their content, so a browser may keep them forever. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unhashed public files (the favicon) may change with a release: a day is stale enough. */
const PUBLIC_FILE = 'public, max-age=86400';
/** The shell names the current hashed assets: always revalidated. */
const SHELL = 'no-cache';

const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/** The compressed twin of `file` this request accepts, if the build wrote one. */
function twinFor(req: Request, file: string): { encoding: string; file: string } | null {
  const accepted = req.acceptsEncodings(ENCODINGS.map((e) => e.name));
  const encoding = ENCODINGS.find((e) => e.name === accepted);
  if (!encoding || !fs.existsSync(file + encoding.ext)) return null;
  return { encoding: encoding.name, file: file + encoding.ext };
}

function markEncoded(res: Response, file: string, encoding: string): void {
  res.setHeader('Content-Encoding', encoding);
  res.type(path.extname(file));
}

const notFound = (req: Request, res: Response) =>
  res.status(404).json({ error: { code: 'not_found', message: `No such file: ${req.path}` } });

export function clientAssets(clientDir: string): RequestHandler {
  const root = path.resolve(clientDir);
  const assetsDir = path.join(root, 'assets') + path.sep;
  const index = path.join(root, 'index.html');
  const router = express.Router();

  // Maps stay out of the served folder at build; this refuses one copied in by hand too.
  router.get(/\.map$/, notFound);

  // Swap the request for its compressed twin before express.static looks for the file.
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.vary('Accept-Encoding');
    let file: string;
    try {
      file = path.join(root, decodeURIComponent(req.path));
    } catch {
      return notFound(req, res);
    }
    if (!file.startsWith(root + path.sep) || file.endsWith('.br') || file.endsWith('.gz')) return next();
    const twin = twinFor(req, file);
    if (!twin) return next();
    markEncoded(res, file, twin.encoding);
    req.url = req.url.replace(/(\?|$)/, `${path.extname(twin.file)}$1`);
    next();
  });

  router.use(
    express.static(root, {
      index: false,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', file.startsWith(assetsDir) ? IMMUTABLE : PUBLIC_FILE),
    }),
  );

  // A path whose last segment names a file (has a dot) and was not found above is a 404;
  // everything else (/meetings/:id, /invite/:token, ...) is a client route and gets the shell.
  router.get(/^\/(?!api\/|socket\.io\/|collab\/).*/, (req, res) => {
    if (path.posix.basename(req.path).includes('.')) return notFound(req, res);
    res.setHeader('Cache-Control', SHELL);
    const twin = twinFor(req, index);
    if (twin) markEncoded(res, index, twin.encoding);
    res.sendFile(twin?.file ?? index);
  });
  return router;
}
