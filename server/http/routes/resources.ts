// The resource library: share a link or file at a meeting, list the group's library,
// download a file (always as an attachment), remove.
import express, { Router } from 'express';
import { LIMITS } from '../../../shared/limits.ts';
import { resourceBody } from '../../../shared/resourceBodies.ts';
import { servedContentType } from '../../../shared/resources.ts';
import * as resources from '../../services/resources.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { parseBody } from '../validate.ts';

/** Mounted on the upload path before the API's general JSON parser, which stops at 256 KiB. */
export const resourceUploadParser = express.json({ limit: LIMITS.resourceUploadBodyMaxBytes, strict: true });

/**
 * `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. The name was
 * validated (no control characters or slashes); quotes, backslashes and % are replaced in the
 * fallback so it can't end the quoted string.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export function resourceRoutes(deps: HttpDeps): Router {
  const { storage } = deps;
  const r = Router();
  const p = (v: unknown) => String(v);

  r.post('/meetings/:id/resources', route(async (req, res) => {
    const user = requireUser(res);
    res.status(201).json(await resources.shareResource(deps, user.id, p(req.params.id), parseBody(resourceBody, req.body)));
  }));
  r.get('/groups/:id/resources', route(async (req, res) => {
    res.json(await resources.groupLibrary(storage, requireUser(res).id, p(req.params.id)));
  }));
  r.get('/resources/:id/file', route(async (req, res) => {
    const { resource, data } = await resources.resourceFile(storage, requireUser(res).id, p(req.params.id));
    // An uploaded HTML or SVG file must never render in our origin: saved, not shown, not sniffed,
    // and sandboxed with no rights should a browser display it anyway.
    res.setHeader('Content-Type', servedContentType(resource.contentType));
    res.setHeader('Content-Disposition', attachmentDisposition(resource.fileName ?? 'download'));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }));
  r.delete('/resources/:id', route(async (req, res) => {
    await resources.deleteResource(deps, requireUser(res).id, p(req.params.id));
    res.status(204).end();
  }));
  return r;
}
