// Recap exports (Markdown, PDF): the reader's summary, plus their own private notes only.
// What stays in the room is left out of every export by default, whoever asks; someone who may
// see it can ask for it in their own download (`includeRoomOnly`), and then gets it marked.
import { privateDocName } from '../../shared/collab/docNames.ts';
import { DomainError } from '../../shared/errors.ts';
import { withoutRoomOnly, type NoteBlock } from '../../shared/notes/blocks.ts';
import { notesFromDoc } from '../../shared/notes/fromYjs.ts';
import { notesToText } from '../../shared/notes/text.ts';
import type { MeetingSummary } from '../../shared/records.ts';
import { summaryToRecap } from '../exports/fromSummary.ts';
import { recapToMarkdown } from '../exports/markdown.ts';
import type { RecapDoc } from '../exports/recapDoc.ts';
import type { Storage } from '../storage/types.ts';
import { authorizeMeeting } from './meetings.ts';
import { meetingSummary, seesRoomOnly } from './summary.ts';
import { loadStoredDoc } from './summaryDocs.ts';

export interface RecapExportOptions {
  /** The reader asks for what stays in the room (forbidden to those who may not see it). */
  includeRoomOnly: boolean;
}

async function privateNotes(storage: Storage, meetingId: string, userId: string): Promise<NoteBlock[] | null> {
  const doc = await loadStoredDoc(storage, privateDocName(meetingId, userId));
  if (!doc) return null;
  const blocks = notesFromDoc(doc);
  doc.destroy();
  return blocks;
}

/** The summary without anything that stays in the room; items whose notes were all room-only go. */
function leaveRoomOnlyOut(s: MeetingSummary): MeetingSummary {
  const notes = s.notes.map((n) => ({ ...n, blocks: withoutRoomOnly(n.blocks) })).filter((n) => notesToText(n.blocks).trim() !== '');
  return { ...s, notes, commitments: s.commitments.filter((c) => !c.confidential) };
}

async function recap(storage: Storage, userId: string, meetingId: string, { includeRoomOnly }: RecapExportOptions): Promise<RecapDoc> {
  if (includeRoomOnly) {
    const { access, group } = await authorizeMeeting(storage, userId, meetingId, 'meeting.read');
    if (!seesRoomOnly(access, group)) throw new DomainError('forbidden', 'What stays in the room is only for the people in the room');
  }
  const summary = await meetingSummary(storage, userId, meetingId);
  const members = await storage.listMembers(summary.group.id);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const mine = await privateNotes(storage, meetingId, userId);
  if (includeRoomOnly) return summaryToRecap(summary, mine, names, true);
  return summaryToRecap(leaveRoomOnlyOut(summary), mine && withoutRoomOnly(mine), names, false);
}

export async function recapMarkdown(storage: Storage, userId: string, meetingId: string, opts: RecapExportOptions): Promise<string> {
  return recapToMarkdown(await recap(storage, userId, meetingId, opts));
}

export async function recapPdf(storage: Storage, userId: string, meetingId: string, opts: RecapExportOptions): Promise<Buffer> {
  // pdfkit (about 28 MB resident with its fonts) loads with the first PDF, not at start-up.
  const { recapToPdf } = await import('../exports/pdf.ts');
  return recapToPdf(await recap(storage, userId, meetingId, opts));
}
