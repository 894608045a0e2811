/*
 * "Stays in the room": a boolean attribute `confidential` on block nodes — paragraph,
 * heading, blockquote, listItem and taskItem — stored in the Yjs XmlFragment as the element
 * attribute `confidential` (true). Exports and recaps drop such blocks for readers outside
 * the room (shared/collab/notesMarkdown.ts, RenderOptions.omitConfidential).
 * Rendered as data-confidential="true" so the editor can mark it visibly.
 */
import { Extension } from '@tiptap/core';

export const CONFIDENTIAL_TYPES = ['paragraph', 'heading', 'blockquote', 'listItem', 'taskItem'];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    confidential: {
      /** Flags or unflags the block the cursor is in. */
      toggleConfidential: () => ReturnType;
    };
  }
}

export const Confidential = Extension.create({
  name: 'confidential',
  addGlobalAttributes() {
    return [
      {
        types: CONFIDENTIAL_TYPES,
        attributes: {
          confidential: {
            default: false,
            parseHTML: (el) => el.getAttribute('data-confidential') === 'true',
            renderHTML: (attrs) => (attrs.confidential ? { 'data-confidential': 'true', title: 'Stays in the room' } : {}),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      toggleConfidential:
        () =>
        ({ state, commands }) => {
          const { $from } = state.selection;
          // The innermost block of a flaggable type around the cursor.
          for (let d = $from.depth; d > 0; d--) {
            const node = $from.node(d);
            if (CONFIDENTIAL_TYPES.includes(node.type.name)) {
              return commands.updateAttributes(node.type.name, { confidential: !node.attrs.confidential });
            }
          }
          return false;
        },
    };
  },
});

/** Whether the block at the cursor is flagged. */
export function isConfidentialAt(editor: { state: { selection: { $from: { depth: number; node(d: number): { type: { name: string }; attrs: Record<string, unknown> } } } } }): boolean {
  const { $from } = editor.state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (CONFIDENTIAL_TYPES.includes(node.type.name)) return node.attrs.confidential === true;
  }
  return false;
}
