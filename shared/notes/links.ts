// The one check a link in the notes passes before it can become a link anywhere (recap page,
// Markdown, PDF, the editor): web and mail addresses only. A javascript: or data: link would run
// in every reader's browser.

/** The address if it is an http(s) or mailto link, else null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const s = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(s) ? s : null;
}
