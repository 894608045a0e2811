// Notes of the meeting: shared notes per agenda item (following the current item unless the
// reader picks another), the commitments list, and private notes only their owner sees.
import { useState } from 'react';
import { commitmentsDocName, notesDocName, privateDocName } from '../../../../shared/collab/docNames.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { userColor } from '../../collab/docs.ts';
import { useCollabDoc } from '../../collab/useCollabDoc.ts';
import { useStore } from '../../store/index.ts';
import { CommitmentsPanel } from '../notes/CommitmentsPanel.tsx';
import { NotesEditor } from '../notes/NotesEditor.tsx';
import { SyncStatusBadge } from '../notes/SyncStatusBadge.tsx';

export function NotesPanel({ state }: { state: MeetingState }) {
  const me = useStore((s) => s.me?.user ?? null);
  const you = useStore((s) => s.you);
  const members = useStore((s) => s.members);
  const [picked, setPicked] = useState<string>('current');
  const currentId = state.agenda[state.currentIndex]?.id ?? state.agenda[0]?.id ?? null;
  const itemId = picked === 'current' || !state.agenda.some((i) => i.id === picked) ? currentId : picked;
  const readOnly = you?.role === 'observer';
  const userId = me?.id ?? null;

  const shared = useCollabDoc(itemId ? notesDocName(state.meetingId, itemId) : null, userId);
  const commitments = useCollabDoc(commitmentsDocName(state.meetingId), userId);
  const mine = useCollabDoc(userId ? privateDocName(state.meetingId, userId) : null, userId);
  if (!me || !userId) return null;
  const user = { name: me.name, color: userColor(userId) };
  const itemTitle = state.agenda.find((i) => i.id === itemId)?.title ?? '';

  return (
    <>
      <div className="notes-head">
        <h2>Notes</h2>
        <SyncStatusBadge handle={shared} />
      </div>
      <label className="notes-pick">
        Notes of
        <select value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="current">The current item{currentId ? ` (${state.agenda.find((i) => i.id === currentId)?.title ?? ''})` : ''}</option>
          {state.agenda.map((i, n) => (
            <option key={i.id} value={i.id}>
              {n + 1}. {i.title}
            </option>
          ))}
        </select>
      </label>
      {shared && <NotesEditor key={`shared-${itemId}`} handle={shared} user={user} readOnly={readOnly} carets label={`Shared notes: ${itemTitle}`} testId="notes-editor" />}

      <h3 className="notes-sub">Commitments</h3>
      {commitments && <CommitmentsPanel handle={commitments} members={members} userId={userId} readOnly={readOnly} />}

      <h3 className="notes-sub">My private notes — only you can see these</h3>
      {mine && <NotesEditor key="private" handle={mine} user={user} readOnly={false} carets={false} label="My private notes" testId="private-notes-editor" />}
    </>
  );
}
