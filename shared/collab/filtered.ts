// What an observer outside the room receives of a collaborative doc ('read-filtered' in
// shared/access): a copy without anything that stays in the room. A doc is read as a list of
// top-level entries (notes: the blocks of the `notes` fragment; commitments: the commitments);
// each entry that may leave the room becomes a fresh, unintegrated Yjs value with its room-only
// parts removed, plus a key that changes exactly when that copy would. Anything this file does
// not know (other fields, hooks, embeds) is not copied: deny by default.
import * as Y from 'yjs';
import { COMMITMENTS_FIELD } from './commitments.ts';
import type { DocKind } from './docNames.ts';
import { isRoomOnlyNode, MAX_NOTE_DEPTH, NOTES_FIELD } from '../notes/fromYjs.ts';

/** The array in a filtered view naming its build: one id per build (server/collab/filteredView.ts). */
export const VIEW_EPOCH_FIELD = 'viewEpoch';

export interface FilteredEntry {
  key: string;
  build(): Y.XmlElement | Y.XmlText | Y.Map<unknown>;
}

type XmlNode = Y.XmlElement | Y.XmlText;

/**
 * Joins parts into one key, each prefixed with its length: unambiguous, and a parent's key holds
 * its children's keys as they are (JSON-quoting them again would double the escapes per level).
 */
const joinKey = (parts: string[]): string => parts.map((p) => `${p.length}:${p}`).join('');

function sortedAttrs(el: Y.XmlElement): [string, unknown][] {
  return Object.entries(el.getAttributes() as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The copy of a notes node without room-only descendants; null when it stays in the room. */
function noteEntry(node: unknown, depth: number): FilteredEntry | null {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as { insert: unknown; attributes?: object }[];
    const text = delta.filter((op) => typeof op.insert === 'string');
    return {
      key: 'T' + JSON.stringify(text),
      build: () => {
        const t = new Y.XmlText();
        t.applyDelta(text);
        return t;
      },
    };
  }
  if (!(node instanceof Y.XmlElement) || isRoomOnlyNode(node) || depth > MAX_NOTE_DEPTH) return null;
  const attrs = sortedAttrs(node);
  const children = (node.toArray() as unknown[]).map((c) => noteEntry(c, depth + 1)).filter((c): c is FilteredEntry => c !== null);
  return {
    key: 'E' + joinKey([node.nodeName, JSON.stringify(attrs), ...children.map((c) => c.key)]),
    build: () => {
      const el = new Y.XmlElement(node.nodeName);
      for (const [k, v] of attrs) el.setAttribute(k, v as string);
      el.insert(0, children.map((c) => c.build() as XmlNode));
      return el;
    },
  };
}

const PRIMITIVE = new Set(['string', 'number', 'boolean']);

function commitmentEntry(m: unknown): FilteredEntry | null {
  if (!(m instanceof Y.Map) || m.get('confidential') === true) return null;
  const fields = [...m.entries()].filter(([, v]) => PRIMITIVE.has(typeof v)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    key: JSON.stringify(fields),
    build: () => {
      const copy = new Y.Map<unknown>();
      for (const [k, v] of fields) copy.set(k, v);
      return copy;
    },
  };
}

/** The shared type a filtered copy holds for a doc kind; null: nothing (private docs are never filtered). */
export function filteredField(kind: DocKind): { name: string; type: 'xml' | 'array' } | null {
  if (kind === 'notes') return { name: NOTES_FIELD, type: 'xml' };
  if (kind === 'commitments') return { name: COMMITMENTS_FIELD, type: 'array' };
  return null;
}

/** The entries of `doc` an observer outside the room may receive, in order. */
export function filteredEntries(doc: Y.Doc, kind: DocKind): FilteredEntry[] {
  const field = filteredField(kind);
  if (!field) return [];
  if (field.type === 'xml') {
    return (doc.getXmlFragment(field.name).toArray() as unknown[]).map((n) => noteEntry(n, 0)).filter((e): e is FilteredEntry => e !== null);
  }
  return doc
    .getArray<unknown>(field.name)
    .toArray()
    .map(commitmentEntry)
    .filter((e): e is FilteredEntry => e !== null);
}
