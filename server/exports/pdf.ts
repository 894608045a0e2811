// Recap -> PDF with pdfkit: A4, readable type, headings, lists, simple tables, page numbers.
import PDFDocument from 'pdfkit';
import { ROOM_ONLY_LABEL } from '../../shared/notes/blocks.ts';
import { BODY_SIZE as BODY, notesToPdf } from './pdfNotes.ts';
import { winAnsi } from './pdfText.ts';
import { ROOM_ONLY_NOTICE, type RecapBlock, type RecapDoc, type RecapSection } from './recapDoc.ts';

const MARGIN = 56; // ~2 cm: room to hole-punch and to write in the margin

type Doc = InstanceType<typeof PDFDocument>;

function table(doc: Doc, header: string[], rows: string[][]) {
  const width = doc.page.width - 2 * MARGIN;
  const col = width / Math.max(1, header.length);
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY - 1);
    const heights = cells.map((c) => doc.heightOfString(winAnsi(c), { width: col - 6 }));
    const h = Math.max(...heights, 10) + 4;
    if (y + h > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    cells.forEach((c, i) => doc.text(winAnsi(c), MARGIN + i * col, top + 2, { width: col - 6 }));
    doc.moveTo(MARGIN, top + h).lineTo(MARGIN + width, top + h).strokeColor('#cccccc').stroke();
    doc.x = MARGIN;
    doc.y = top + h + 2;
  };
  row(header, true);
  rows.forEach((r) => row(r, false));
  doc.font('Helvetica').fontSize(BODY);
}

function block(doc: Doc, b: RecapBlock) {
  doc.font('Helvetica').fontSize(BODY);
  switch (b.kind) {
    case 'paragraph':
      doc.text(winAnsi(b.text));
      break;
    case 'list':
      b.items.forEach((i) => {
        if (i.roomOnly) doc.font('Helvetica-Bold').fillColor('#9a3412').text(`• [${ROOM_ONLY_LABEL}] `, { indent: 12, continued: true }).font('Helvetica').fillColor('#111111').text(winAnsi(i.text));
        else doc.text(`• ${winAnsi(i.text)}`, { indent: 12 });
      });
      break;
    case 'table':
      table(doc, b.header, b.rows);
      break;
    case 'notes':
      notesToPdf(doc, b.blocks, { x: MARGIN, width: doc.page.width - 2 * MARGIN });
      break;
  }
  doc.moveDown(0.5);
}

function section(doc: Doc, s: RecapSection, level: number) {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(level === 1 ? 15 : 12.5).fillColor('#111111').text(winAnsi(s.heading));
  doc.moveDown(0.3);
  s.blocks.forEach((b) => block(doc, b));
  (s.sections ?? []).forEach((sub) => section(doc, sub, level + 1));
}

export function recapToPdf(recap: RecapDoc): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: recap.title, Creator: 'Peerboard' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(20).text(winAnsi(recap.title));
  doc.font('Helvetica').fontSize(BODY + 1).fillColor('#444444').text(winAnsi(recap.subtitle)).fillColor('#111111');
  if (recap.roomOnlyIncluded) doc.moveDown(0.4).font('Helvetica-Bold').fontSize(BODY).fillColor('#9a3412').text(ROOM_ONLY_NOTICE).fillColor('#111111');
  recap.sections.forEach((s) => section(doc, s, 1));
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('Helvetica').fontSize(8).fillColor('#666666');
    // The footer sits in the bottom margin: without lifting it pdfkit would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`${winAnsi(recap.title)} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
