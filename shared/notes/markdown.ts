// Block tree -> Markdown (CommonMark with GitHub's ~~strike~~ and task lists). Text is escaped so
// that what someone typed reads as typed and never turns into markup; links are the tree's
// (already checked) addresses. A block that stays in the room is labelled as such.
import { ROOM_ONLY_LABEL, type Inline, type ListItem, type Mark, type NoteBlock } from './blocks.ts';

export interface MarkdownOptions {
  /** Added to every heading level (notes sit under the export's own headings); capped at 6. */
  headingOffset?: number;
}

/** The label in front of a block that stays in the room. */
export const ROOM_ONLY_MARK = `**\\[${ROOM_ONLY_LABEL}\\]**`;

/** Backslash-escapes what Markdown (or HTML's < > &) would read as markup, so it stays literal. */
const escapeText = (s: string) => s.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');

/** At a line's start, - + = and "1." or "1)" would begin a list or an underline heading. */
const escapeLineStarts = (s: string) => s.replace(/^(\s*)([-+=])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');

/** A code span: a backtick fence longer than any run of backticks inside it. */
function codeSpan(s: string): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s.trim() === '' ? ' ' : '';
  return `${fence}${pad}${s.replace(/\n/g, ' ')}${pad}${fence}`;
}

const WRAP: Partial<Record<Mark, string>> = { bold: '**', italic: '*', strike: '~~' };

/** Link destinations go in angle brackets; <, > and line breaks inside are percent-encoded. */
const destination = (href: string) => `<${href.replace(/[<>\s\\]/g, encodeURIComponent)}>`;

function run(i: Inline): string {
  if (i.kind === 'break') return '\\\n';
  // Emphasis must hug its text: leading and trailing spaces go outside the markers.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(i.text) ?? [];
  if (!core) return i.text;
  let s = i.marks.includes('code') ? codeSpan(core) : escapeText(core);
  for (const m of i.marks) {
    const w = WRAP[m];
    if (w) s = `${w}${s}${w}`;
  }
  if (i.href) s = `[${s}](${destination(i.href)})`;
  return `${lead}${s}${trail}`;
}

const inline = (content: readonly Inline[]) => escapeLineStarts(content.map(run).join(''));

/** Someone's words as one literal line of Markdown (a commitment, a goal, a table cell). */
export const markdownText = (s: string): string => escapeLineStarts(escapeText(s.replace(/\r?\n/g, ' ')));

/** Prefixes the first line with `first` and the others with `rest`. */
const prefixed = (lines: string[], first: string, rest: string) => lines.map((l, i) => (i === 0 ? first : rest) + l);

function itemLines(item: ListItem, marker: string, outerRoomOnly: boolean, opts: MarkdownOptions): string[] {
  const room = item.roomOnly && !outerRoomOnly;
  const body = blocksLines(item.blocks, outerRoomOnly || item.roomOnly, opts, true);
  if (room) body[0] = body.length ? `${ROOM_ONLY_MARK} ${body[0]}` : ROOM_ONLY_MARK;
  if (body.length === 0) body.push('');
  // A task's [x] is part of its content: nested lines line up after '- '.
  const pad = ' '.repeat(marker.split(' ')[0]!.length + 1);
  return prefixed(body, `${marker} `, pad).map((l) => (l.trim() === '' ? '' : l));
}

function blockLines(b: NoteBlock, outerRoomOnly: boolean, opts: MarkdownOptions): string[] {
  const room = b.roomOnly && !outerRoomOnly;
  const inRoom = outerRoomOnly || b.roomOnly;
  const label = room ? `${ROOM_ONLY_MARK} ` : '';
  switch (b.kind) {
    case 'paragraph':
      return `${label}${inline(b.inline)}`.split('\n');
    case 'heading': {
      const level = Math.min(6, b.level + (opts.headingOffset ?? 0));
      // A heading is one line: a hard break inside becomes a space.
      return [`${'#'.repeat(level)} ${label}${inline(b.inline).replace(/\\\n/g, ' ')}`];
    }
    case 'list': {
      const lines = b.items.flatMap((item, n) => {
        const marker = b.style === 'ordered' ? `${b.start + n}.` : b.style === 'tasks' ? (item.checked ? '- [x]' : '- [ ]') : '-';
        return itemLines(item, marker, inRoom, opts);
      });
      return room ? [ROOM_ONLY_MARK, '', ...lines] : lines;
    }
    case 'quote': {
      const inner = blocksLines(b.blocks, inRoom, opts, false);
      return prefixed(room ? [ROOM_ONLY_MARK, '', ...inner] : inner, '> ', '> ').map((l) => l.trimEnd());
    }
    case 'code': {
      const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return [...(room ? [ROOM_ONLY_MARK, ''] : []), fence, ...b.text.split('\n'), fence];
    }
    case 'rule':
      return room ? [ROOM_ONLY_MARK, '', '---'] : ['---'];
  }
}

/** Blocks separated by blank lines; inside a list item a nested list follows without one. */
function blocksLines(blocks: readonly NoteBlock[], outerRoomOnly: boolean, opts: MarkdownOptions, inItem: boolean): string[] {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    if (i > 0 && !(inItem && b.kind === 'list')) out.push('');
    out.push(...blockLines(b, outerRoomOnly, opts));
  });
  return out;
}

/** The notes as Markdown, no trailing newline; '' for no notes. */
export function notesToMarkdown(blocks: readonly NoteBlock[], opts: MarkdownOptions = {}): string {
  return blocksLines(blocks, false, opts, false).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
