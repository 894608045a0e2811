// The notes' block tree (shared/notes/blocks.ts) as React elements, read-only: the recap's
// notes. Text is always text (React escapes it); links are the tree's checked addresses. A block
// that stays in the room carries the label, as in the editor.
import type { ReactNode } from 'react';
import { ROOM_ONLY_LABEL, type Inline, type ListItem, type Mark, type NoteBlock } from '../../../../shared/notes/blocks.ts';
import './notes.css';

const MARK_TAG: Record<Mark, 'strong' | 'em' | 'u' | 's' | 'code'> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

function run(i: Inline, key: number): ReactNode {
  if (i.kind === 'break') return <br key={key} />;
  let node: ReactNode = i.text;
  for (const m of i.marks) {
    const Tag = MARK_TAG[m];
    node = <Tag>{node}</Tag>;
  }
  if (i.href) node = <a href={i.href} rel="noopener noreferrer nofollow" target="_blank">{node}</a>;
  return <span key={key}>{node}</span>;
}

const RoomOnlyLabel = () => <span className="room-only-label">{ROOM_ONLY_LABEL}</span>;

/** `room`: the label goes on this element (an outer block already carries it otherwise). */
const roomProps = (room: boolean) => (room ? { 'data-room-only': 'true' } : {});

function item(it: ListItem, key: number, style: 'bullet' | 'ordered' | 'tasks', offset: number, inRoom: boolean): ReactNode {
  const room = it.roomOnly && !inRoom;
  return (
    <li key={key} {...roomProps(room)}>
      {room && <RoomOnlyLabel />}
      {style === 'tasks' && (
        <span className="check" role="img" aria-label={it.checked ? 'Done' : 'Not done'}>
          {it.checked ? '☑ ' : '☐ '}
        </span>
      )}
      {blocks(it.blocks, offset, inRoom || it.roomOnly)}
    </li>
  );
}

function block(b: NoteBlock, key: number, offset: number, inRoom: boolean): ReactNode {
  const room = b.roomOnly && !inRoom;
  const label = room && <RoomOnlyLabel />;
  const within = inRoom || b.roomOnly;
  switch (b.kind) {
    case 'paragraph':
      return <p key={key} {...roomProps(room)}>{label}{b.inline.map(run)}</p>;
    case 'heading': {
      const Tag = `h${Math.min(6, b.level + offset)}` as 'h4';
      return <Tag key={key} {...roomProps(room)}>{label}{b.inline.map(run)}</Tag>;
    }
    case 'list': {
      const items = b.items.map((it, n) => item(it, n, b.style, offset, within));
      const list = b.style === 'ordered' ? <ol key={key} start={b.start}>{items}</ol> : <ul key={key} className={b.style === 'tasks' ? 'checklist' : undefined}>{items}</ul>;
      return room ? <div key={key} {...roomProps(room)}>{label}{list}</div> : list;
    }
    case 'quote':
      return <blockquote key={key} {...roomProps(room)}>{label}{blocks(b.blocks, offset, within)}</blockquote>;
    case 'code':
      return <div key={key} {...roomProps(room)}>{label}<pre><code>{b.text}</code></pre></div>;
    case 'rule':
      return <div key={key} {...roomProps(room)}>{label}<hr /></div>;
  }
}

function blocks(list: readonly NoteBlock[], offset: number, inRoom: boolean): ReactNode[] {
  return list.map((b, n) => block(b, n, offset, inRoom));
}

/** `headingOffset` is added to the notes' heading levels (they sit under the page's headings). */
export function NotesView({ blocks: tree, headingOffset = 0 }: { blocks: readonly NoteBlock[]; headingOffset?: number }) {
  return <div className="notes-view">{blocks(tree, headingOffset, false)}</div>;
}
