// A recap as a neutral document model, rendered to Markdown (markdown.ts) and PDF (pdf.ts).
// Whoever builds it has already left out what the reader may not see, and what stays in the room
// unless the reader asked for it (services/exports.ts); what is left and flagged `roomOnly` is
// shown marked "Stays in the room".
import type { NoteBlock } from '../../shared/notes/blocks.ts';

export interface RecapListItem {
  text: string;
  roomOnly: boolean;
}

export type RecapBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: RecapListItem[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** Co-edited notes as their block tree (shared/notes/). */
  | { kind: 'notes'; blocks: NoteBlock[] };

export interface RecapSection {
  heading: string;
  blocks: RecapBlock[];
  /** Sub-sections, e.g. one per agenda item. */
  sections?: RecapSection[];
}

export interface RecapDoc {
  title: string;
  subtitle: string;
  /** The reader asked for what stays in the room: the document says so at the top. */
  roomOnlyIncluded: boolean;
  sections: RecapSection[];
}

/** The notice at the top of a recap that holds what stays in the room. */
export const ROOM_ONLY_NOTICE = 'This copy holds what stays in the room; each such part is marked "Stays in the room". Keep it in the room.';

/** List items none of which stays in the room. */
export const plainItems = (texts: readonly string[]): RecapListItem[] => texts.map((text) => ({ text, roomOnly: false }));
