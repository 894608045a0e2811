import { getSchema } from '@tiptap/core';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import TaskItem from '@tiptap/extension-task-item';
import TaskList from '@tiptap/extension-task-list';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { CONFIDENTIAL_ATTR, CONFIDENTIAL_TYPES, Confidential, confidentialTarget } from './confidential.ts';

const schema = getSchema([StarterKit.configure({ undoRedo: false }), TaskList, TaskItem, Confidential]);
const p = (text: string, attrs = {}) => ({ type: 'paragraph', attrs, content: [{ type: 'text', text }] });
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    p('open talk'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p('first')] }, { type: 'listItem', attrs: { confidential: true }, content: [p('secret')] }] },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [p('call the bank')] }] },
  ],
});
/** A state with the cursor inside the first text node that contains `word`. */
function cursorIn(word: string) {
  let at = -1;
  doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text!.includes(word)) at = pos + 1;
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, at) });
}

describe('"stays in the room" flag', () => {
  it('is a `confidential` attribute, default false, on the block types the exports read', () => {
    for (const t of CONFIDENTIAL_TYPES) expect(schema.nodes[t]!.spec.attrs?.[CONFIDENTIAL_ATTR]?.default, t).toBe(false);
  });

  it('targets the paragraph outside lists, the list item inside them (so exports leave no empty bullet)', () => {
    const para = confidentialTarget(cursorIn('open'))!;
    expect(doc.nodeAt(para.pos)!.type.name).toBe('paragraph');
    const item = confidentialTarget(cursorIn('first'))!;
    expect(doc.nodeAt(item.pos)!.type.name).toBe('listItem');
    expect(item.flagged).toBe(false);
    expect(confidentialTarget(cursorIn('secret'))!.flagged).toBe(true);
    expect(doc.nodeAt(confidentialTarget(cursorIn('bank'))!.pos)!.type.name).toBe('taskItem');
  });
});
