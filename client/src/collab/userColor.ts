// A stable colour per user for carets and caret labels. y-prosemirror and TipTap's caret only
// accept #rrggbb (anything else renders transparent), so the palette is hex. Every colour
// carries white label text at WCAG AA (>= 4.5:1) and stands out on the white editor.
export const USER_COLORS = [
  '#b91c1c', '#c2410c', '#b45309', '#15803d', '#047857', '#0f766e', '#0e7490', '#0369a1',
  '#1d4ed8', '#4338ca', '#6d28d9', '#7e22ce', '#a21caf', '#be185d', '#be123c', '#475569',
] as const;

export function userColor(userId: string): string {
  // FNV-1a: cheap and spreads similar ids (u1, u2, ...) over the palette.
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return USER_COLORS[h % USER_COLORS.length]!;
}
