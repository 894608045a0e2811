// A recap as a neutral document model, rendered to Markdown (markdown.ts) and PDF (pdf.ts).
// Whoever builds it has already left out what the reader may not see.

export type RecapBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  /** Co-edited notes already rendered to Markdown (shared/collab/notesMarkdown.ts). */
  | { kind: 'notes'; markdown: string };

export interface RecapSection {
  heading: string;
  blocks: RecapBlock[];
  /** Sub-sections, e.g. one per agenda item. */
  sections?: RecapSection[];
}

export interface RecapDoc {
  title: string;
  subtitle: string;
  sections: RecapSection[];
}
