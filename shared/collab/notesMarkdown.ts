// Renders a TipTap/ProseMirror document stored in Yjs (a Y.XmlFragment) as Markdown or plain
// text, for summaries, recaps, exports and search. Blocks flagged "stays in the room"
// (attribute `confidential` true on any block node) can be left out.
import * as Y from 'yjs';

export interface RenderOptions {
  /** Leave out blocks whose `confidential` attribute is set (exports for people outside the room). */
  omitConfidential: boolean;
}

type Node = Y.XmlElement | Y.XmlText;

const isConfidential = (el: Y.XmlElement) => {
  const v = el.getAttribute('confidential') as unknown;
  return v === true || v === 'true';
};

/** Only http(s) and mailto links survive into Markdown; anything else becomes plain text. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : null;
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function inline(text: Y.XmlText, markdown: boolean): string {
  return (text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[])
    .map((op) => {
      if (typeof op.insert !== 'string') return '';
      if (!markdown) return op.insert;
      let s = escapeMd(op.insert);
      const a = op.attributes ?? {};
      if (a.code) s = '`' + op.insert.replace(/`/g, "'") + '`';
      if (a.bold) s = `**${s}**`;
      if (a.italic) s = `*${s}*`;
      if (a.strike) s = `~~${s}~~`;
      const href = safeHref((a.link as { href?: unknown } | undefined)?.href);
      if (href) s = `[${s}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
      return s;
    })
    .join('');
}

function inlineOf(el: Y.XmlElement, markdown: boolean): string {
  return el
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? inline(c, markdown) : c instanceof Y.XmlElement && c.nodeName === 'hardBreak' ? '  \n' : ''))
    .join('');
}

function blocks(nodes: Node[], opts: RenderOptions, markdown: boolean, indent: string): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      const s = inline(node, markdown);
      if (s.trim()) out.push(indent + s);
      continue;
    }
    if (opts.omitConfidential && isConfidential(node)) continue;
    const children = node.toArray() as Node[];
    switch (node.nodeName) {
      case 'paragraph':
        out.push(indent + inlineOf(node, markdown));
        break;
      case 'heading': {
        const level = Math.min(6, Math.max(1, Number(node.getAttribute('level')) || 2));
        out.push(indent + (markdown ? '#'.repeat(level) + ' ' : '') + inlineOf(node, markdown));
        break;
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        children.forEach((item, i) => {
          if (!(item instanceof Y.XmlElement)) return;
          if (opts.omitConfidential && isConfidential(item)) return;
          const checked = item.getAttribute('checked') as unknown;
          const marker =
            node.nodeName === 'orderedList' ? `${i + 1}.` : node.nodeName === 'taskList' ? (checked === true || checked === 'true' ? '- [x]' : '- [ ]') : '-';
          const inner = blocks(item.toArray() as Node[], opts, markdown, '');
          const [first = '', ...rest] = inner;
          out.push(`${indent}${markdown ? marker + ' ' : ''}${first}`);
          rest.forEach((line) => out.push(`${indent}   ${line}`));
        });
        break;
      case 'blockquote':
        blocks(children, opts, markdown, '').forEach((l) => out.push(indent + (markdown ? '> ' : '') + l));
        break;
      case 'codeBlock':
        out.push(markdown ? `${indent}\`\`\`\n${inlineOf(node, false)}\n${indent}\`\`\`` : inlineOf(node, false));
        break;
      case 'horizontalRule':
        if (markdown) out.push(indent + '---');
        break;
      default:
        out.push(...blocks(children, opts, markdown, indent));
    }
  }
  return out;
}

/** Markdown of a notes fragment; block-level nodes separated by blank lines, lists kept tight. */
export function notesToMarkdown(fragment: Y.XmlFragment, opts: RenderOptions): string {
  return blocks(fragment.toArray() as Node[], opts, true, '')
    .filter((l) => l.trim() !== '')
    .join('\n\n')
    .replace(/\n\n(\s*(?:-|\d+\.) )/g, '\n$1')
    .trim();
}

/** Plain text (search index, previews). */
export function notesToText(fragment: Y.XmlFragment, opts: RenderOptions): string {
  return blocks(fragment.toArray() as Node[], opts, false, '')
    .filter((l) => l.trim() !== '')
    .join('\n')
    .trim();
}

/** The TipTap Collaboration field our notes editor uses. */
export const NOTES_FIELD = 'notes';
