// The wall's copy of a shared file: only an image or a PDF, served as the type its bytes show
// (never the declared one), as an attachment that no browser sniffs or runs. The wall draws it
// from here: <img> for an image, the first page of a PDF into a canvas.
import { Router } from 'express';
import { wallFile } from '../../services/wallFile.ts';
import { requireUser, route, type HttpDeps } from '../context.ts';
import { attachmentDisposition } from './resources.ts';

export function wallFileRoutes({ storage }: HttpDeps): Router {
  const r = Router();
  r.get('/resources/:id/wall', route(async (req, res) => {
    const { resource, data, contentType } = await wallFile(storage, requireUser(res).id, String(req.params.id));
    res.setHeader('Content-Type', contentType);
    res.setHeader('Content-Disposition', attachmentDisposition(resource.fileName ?? 'download'));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  }));
  return r;
}
