// The Yjs notes doc (a Y.XmlFragment written by TipTap through y-prosemirror) as a block tree.
// Node names and attributes are ProseMirror's: paragraph, heading{level}, bulletList,
// orderedList{start}, taskList, listItem, taskItem{checked}, blockquote, codeBlock,
// horizontalRule, hardBreak; marks are text attributes (bold, italic, underline, strike, code,
// link{href}). The "stays in the room" flag is the node attribute `confidential`
// (client/src/components/notes/confidential.ts). Unknown nodes keep their content.
import * as Y from 'yjs';
import { MARKS, type HeadingLevel, type Inline, type ListItem, type ListStyle, type Mark, type NoteBlock } from './blocks.ts';
import { safeHref } from './links.ts';

/** The TipTap Collaboration field our notes editor uses. */
export const NOTES_FIELD = 'notes';

/**
 * Nesting deeper than this (quotes and lists inside each other) is flattened into paragraphs:
 * far beyond what anyone types, and it keeps every renderer's recursion bounded against a
 * hostile doc written with a stock provider.
 */
export const MAX_NOTE_DEPTH = 24;

type Node = Y.XmlElement | Y.XmlText;
type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

const flag = (v: unknown) => v === true || v === 'true';
const roomOnly = (el: Y.XmlElement) => flag(el.getAttribute('confidential'));
/** Whether a node of the notes fragment (and everything inside it) stays in the room. */
export const isRoomOnlyNode = roomOnly;

function runs(text: Y.XmlText): Inline[] {
  return (text.toDelta() as Delta).flatMap((op): Inline[] => {
    if (typeof op.insert !== 'string' || op.insert === '') return [];
    const a = op.attributes ?? {};
    const marks = MARKS.filter((m): m is Mark => a[m] !== undefined && a[m] !== null && a[m] !== false);
    const href = safeHref((a.link as { href?: unknown } | undefined)?.href);
    return [href ? { kind: 'text', text: op.insert, marks, href } : { kind: 'text', text: op.insert, marks }];
  });
}

function inlineOf(el: Y.XmlElement | Y.XmlFragment): Inline[] {
  return (el.toArray() as Node[]).flatMap((c): Inline[] => {
    if (c instanceof Y.XmlText) return runs(c);
    if (c.nodeName === 'hardBreak') return [{ kind: 'break' }];
    return inlineOf(c);
  });
}

/** Everything under a node as one paragraph: the fallback past MAX_NOTE_DEPTH. */
function flattened(el: Y.XmlElement): NoteBlock {
  const inline: Inline[] = [];
  const walk = (n: Node) => {
    if (n instanceof Y.XmlText) inline.push(...runs(n));
    else if (n.nodeName === 'hardBreak') inline.push({ kind: 'break' });
    else n.toArray().forEach((c) => walk(c as Node));
  };
  walk(el);
  return { kind: 'paragraph', inline, roomOnly: roomOnly(el) };
}

function headingLevel(v: unknown): HeadingLevel {
  const n = Math.round(Number(v));
  return (n >= 1 && n <= 6 ? n : 2) as HeadingLevel;
}

function listStart(v: unknown): number {
  const n = Math.round(Number(v));
  return Number.isFinite(n) && n >= 0 && n < 1e9 ? n : 1;
}

const LISTS: Record<string, ListStyle> = { bulletList: 'bullet', orderedList: 'ordered', taskList: 'tasks' };

function item(el: Y.XmlElement, style: ListStyle, depth: number): ListItem {
  const out: ListItem = { blocks: blocksOf(el.toArray() as Node[], depth + 1), roomOnly: roomOnly(el) };
  if (style === 'tasks') out.checked = flag(el.getAttribute('checked'));
  return out;
}

function block(el: Y.XmlElement, depth: number): NoteBlock[] {
  if (depth > MAX_NOTE_DEPTH) return [flattened(el)];
  const room = roomOnly(el);
  const style = LISTS[el.nodeName];
  if (style) {
    const items = (el.toArray() as Node[]).filter((c): c is Y.XmlElement => c instanceof Y.XmlElement).map((c) => item(c, style, depth));
    return [{ kind: 'list', style, start: style === 'ordered' ? listStart(el.getAttribute('start')) : 1, items, roomOnly: room }];
  }
  switch (el.nodeName) {
    case 'paragraph':
      return [{ kind: 'paragraph', inline: inlineOf(el), roomOnly: room }];
    case 'heading':
      return [{ kind: 'heading', level: headingLevel(el.getAttribute('level')), inline: inlineOf(el), roomOnly: room }];
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocksOf(el.toArray() as Node[], depth + 1), roomOnly: room }];
    case 'codeBlock':
      // Marks mean nothing in code: its text only.
      return [{ kind: 'code', text: inlineOf(el).map((i) => (i.kind === 'text' ? i.text : '\n')).join(''), roomOnly: room }];
    case 'horizontalRule':
      return [{ kind: 'rule', roomOnly: room }];
    default: {
      // A node we do not know (a future extension): keep what it says, flagged as it is.
      const inner = blocksOf(el.toArray() as Node[], depth + 1);
      return room ? inner.map((b) => ({ ...b, roomOnly: true })) : inner;
    }
  }
}

function blocksOf(nodes: Node[], depth: number): NoteBlock[] {
  return nodes.flatMap((n): NoteBlock[] => {
    if (n instanceof Y.XmlText) {
      const inline = runs(n);
      return inline.length ? [{ kind: 'paragraph', inline, roomOnly: false }] : [];
    }
    return block(n, depth);
  });
}

/** The notes of a fragment as a block tree, room-only blocks included and flagged. */
export function notesFromFragment(fragment: Y.XmlFragment): NoteBlock[] {
  return blocksOf(fragment.toArray() as Node[], 0);
}

/** The notes of a doc (its NOTES_FIELD fragment). */
export const notesFromDoc = (doc: Y.Doc): NoteBlock[] => notesFromFragment(doc.getXmlFragment(NOTES_FIELD));
