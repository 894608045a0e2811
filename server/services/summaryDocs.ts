// The seam through which the meeting summary gets its co-edited content (notes per agenda item,
// the commitments list). The summary knows nothing of Yjs; the collab side provides a reader.
// yjsSummaryDocs reads the stored documents; noSummaryDocs is for callers without them.
import * as Y from 'yjs';
import { readCommitments, type Commitment } from '../../shared/collab/commitments.ts';
import { commitmentsDocName, DOC_ID_PATTERN, notesDocName } from '../../shared/collab/docNames.ts';
import { withoutRoomOnly, type NoteBlock } from '../../shared/notes/blocks.ts';
import { notesFromDoc } from '../../shared/notes/fromYjs.ts';
import { notesToText } from '../../shared/notes/text.ts';
import type { Storage } from '../storage/types.ts';

/** Who reads: people in the room (coach, members, organisers) also get "stays in the room" parts. */
export interface SummaryViewer {
  userId: string;
  inTheRoom: boolean;
}

export interface SummaryDocsReader {
  /** Notes of the given agenda items as block trees, in that order; items without notes are left out. */
  readNotes(meetingId: string, itemIds: readonly string[], viewer: SummaryViewer): Promise<{ itemId: string; blocks: NoteBlock[] }[]>;
  readCommitments(meetingId: string, viewer: SummaryViewer): Promise<Commitment[]>;
}

/** A summary without co-edited content: notes and commitments empty. */
export const noSummaryDocs: SummaryDocsReader = {
  readNotes: async () => [],
  readCommitments: async () => [],
};

/**
 * A stored Yjs document, read-only. Parts that fail to apply (a corrupt update) are skipped:
 * a summary with one paragraph missing beats no summary. The live editor (collab) is where
 * such a doc gets repaired. null when nothing is stored.
 */
export async function loadStoredDoc(storage: Storage, name: string): Promise<Y.Doc | null> {
  const { snapshot, updates } = await storage.loadDoc(name);
  const parts = snapshot ? [snapshot, ...updates] : updates;
  if (parts.length === 0) return null;
  const doc = new Y.Doc();
  for (const part of parts) {
    try {
      Y.applyUpdate(doc, part);
    } catch {
      // skipped, see above
    }
  }
  return doc;
}

/** Reads the meeting's stored notes and commitments documents. */
export function yjsSummaryDocs(storage: Storage): SummaryDocsReader {
  return {
    async readNotes(meetingId, itemIds, viewer) {
      const out: { itemId: string; blocks: NoteBlock[] }[] = [];
      for (const itemId of itemIds) {
        if (!DOC_ID_PATTERN.test(itemId)) continue;
        const doc = await loadStoredDoc(storage, notesDocName(meetingId, itemId));
        if (!doc) continue;
        const all = notesFromDoc(doc);
        doc.destroy();
        const blocks = viewer.inTheRoom ? all : withoutRoomOnly(all);
        if (notesToText(blocks).trim()) out.push({ itemId, blocks });
      }
      return out;
    },
    async readCommitments(meetingId, viewer) {
      const doc = await loadStoredDoc(storage, commitmentsDocName(meetingId));
      const all = doc ? readCommitments(doc) : [];
      doc?.destroy();
      return all.filter((c) => viewer.inTheRoom || !c.confidential);
    },
  };
}
