// Links typed into the notes: only web and mail links, by the notes' one link check
// (shared/notes/links.ts). A javascript: or data: link in shared notes would run in every
// reader's browser.
import { safeHref } from '../../../../shared/notes/links.ts';

/** The link to store for what the user typed, or null when it is not an http(s)/mailto link. */
export function normalizeLink(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return safeHref(s);
  // No scheme ("example.com/price-list"): a web address.
  return /^[^\s/]+\.[^\s]+$/.test(s) ? `https://${s}` : null;
}

/** Whether an address may stay a link (TipTap's isAllowedUri: pasted and auto-linked text too). */
export const isAllowedLink = (url: string): boolean => safeHref(url) !== null;
