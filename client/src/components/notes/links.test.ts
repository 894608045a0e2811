import { describe, expect, it } from 'vitest';
import { isAllowedLink, normalizeLink } from './links.ts';

describe('normalizeLink', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    [' http://intranet.local/x ', 'http://intranet.local/x'],
    ['mailto:anna@example.com', 'mailto:anna@example.com'],
    ['example.com/prices', 'https://example.com/prices'],
  ])('accepts %j', (input, out) => expect(normalizeLink(input)).toBe(out));

  it.each(['', '   ', 'javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'ftp://example.com', 'https:evil', 'not a link'])(
    'refuses %j',
    (input) => expect(normalizeLink(input)).toBeNull(),
  );

  it('allows only http(s) and mailto in stored links', () => {
    expect(isAllowedLink('https://a.b')).toBe(true);
    expect(isAllowedLink('mailto:x@y.z')).toBe(true);
    expect(isAllowedLink('javascript:alert(1)')).toBe(false);
  });
});
