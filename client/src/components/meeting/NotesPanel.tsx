// Notes of the meeting: shared notes per agenda item (following the current item unless the
// reader picks another), the commitments list, and private notes only their owner sees.
import { useState } from 'react';
import { commitmentsDocName, notesDocName, privateDocName } from '../../../../shared/collab/docNames.ts';
import type { MeetingState } from '../../../../shared/meeting/state.ts';
import { useCollabDoc } from '../../collab/useCollabDoc.ts';
import { allows } from '../../lib/rights.ts';
import { useStore } from '../../store/index.ts';
import { CommitmentsPanel } from '../notes/CommitmentsPanel.tsx';
import { NotesEditor } from '../notes/NotesEditor.tsx';
import { SyncStatusBadge } from '../notes/SyncStatusBadge.tsx';

const PRIVATE_LABEL = 'My private notes — only you can see these';

export function NotesPanel({ state }: { state: MeetingState }) {
  const me = useStore((s) => s.me?.user ?? null);
  const canWrite = useStore((s) => allows(s, 'notes.write'));
  const seesHotSeat = useStore((s) => allows(s, 'notes.hotSeat'));
  const members = useStore((s) => s.members);
  const [picked, setPicked] = useState<string>('current');
  const currentId = state.agenda[state.currentIndex]?.id ?? state.agenda[0]?.id ?? null;
  const itemId = picked === 'current' || !state.agenda.some((i) => i.id === picked) ? currentId : picked;
  // Observers read along; the server drops their writes anyway.
  const readOnly = !canWrite;
  const user = me ? { id: me.id, name: me.name } : null;

  // Hot-seat notes stay in the room: readers outside it get no such doc unless the group opens
  // them (shared/access docRight, 'notes.hotSeat').
  const hidden = !seesHotSeat && state.agenda.find((i) => i.id === itemId)?.kind === 'hotseat';
  const shared = useCollabDoc(itemId && !hidden ? notesDocName(state.meetingId, itemId) : null, user);
  const commitments = useCollabDoc(commitmentsDocName(state.meetingId), user);
  const mine = useCollabDoc(me ? privateDocName(state.meetingId, me.id) : null, user);
  if (!me) return null;
  const titleOf = (id: string | null) => state.agenda.find((i) => i.id === id)?.title ?? '';

  return (
    <>
      <div className="notes-head">
        <h2>Notes</h2>
        <SyncStatusBadge handles={[hidden ? mine : shared, commitments, mine]} />
      </div>
      <label className="notes-pick">
        Notes of
        <select value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="current">The current item{currentId ? ` (${titleOf(currentId)})` : ''}</option>
          {state.agenda.map((i, n) => (
            <option key={i.id} value={i.id}>
              {n + 1}. {i.title}
            </option>
          ))}
        </select>
      </label>
      {hidden && <p className="muted">The hot seat's notes stay in the room.</p>}
      {shared && <NotesEditor key={`shared-${itemId}`} handle={shared} readOnly={readOnly} shared label={`Shared notes: ${titleOf(itemId)}`} testId="notes-editor" />}

      <h3 className="notes-sub">Commitments</h3>
      {commitments && <CommitmentsPanel handle={commitments} members={members} userId={me.id} readOnly={readOnly} />}

      <h3 className="notes-sub">{PRIVATE_LABEL}</h3>
      {mine && <NotesEditor key="private" handle={mine} readOnly={false} shared={false} label={PRIVATE_LABEL} testId="private-notes-editor" />}
    </>
  );
}
