// The meeting's co-edited commitments (a Yjs doc), live, for views that read or add to them
// outside the notes panel: the hot seat's commitments stage, the closing read-back, the wall.
import { useEffect, useState } from 'react';
import { commitmentsDocName } from '../../../../shared/collab/docNames.ts';
import { readCommitments, type Commitment } from '../../../../shared/collab/commitments.ts';
import type { DocHandle } from '../../collab/docs.ts';
import { useCollabDoc } from '../../collab/useCollabDoc.ts';
import { useStore } from '../../store/index.ts';

export function useCommitmentList(meetingId: string): { handle: DocHandle | null; items: Commitment[] } {
  const me = useStore((s) => s.me?.user ?? null);
  const handle = useCollabDoc(commitmentsDocName(meetingId), me ? { id: me.id, name: me.name } : null);
  const [items, setItems] = useState<Commitment[]>([]);
  useEffect(() => {
    if (!handle) return;
    const update = () => setItems(readCommitments(handle.doc));
    update();
    handle.doc.on('update', update);
    return () => handle.doc.off('update', update);
  }, [handle]);
  return { handle, items: handle ? items : [] };
}
