// Recap -> Markdown. Every text from people is escaped so it reads as typed; table cells and list
// items are single-line; notes come from their block tree (shared/notes/markdown.ts).
import { markdownText, notesToMarkdown, ROOM_ONLY_MARK } from '../../shared/notes/markdown.ts';
import { ROOM_ONLY_NOTICE, type RecapBlock, type RecapDoc, type RecapSection } from './recapDoc.ts';

function block(b: RecapBlock, level: number): string {
  switch (b.kind) {
    case 'paragraph':
      return markdownText(b.text);
    case 'list':
      return b.items.map((i) => `- ${i.roomOnly ? `${ROOM_ONLY_MARK} ` : ''}${markdownText(i.text)}`).join('\n');
    case 'table':
      return [`| ${b.header.map(markdownText).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(markdownText).join(' | ')} |`)].join('\n');
    case 'notes':
      // The notes' own headings sit below the section heading they are in.
      return notesToMarkdown(b.blocks, { headingOffset: level });
  }
}

function section(s: RecapSection, level: number): string {
  const parts = [`${'#'.repeat(level)} ${markdownText(s.heading)}`, ...s.blocks.map((b) => block(b, level))];
  for (const sub of s.sections ?? []) parts.push(section(sub, Math.min(6, level + 1)));
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

export function recapToMarkdown(doc: RecapDoc): string {
  const head = [`# ${markdownText(doc.title)}`, markdownText(doc.subtitle), ...(doc.roomOnlyIncluded ? [`> **${markdownText(ROOM_ONLY_NOTICE)}**`] : [])];
  return [...head, ...doc.sections.map((s) => section(s, 2))].join('\n\n') + '\n';
}
