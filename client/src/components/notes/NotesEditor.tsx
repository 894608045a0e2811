// A TipTap editor bound to a Yjs doc: shared notes (with live carets) or private notes.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import TaskItem from '@tiptap/extension-task-item';
import TaskList from '@tiptap/extension-task-list';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { NOTES_FIELD } from '../../../../shared/notes/fromYjs.ts';
import type { DocHandle } from '../../collab/docs.ts';
import { Confidential } from './confidential.ts';
import { isAllowedLink } from './links.ts';
import './notes.css';
import { NotesToolbar } from './NotesToolbar.tsx';

interface Props {
  handle: DocHandle;
  readOnly: boolean;
  /** Shared notes: other people's carets and the "stays in the room" flag. Private notes have neither. */
  shared: boolean;
  label: string;
  testId: string;
}

/** Someone else's caret: a coloured bar with their name. Spans only (the default puts a div in a span). */
function renderCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

export function NotesEditor({ handle, readOnly, shared, label, testId }: Props) {
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        // Yjs keeps the history; ProseMirror's own undo would fight it.
        StarterKit.configure({
          undoRedo: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: 'https', protocols: ['mailto'], isAllowedUri: (url) => isAllowedLink(url) },
        }),
        TaskList,
        TaskItem.configure({ nested: true }),
        Confidential,
        Collaboration.configure({ document: handle.doc, field: NOTES_FIELD }),
        ...(shared ? [CollaborationCaret.configure({ provider: handle.provider, user: handle.user, render: renderCaret })] : []),
      ],
      editorProps: { attributes: { 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': String(readOnly), class: 'notes-prose' } },
    },
    [handle, readOnly, shared],
  );
  if (!editor) return null;
  return (
    <div className="notes-editor">
      {!readOnly && <NotesToolbar editor={editor} withConfidential={shared} />}
      {/* The test hook sits on the ProseMirror element's parent. */}
      <EditorContent editor={editor} data-testid={testId} />
    </div>
  );
}
