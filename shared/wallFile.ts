// A shared file the facilitator shows on the wall: only an image (PNG, JPEG, WebP, GIF) or a
// PDF, recognised by its first bytes on the server, never by the type or name it was uploaded
// with. HTML, SVG, XML and anything unknown are refused: they could carry script.

/** How the wall renders a file: an <img>, or the first page of a PDF drawn into a canvas. */
export type WallMedia = 'image' | 'pdf';

/** Types the wall serves a file as, each recognised by its magic bytes. */
export type WallContentType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf';

/** What the meeting state records while a file is on the wall (set by the server from storage). */
export interface ShownFile {
  resourceId: string;
  /** The agenda item (topics) it was shown at; leaving the item takes it off the wall. */
  itemId: string;
  title: string;
  media: WallMedia;
}

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/**
 * The file's real type from its first bytes, or null when it is none the wall shows. A PDF must
 * start with %PDF- (readers accept junk before it; we don't, so a polyglot HTML/PDF is refused).
 */
export function sniffWallType(bytes: Uint8Array): WallContentType | null {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 6 && (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a'))) return 'image/gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (bytes.length >= 5 && ascii(bytes, 0, '%PDF-')) return 'application/pdf';
  return null;
}

export const wallMediaOf = (type: WallContentType): WallMedia => (type === 'application/pdf' ? 'pdf' : 'image');

/** What a refused file looks like, for the message that says why it can't be shown. */
export function describeUnshowable(bytes: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'an SVG drawing';
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body|script|iframe|div|p)\b/.test(head)) return 'an HTML page';
  if (head.startsWith('<?xml')) return 'an XML document';
  return 'not an image or a PDF';
}

/** The sentence shown (and sent as the error's message) when a file cannot go on the wall. */
export const unshowableMessage = (what: string) =>
  `This file is ${what}: only PNG, JPEG, WebP and GIF images and PDFs can be shown on the wall (it can still be downloaded).`;

/**
 * A guess from the declared type or the name, for the console's list before asking the server
 * (which sniffs the bytes and has the last word).
 */
export function looksShowable(r: { kind: string; contentType: string | null; fileName: string | null }): boolean {
  if (r.kind !== 'file') return false;
  const type = (r.contentType ?? '').toLowerCase();
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'].includes(type)) return true;
  return /\.(png|jpe?g|gif|webp|pdf)$/i.test(r.fileName ?? '');
}
