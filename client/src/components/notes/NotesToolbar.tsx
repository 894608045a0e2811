// Formatting for the notes editor. Every button has a name and says whether it is on.
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { isConfidentialAt } from './confidential.ts';

/** Only web and mail links: a javascript: or data: link in shared notes would be an attack. */
export function normalizeLink(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  if (/^(https?:\/\/|mailto:)/i.test(s)) return s;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return null;
  return `https://${s}`;
}

export function NotesToolbar({ editor }: { editor: Editor }) {
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      task: e.isActive('taskList'),
      link: e.isActive('link'),
      confidential: isConfidentialAt(e),
    }),
  });
  const chain = () => editor.chain().focus();
  const link = () => {
    if (on.link) return void chain().unsetLink().run();
    const url = normalizeLink(window.prompt('Link address (https://… or mailto:…)') ?? '');
    if (url) chain().extendMarkRange('link').setLink({ href: url }).run();
  };
  const buttons: [string, string, boolean, () => void][] = [
    ['H2', 'Heading', on.h2, () => chain().toggleHeading({ level: 2 }).run()],
    ['H3', 'Subheading', on.h3, () => chain().toggleHeading({ level: 3 }).run()],
    ['B', 'Bold', on.bold, () => chain().toggleBold().run()],
    ['I', 'Italic', on.italic, () => chain().toggleItalic().run()],
    ['•', 'Bulleted list', on.bullet, () => chain().toggleBulletList().run()],
    ['1.', 'Numbered list', on.ordered, () => chain().toggleOrderedList().run()],
    ['☑', 'Checklist', on.task, () => chain().toggleTaskList().run()],
    ['Link', on.link ? 'Remove link' : 'Add link', on.link, link],
    ['Room only', 'Room only (stays in the room)', on.confidential, () => chain().toggleConfidential().run()],
  ];
  return (
    <div className="notes-toolbar" role="toolbar" aria-label="Formatting">
      {buttons.map(([label, name, active, run]) => (
        <button key={name} type="button" className="btn btn-small" aria-label={name} aria-pressed={active} title={name} onMouseDown={(e) => e.preventDefault()} onClick={run}>
          {label}
        </button>
      ))}
    </div>
  );
}
