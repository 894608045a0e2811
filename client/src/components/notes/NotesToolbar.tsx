// Formatting for the notes editor. Every button has a name and says whether it is on.
import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { isConfidentialAt } from './confidential.ts';
import { normalizeLink } from './links.ts';

/** `withConfidential`: shared notes only; in private notes "stays in the room" means nothing. */
export function NotesToolbar({ editor, withConfidential }: { editor: Editor; withConfidential: boolean }) {
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
    const typed = window.prompt('Link address (https://… or mailto:…)');
    if (typed === null || !typed.trim()) return;
    const url = normalizeLink(typed);
    if (!url) return void window.alert('Only web (https://…) and email (mailto:…) links can be added.');
    chain().extendMarkRange('link').setLink({ href: url }).run();
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
  ];
  if (withConfidential) buttons.push(['Stays in the room', 'Stays in the room', on.confidential, () => chain().toggleConfidential().run()]);
  return (
    <div className="notes-toolbar" role="toolbar" aria-label="Formatting">
      {buttons.map(([label, name, active, run]) => (
        <button key={name} type="button" className={`btn btn-small${name === 'Stays in the room' ? ' btn-confidential' : ''}`} aria-label={name} aria-pressed={active} title={name} onMouseDown={(e) => e.preventDefault()} onClick={run}>
          {label}
        </button>
      ))}
    </div>
  );
}
