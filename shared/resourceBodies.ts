// The request body of sharing a resource (zod), apart from resources.ts so the meeting page,
// which lists resources and offers the share form, loads zod only when a share is submitted.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const title = z.string().trim().min(1, 'Give the resource a title').max(LIMITS.resourceTitleMax, `Titles are at most ${LIMITS.resourceTitleMax} characters`);
const url = z
  .string()
  .trim()
  .max(LIMITS.resourceUrlMax, `Links are at most ${LIMITS.resourceUrlMax} characters`)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'Must be an http(s) link');
// Path separators and control characters never come back in a download name.
const fileName = z
  .string()
  .trim()
  .min(1, 'Name the file')
  .max(LIMITS.resourceFileNameMax, `File names are at most ${LIMITS.resourceFileNameMax} characters`)
  .refine((n) => !/[\\/\p{Cc}]/u.test(n) && n !== '.' && n !== '..', 'Not a valid file name');
const contentType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'Content type must look like application/pdf')
  .max(100);
const dataBase64 = z
  .string()
  .max(Math.ceil(LIMITS.resourceFileMaxBytes / 3) * 4, `Files are at most ${LIMITS.resourceFileMaxBytes / (1024 * 1024)} MiB`)
  .regex(BASE64, 'Must be base64')
  .refine((d) => d.length > 0, 'The file is empty');

const itemId = z.string().min(1).max(64);

/**
 * A link `{itemId, title, url}` or a file `{itemId, title, fileName, contentType, dataBase64}`.
 * One object with a check rather than a zod union, so a refusal names the field at fault.
 */
export const resourceBody = z
  .object({
    itemId,
    title,
    url: url.optional(),
    fileName: fileName.optional(),
    contentType: contentType.optional(),
    dataBase64: dataBase64.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const file = b.fileName !== undefined || b.contentType !== undefined || b.dataBase64 !== undefined;
    if (b.url !== undefined && file) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Share a link or a file, not both' });
    if (b.url === undefined && !file) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Share a link (url) or a file (fileName, contentType, dataBase64)' });
    if (file) {
      for (const k of ['fileName', 'contentType', 'dataBase64'] as const) {
        if (b[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'Required for a file' });
      }
    }
  });

export type ResourceBody = z.infer<typeof resourceBody>;
