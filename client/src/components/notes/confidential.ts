/*
 * "Stays in the room" — the representation, for exports and recaps:
 *   a boolean node attribute named `confidential` on the block node types
 *   paragraph, heading, blockquote, listItem, taskItem (CONFIDENTIAL_TYPES below).
 * In the Yjs doc (Y.XmlFragment 'notes', written by y-prosemirror) it is the XmlElement
 * attribute `confidential` with value true (false or absent = shareable). A flagged block drops
 * with everything inside it: exports skip it (shared/notes/fromYjs.ts flags it roomOnly; blocks.ts withoutRoomOnly).
 * In a list the toggle flags the list item (listItem / taskItem), not its inner paragraph, so an
 * export leaves no empty bullet behind. In the DOM it renders as data-confidential="true".
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

export const CONFIDENTIAL_ATTR = 'confidential';
export const CONFIDENTIAL_TYPES = ['paragraph', 'heading', 'blockquote', 'listItem', 'taskItem'];
const LIST_ITEM_TYPES = ['listItem', 'taskItem'];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    confidential: {
      /** Flags or unflags the block the cursor is in. */
      toggleConfidential: () => ReturnType;
    };
  }
}

/** The block the toggle acts on: the nearest list item around the cursor, else the innermost flaggable block. */
export function confidentialTarget(state: EditorState): { pos: number; flagged: boolean } | null {
  const { $from } = state.selection;
  let inner: { pos: number; flagged: boolean } | null = null;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    const found = { pos: $from.before(d), flagged: node.attrs[CONFIDENTIAL_ATTR] === true };
    if (LIST_ITEM_TYPES.includes(node.type.name)) return found;
    if (!inner && CONFIDENTIAL_TYPES.includes(node.type.name)) inner = found;
  }
  return inner;
}

export const Confidential = Extension.create({
  name: 'confidential',
  addGlobalAttributes() {
    return [
      {
        types: CONFIDENTIAL_TYPES,
        attributes: {
          [CONFIDENTIAL_ATTR]: {
            default: false,
            parseHTML: (el) => el.getAttribute('data-confidential') === 'true',
            renderHTML: (attrs) => (attrs[CONFIDENTIAL_ATTR] ? { 'data-confidential': 'true' } : {}),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      toggleConfidential:
        () =>
        ({ state, tr, dispatch }) => {
          const t = confidentialTarget(state);
          if (!t) return false;
          if (dispatch) tr.setNodeAttribute(t.pos, CONFIDENTIAL_ATTR, !t.flagged);
          return true;
        },
    };
  },
});

/** Whether the block the toggle would act on is flagged. */
export function isConfidentialAt(editor: { state: EditorState }): boolean {
  return confidentialTarget(editor.state)?.flagged ?? false;
}
