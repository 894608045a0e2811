// The meeting's call (Zoom, Teams, Meet, Jitsi...): a plain link, opened in a new tab, and only
// for an https URL. The server accepts nothing else; this check keeps an old record or a
// tampered answer from ever becoming a javascript: link. Never rendered as HTML.
export function safeCallUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password ? u.href : null;
  } catch {
    return null;
  }
}

export function CallLink({ url, className = 'btn btn-primary', label = 'Join the call' }: { url: string | null | undefined; className?: string; label?: string }) {
  const href = safeCallUrl(url);
  if (!href) return null;
  return (
    <a className={`call-link ${className}`} href={href} target="_blank" rel="noopener noreferrer" data-testid="call-link" title={href}>
      {label}
    </a>
  );
}
