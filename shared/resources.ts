// The group's resource library: links and small files shared at a meeting's topics and best
// practices (procedures, forms, marketing material). Response shapes; the request schema is in
// resourceBodies.ts, so pages that only list resources do not load zod.
export type { ResourceBody } from './resourceBodies.ts';

export type ResourceKind = 'link' | 'file';

export interface Resource {
  id: string;
  groupId: string;
  /** Meeting it was shared at; null only if that meeting was deleted since. */
  meetingId: string | null;
  /** Agenda item of that meeting it was shared under. */
  itemId: string;
  title: string;
  kind: ResourceKind;
  /** http(s) link (kind 'link'), else null. */
  url: string | null;
  /** File name as uploaded, content type as declared, size in bytes (kind 'file'), else null. */
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  /** Who shared it; null if that account was deleted. */
  sharedBy: string | null;
  createdAt: string;
}

/** A library entry: the resource with who shared it and where. */
export interface LibraryResource extends Resource {
  sharedByName: string;
  meeting: { id: string; title: string; quarter: string } | null;
  /** Title of the agenda item it was shared under; null if the item was removed since. */
  itemTitle: string | null;
}

/**
 * Types a download is labelled with as uploaded; anything else is served as
 * application/octet-stream. No HTML, SVG, XML or script types: those could run in our origin
 * if a browser ever rendered them instead of saving them.
 */
export const RESOURCE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'text/plain',
  'text/csv',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** The type a stored file is served with: its declared type if allowed, else a plain download. */
export function servedContentType(declared: string | null): string {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return RESOURCE_CONTENT_TYPES.has(type) ? type : 'application/octet-stream';
}
