// Block tree -> plain text: one line per block, for the search index and previews.
import { inlineText, type NoteBlock } from './blocks.ts';

function lines(blocks: readonly NoteBlock[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.kind) {
      case 'paragraph':
      case 'heading':
        return [inlineText(b.inline)];
      case 'code':
        return [b.text];
      case 'quote':
        return lines(b.blocks);
      case 'list':
        return b.items.flatMap((i) => lines(i.blocks));
      case 'rule':
        return [];
    }
  });
}

/** The notes' words, blank lines dropped; '' when the notes say nothing. */
export const notesToText = (blocks: readonly NoteBlock[]): string =>
  lines(blocks)
    .filter((l) => l.trim() !== '')
    .join('\n');
