// A TipTap editor bound to a Yjs doc: shared notes (with live carets) or private notes.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import TaskItem from '@tiptap/extension-task-item';
import TaskList from '@tiptap/extension-task-list';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { NOTES_FIELD } from '../../../../shared/collab/notesMarkdown.ts';
import type { DocHandle } from '../../collab/docs.ts';
import { Confidential } from './confidential.ts';
import './notes.css';
import { NotesToolbar } from './NotesToolbar.tsx';

interface Props {
  handle: DocHandle;
  user: { name: string; color: string };
  readOnly: boolean;
  /** Show other people's carets (shared notes); private notes have nobody else. */
  carets: boolean;
  label: string;
  testId: string;
}

export function NotesEditor({ handle, user, readOnly, carets, label, testId }: Props) {
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        // Yjs keeps the history; ProseMirror's own undo would fight it.
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: ['mailto'], isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url) } }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Confidential,
        Collaboration.configure({ document: handle.doc, field: NOTES_FIELD }),
        ...(carets ? [CollaborationCaret.configure({ provider: handle.provider, user })] : []),
      ],
      editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', class: 'notes-prose' } },
    },
    [handle, readOnly, carets],
  );
  if (!editor) return null;
  return (
    <div className="notes-editor">
      {!readOnly && <NotesToolbar editor={editor} />}
      <div data-testid={testId}>
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
