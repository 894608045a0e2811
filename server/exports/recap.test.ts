import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recapToMarkdown } from './markdown.ts';
import { recapToPdf } from './pdf.ts';
import type { Inline, Mark } from '../../shared/notes/blocks.ts';
import { plainItems, type RecapDoc } from './recapDoc.ts';

const text = (t: string, marks: Mark[] = []): Inline => ({ kind: 'text', text: t, marks });
const recap: RecapDoc = {
  title: 'Rhine Valley MSP Group: Quarterly meeting 2026-Q3',
  subtitle: '1 September 2026, Koblenz',
  roomOnlyIncluded: false,
  sections: [
    { heading: 'Attendance', blocks: [{ kind: 'table', header: ['Member', 'Status'], rows: [['Anna Berger', 'present'], ['Ben | Okafor', 'remote']] }] },
    {
      heading: 'Agenda and notes',
      blocks: [],
      sections: [
        {
          heading: 'Hot seat',
          blocks: [
            {
              kind: 'notes',
              blocks: [
                { kind: 'heading', level: 2, inline: [text('Pricing')], roomOnly: false },
                { kind: 'paragraph', inline: [text('Raise prices by '), text('10%', ['bold'])], roomOnly: false },
                { kind: 'list', style: 'tasks', start: 1, items: [{ checked: true, blocks: [{ kind: 'paragraph', inline: [text('send contract')], roomOnly: false }], roomOnly: false }], roomOnly: false },
              ],
            },
          ],
        },
      ],
    },
    { heading: 'Commitments', blocks: [{ kind: 'list', items: plainItems(['Anna: hire a dispatcher (by 2026-10-31)']) }] },
  ],
};

describe('recap exports', () => {
  it('Markdown has the sections, demoted note headings and escaped table cells', () => {
    const md = recapToMarkdown(recap);
    expect(md.startsWith('# Rhine Valley MSP Group: Quarterly meeting 2026-Q3\n')).toBe(true);
    expect(md).toContain('## Attendance');
    expect(md).toContain('### Hot seat');
    expect(md).toContain('##### Pricing');
    expect(md).toContain('Raise prices by **10%**');
    expect(md).toContain('- [x] send contract');
    expect(md).toContain('| Ben \\| Okafor | remote |');
    expect(md).toContain('- Anna: hire a dispatcher (by 2026-10-31)');
  });

  it('PDF is a real PDF whose text holds the notes and commitments', async () => {
    const pdf = await recapToPdf(recap);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pb-pdf-')), 'recap.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Quarterly meeting 2026-Q3');
    expect(text).toContain('Raise prices by 10%');
    expect(text).toContain('[x] send contract');
    expect(text).toContain('Anna: hire a dispatcher');
    expect(text).toContain('page 1 of 1');
  });
});
