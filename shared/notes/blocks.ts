// Notes as a typed block tree: what the co-edited notes say, independent of how they are shown.
// Built once from the Yjs doc (fromYjs.ts) and rendered by small renderers: React (client),
// Markdown (markdown.ts), plain text (text.ts) and PDF (server/exports/pdfNotes.ts). Nothing is
// ever parsed back from a rendering.

/** Inline marks a run of text can carry (TipTap's StarterKit marks; links are `href`). */
export const MARKS = ['bold', 'italic', 'underline', 'strike', 'code'] as const;
export type Mark = (typeof MARKS)[number];

/** How a "stays in the room" block is labelled wherever it is shown or exported. */
export const ROOM_ONLY_LABEL = 'Stays in the room';

export type Inline =
  /** `href` is present only for links that passed safeHref (http, https, mailto). */
  | { kind: 'text'; text: string; marks: Mark[]; href?: string }
  | { kind: 'break' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type ListStyle = 'bullet' | 'ordered' | 'tasks';

export interface ListItem {
  /** Only for task lists: ticked or not. */
  checked?: boolean;
  blocks: NoteBlock[];
  roomOnly: boolean;
}

/** `roomOnly`: the block (and everything inside it) stays in the room. */
export type NoteBlock =
  | { kind: 'heading'; level: HeadingLevel; inline: Inline[]; roomOnly: boolean }
  | { kind: 'paragraph'; inline: Inline[]; roomOnly: boolean }
  | { kind: 'list'; style: ListStyle; start: number; items: ListItem[]; roomOnly: boolean }
  | { kind: 'quote'; blocks: NoteBlock[]; roomOnly: boolean }
  | { kind: 'code'; text: string; roomOnly: boolean }
  | { kind: 'rule'; roomOnly: boolean };

/** The tree without what stays in the room; a list whose items all stayed goes too. */
export function withoutRoomOnly(blocks: readonly NoteBlock[]): NoteBlock[] {
  return blocks.flatMap((b): NoteBlock[] => {
    if (b.roomOnly) return [];
    if (b.kind === 'quote') {
      const inner = withoutRoomOnly(b.blocks);
      return inner.length ? [{ ...b, blocks: inner }] : [];
    }
    if (b.kind === 'list') {
      const items = b.items.filter((i) => !i.roomOnly).map((i) => ({ ...i, blocks: withoutRoomOnly(i.blocks) }));
      return items.length ? [{ ...b, items }] : [];
    }
    return [b];
  });
}

/** Whether anything in the tree stays in the room. */
export function hasRoomOnly(blocks: readonly NoteBlock[]): boolean {
  return blocks.some((b) => b.roomOnly || (b.kind === 'quote' && hasRoomOnly(b.blocks)) || (b.kind === 'list' && b.items.some((i) => i.roomOnly || hasRoomOnly(i.blocks))));
}

/** The text of a run of inline content, marks and links dropped. */
export const inlineText = (inline: readonly Inline[]): string => inline.map((i) => (i.kind === 'break' ? '\n' : i.text)).join('');
