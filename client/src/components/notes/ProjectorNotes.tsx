// The current item's notes, read-only and large, under the title on the projector (?notes=1).
// "Stays in the room" blocks are shown: the projector is in the room.
import { notesDocName } from '../../../../shared/collab/docNames.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useCollabDoc } from '../../collab/useCollabDoc.ts';
import { useStore } from '../../store/index.ts';
import { NotesEditor } from './NotesEditor.tsx';

export function ProjectorNotes({ state }: { state: MeetingState }) {
  const me = useStore((s) => s.me?.user ?? null);
  const item = state.agenda[state.currentIndex];
  const handle = useCollabDoc(item ? notesDocName(state.meetingId, item.id) : null, me ? { id: me.id, name: me.name } : null);
  if (!handle || !item) return null;
  return (
    <section className="projector-notes" aria-label="Notes of this item">
      <NotesEditor key={item.id} handle={handle} readOnly shared={false} label={`Notes: ${item.title}`} testId="projector-notes" />
    </section>
  );
}
