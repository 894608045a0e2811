// Recap -> PDF with pdfkit: A4, readable type, headings, lists, simple tables, page numbers.
import PDFDocument from 'pdfkit';
import type { RecapBlock, RecapDoc, RecapSection } from './recapDoc.ts';

const MARGIN = 56; // ~2 cm: room to hole-punch and to write in the margin
const BODY = 10.5;

type Doc = InstanceType<typeof PDFDocument>;

/** Markdown-ish notes lines to PDF text: headings bold, list markers as bullets, escapes removed. */
function notes(doc: Doc, markdown: string) {
  for (const raw of markdown.split('\n')) {
    const line = raw.replace(/\\([\\`*_[\]<>#|])/g, '$1');
    if (!line.trim()) continue;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(BODY + 1).text(heading[2]!.replace(/\*\*/g, ''));
      doc.font('Helvetica').fontSize(BODY);
      continue;
    }
    const item = /^(\s*)(- \[x\]|- \[ \]|-|\d+\.) (.*)$/.exec(line);
    const text = (item ? item[3]! : line).replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(.+?)\*/g, '$1').replace(/\[(.+?)\]\((.+?)\)/g, '$1 ($2)');
    if (item) {
      const marker = item[2] === '- [x]' ? '[x]' : item[2] === '- [ ]' ? '[ ]' : item[2] === '-' ? '•' : item[2]!;
      doc.text(`${marker} ${text}`, { indent: 12 + item[1]!.length * 4 });
    } else {
      doc.text(text);
    }
  }
}

function table(doc: Doc, header: string[], rows: string[][]) {
  const width = doc.page.width - 2 * MARGIN;
  const col = width / Math.max(1, header.length);
  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(BODY - 1);
    const heights = cells.map((c) => doc.heightOfString(c, { width: col - 6 }));
    const h = Math.max(...heights, 10) + 4;
    if (y + h > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    cells.forEach((c, i) => doc.text(c, MARGIN + i * col, top + 2, { width: col - 6 }));
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
      doc.text(b.text);
      break;
    case 'list':
      b.items.forEach((i) => doc.text(`• ${i}`, { indent: 12 }));
      break;
    case 'table':
      table(doc, b.header, b.rows);
      break;
    case 'notes':
      notes(doc, b.markdown);
      break;
  }
  doc.moveDown(0.5);
}

function section(doc: Doc, s: RecapSection, level: number) {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(level === 1 ? 15 : 12.5).fillColor('#111111').text(s.heading);
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
  doc.font('Helvetica-Bold').fontSize(20).text(recap.title);
  doc.font('Helvetica').fontSize(BODY + 1).fillColor('#444444').text(recap.subtitle).fillColor('#111111');
  recap.sections.forEach((s) => section(doc, s, 1));
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('Helvetica').fontSize(8).fillColor('#666666');
    doc.text(`${recap.title} · page ${i + 1} of ${range.count}`, MARGIN, doc.page.height - MARGIN + 20, { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
