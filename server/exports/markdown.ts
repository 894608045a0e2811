// Recap -> Markdown. Table cells and list items are single-line; pipes are escaped.
import type { RecapBlock, RecapDoc, RecapSection } from './recapDoc.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function block(b: RecapBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((i) => `- ${i.replace(/\r?\n/g, ' ')}`).join('\n');
    case 'table':
      return [`| ${b.header.map(cell).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    case 'notes':
      // Demote the notes' own headings below the section heading they sit in.
      return b.markdown.replace(/^(#{1,4}) /gm, (_m, h: string) => `${h}## `);
  }
}

function section(s: RecapSection, level: number): string {
  const parts = [`${'#'.repeat(level)} ${s.heading}`, ...s.blocks.map(block)];
  for (const sub of s.sections ?? []) parts.push(section(sub, Math.min(6, level + 1)));
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

export function recapToMarkdown(doc: RecapDoc): string {
  return [`# ${doc.title}`, doc.subtitle, ...doc.sections.map((s) => section(s, 2))].join('\n\n') + '\n';
}
