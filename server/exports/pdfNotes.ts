// Block tree -> PDF (pdfkit): headings, paragraphs with bold/italic/underline/strike/code and
// links (clickable, address printed after the text), bullet, numbered and task lists with
// nesting, quotes, code, rules. A block that stays in the room gets the label in front.
import type PDFDocument from 'pdfkit';
import { ROOM_ONLY_LABEL, type Inline, type ListItem, type NoteBlock } from '../../shared/notes/blocks.ts';
import { winAnsi } from './pdfText.ts';

type Doc = InstanceType<typeof PDFDocument>;

export const BODY_SIZE = 10.5;
const TEXT = '#111111';
const MUTED = '#555555';
const ROOM_ONLY_COLOR = '#9a3412';
const INDENT = 16; // one nesting level of lists and quotes
const HEADING_SIZE: Record<number, number> = { 1: 14, 2: 13, 3: 12, 4: 11.5, 5: 11, 6: 10.5 };

/** A run of text as pdfkit draws it. */
interface Part {
  text: string;
  font: string;
  size?: number;
  color?: string;
  link?: string;
  underline?: boolean;
  strike?: boolean;
}

/** Where a block goes: its left edge and width. */
interface Box {
  x: number;
  width: number;
}

const ROOM_ONLY_PART: Part = { text: `[${ROOM_ONLY_LABEL}] `, font: 'Helvetica-Bold', color: ROOM_ONLY_COLOR };

function fontFor(i: Extract<Inline, { kind: 'text' }>, bold: boolean): string {
  if (i.marks.includes('code')) return 'Courier';
  const b = bold || i.marks.includes('bold');
  const it = i.marks.includes('italic');
  return `Helvetica${b && it ? '-BoldOblique' : b ? '-Bold' : it ? '-Oblique' : ''}`;
}

function partsOf(inline: readonly Inline[], bold = false): Part[] {
  return inline.flatMap((i): Part[] => {
    if (i.kind === 'break') return [{ text: '\n', font: 'Helvetica' }];
    const part: Part = { text: i.text, font: fontFor(i, bold), underline: i.marks.includes('underline') || Boolean(i.href), strike: i.marks.includes('strike') };
    if (!i.href) return [part];
    // On paper the address must be readable too.
    const shown = i.href.replace(/^mailto:/i, '');
    return [{ ...part, link: i.href, color: '#1d4ed8' }, ...(shown === i.text.trim() ? [] : [{ text: ` (${i.href})`, font: 'Helvetica', color: MUTED }])];
  });
}

/** One line of runs (no line breaks inside: pdfkit's continued text mislays them). */
function line(doc: Doc, parts: Part[], box: Box, size: number) {
  if (parts.length === 0) {
    doc.font('Helvetica').fontSize(size).text(' ', box.x, doc.y, { width: box.width });
    return;
  }
  parts.forEach((p, n) => {
    doc.font(p.font).fontSize(p.size ?? size).fillColor(p.color ?? TEXT);
    const opts = { continued: n < parts.length - 1, link: p.link ?? null, underline: Boolean(p.underline), strike: Boolean(p.strike) };
    if (n === 0) doc.text(p.text, box.x, doc.y, { ...opts, width: box.width });
    else doc.text(p.text, opts);
  });
}

/** Draws runs as one paragraph in `box`, starting at the current y; hard breaks start new lines. */
function paragraph(doc: Doc, parts: Part[], box: Box, size = BODY_SIZE) {
  const lines: Part[][] = [[]];
  for (const p of parts) {
    winAnsi(p.text)
      .split('\n')
      .forEach((text, n) => {
        if (n > 0) lines.push([]);
        if (text) lines.at(-1)!.push({ ...p, text });
      });
  }
  lines.forEach((l) => line(doc, l, box, size));
  doc.fillColor(TEXT);
}

function item(doc: Doc, it: ListItem, marker: string, box: Box, inRoom: boolean) {
  const within = inRoom || it.roomOnly;
  const top = doc.y;
  doc.font('Helvetica').fontSize(BODY_SIZE).fillColor(TEXT).text(winAnsi(marker), box.x, top, { lineBreak: false });
  doc.y = top;
  const gap = marker.length > 2 ? INDENT + 8 : INDENT;
  const inner = { x: box.x + gap, width: box.width - gap };
  const [first, ...rest] = it.blocks;
  if (first?.kind === 'paragraph') {
    // The label sits on the item's first line, whether the item or its paragraph stays.
    const label = (it.roomOnly && !inRoom) || (first.roomOnly && !within) ? [ROOM_ONLY_PART] : [];
    paragraph(doc, [...label, ...partsOf(first.inline)], inner);
    blocks(doc, rest, inner, within);
  } else {
    if (it.roomOnly && !inRoom) paragraph(doc, [ROOM_ONLY_PART], inner);
    blocks(doc, it.blocks, inner, within);
  }
  if (doc.y === top) doc.moveDown();
}

function block(doc: Doc, b: NoteBlock, box: Box, inRoom: boolean) {
  const room = b.roomOnly && !inRoom;
  const label = room ? [ROOM_ONLY_PART] : [];
  const within = inRoom || b.roomOnly;
  switch (b.kind) {
    case 'paragraph':
      paragraph(doc, [...label, ...partsOf(b.inline)], box);
      doc.moveDown(0.25);
      break;
    case 'heading':
      doc.moveDown(0.3);
      paragraph(doc, [...label, ...partsOf(b.inline, true)], box, HEADING_SIZE[b.level]);
      doc.moveDown(0.15);
      break;
    case 'list':
      if (room) paragraph(doc, label, box);
      b.items.forEach((it, n) => item(doc, it, b.style === 'ordered' ? `${b.start + n}.` : b.style === 'tasks' ? (it.checked ? '[x]' : '[ ]') : '•', box, within));
      break;
    case 'quote': {
      if (room) paragraph(doc, label, box);
      const top = doc.y;
      const page = doc.bufferedPageRange().count;
      blocks(doc, b.blocks, { x: box.x + INDENT, width: box.width - INDENT }, within);
      // The quote's bar, when the quote did not run onto another page.
      if (doc.bufferedPageRange().count === page) doc.moveTo(box.x + 4, top).lineTo(box.x + 4, doc.y).lineWidth(2).strokeColor('#bbbbbb').stroke().lineWidth(1);
      break;
    }
    case 'code':
      if (room) paragraph(doc, label, box);
      paragraph(doc, [{ text: b.text, font: 'Courier', size: BODY_SIZE - 1 }], { x: box.x + INDENT / 2, width: box.width - INDENT / 2 });
      break;
    case 'rule': {
      if (room) paragraph(doc, label, box);
      const y = doc.y + 4;
      doc.moveTo(box.x, y).lineTo(box.x + box.width, y).strokeColor('#cccccc').stroke();
      doc.y = y + 6;
      break;
    }
  }
}

function blocks(doc: Doc, list: readonly NoteBlock[], box: Box, inRoom: boolean) {
  for (const b of list) block(doc, b, box, inRoom);
}

/** Draws the notes at the current position across the page's text width. */
export function notesToPdf(doc: Doc, notes: readonly NoteBlock[], box: Box): void {
  blocks(doc, notes, box, false);
  doc.x = box.x;
  doc.font('Helvetica').fontSize(BODY_SIZE).fillColor(TEXT);
}
