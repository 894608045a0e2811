// Recap exports (Markdown, PDF): the reader's summary, plus their own private notes only.
import { privateDocName } from '../../shared/collab/docNames.ts';
import { NOTES_FIELD, notesToMarkdown } from '../../shared/collab/notesMarkdown.ts';
import { summaryToRecap } from '../exports/fromSummary.ts';
import { recapToMarkdown } from '../exports/markdown.ts';
import type { RecapDoc } from '../exports/recapDoc.ts';
import type { Storage } from '../storage/types.ts';
import { meetingSummary } from './summary.ts';
import { loadStoredDoc } from './summaryDocs.ts';

async function privateNotes(storage: Storage, meetingId: string, userId: string): Promise<string | null> {
  const doc = await loadStoredDoc(storage, privateDocName(meetingId, userId));
  if (!doc) return null;
  const md = notesToMarkdown(doc.getXmlFragment(NOTES_FIELD), { omitConfidential: false });
  doc.destroy();
  return md || null;
}

async function recap(storage: Storage, userId: string, meetingId: string): Promise<RecapDoc> {
  const summary = await meetingSummary(storage, userId, meetingId);
  const members = await storage.listMembers(summary.group.id);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return summaryToRecap(summary, await privateNotes(storage, meetingId, userId), names);
}

export async function recapMarkdown(storage: Storage, userId: string, meetingId: string): Promise<string> {
  return recapToMarkdown(await recap(storage, userId, meetingId));
}

export async function recapPdf(storage: Storage, userId: string, meetingId: string): Promise<Buffer> {
  // pdfkit (about 28 MB resident with its fonts) loads with the first PDF, not at start-up.
  const { recapToPdf } = await import('../exports/pdf.ts');
  return recapToPdf(await recap(storage, userId, meetingId));
}
