// Downloads: a fixed file name (nothing user-made goes into a header), never cached by proxies.
import type { Response } from 'express';

export function sendAttachment(res: Response, contentType: string, filename: string, body: string | Buffer): void {
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.send(body);
}
