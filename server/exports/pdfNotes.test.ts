// The notes corpus in a PDF, read back with pdftotext: every word, marks as fonts, lists with
// their markers, links clickable only to checked addresses, room-only blocks labelled.
import { describe, expect, it } from 'vitest';
import { withoutRoomOnly } from '../../shared/notes/blocks.ts';
import { notesFromDoc } from '../../shared/notes/fromYjs.ts';
import { CORPUS_LINKS, CORPUS_ROOM_ONLY, CORPUS_TEXT, corpusDoc } from '../../shared/notes/testCorpus.ts';
import { recapToPdf } from './pdf.ts';
import { pdfText } from './pdfText.testkit.ts';
import { winAnsi } from './pdfText.ts';

const tree = notesFromDoc(corpusDoc());
const pdfOf = (blocks = tree, roomOnlyIncluded = false) =>
  recapToPdf({ title: 'Corpus', subtitle: 'every block', roomOnlyIncluded, sections: [{ heading: 'Hot seat', blocks: [{ kind: 'notes', blocks }] }] });
/** pdftotext breaks long lines; compare on words. */
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** A PDF literal string from `at` (just after its opening parenthesis): nested parentheses, backslash escapes. */
function pdfString(raw: string, at: number): string {
  let out = '';
  for (let depth = 0, i = at; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\') out += raw[++i];
    else if (c === '(') {
      depth++;
      out += c;
    }
    else if (c === ')' && depth-- === 0) return out;
    else out += c;
  }
  throw new Error('unterminated string');
}

describe('notes -> PDF', () => {
  it('holds every word and marker as text', async () => {
    const pdf = await pdfOf(tree, true);
    const text = squash(await pdfText(pdf));
    for (const t of Object.values(CORPUS_TEXT)) expect(text).toContain(squash(t));
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(text).toContain(t);
    expect(text).toContain('• first level');
    expect(text).toContain('2. second step 3. third step');
    expect(text).toContain('[x] send the contract [ ] call the bank [x] a nested task');
    expect(text).toContain('50% off (https://shop.example/sale-50%)');
    expect(text).toContain('write to Anna (mailto:anna@example.com)');
    // Outside Windows-1252 the standard fonts have no glyphs: shown as "?", never as garbage.
    expect(text).toContain('Grüße aus Köln ? ??');
  });

  it('links only to the checked addresses', async () => {
    const raw = (await pdfOf()).toString('latin1');
    const uris = [...raw.matchAll(/\/URI \(/g)].map((m) => pdfString(raw, m.index + m[0].length));
    expect(uris.sort()).toEqual(CORPUS_LINKS.map(([, href]) => href).sort());
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch)\b/);
  });

  it('labels each room-only block once, and the recap says it holds them', async () => {
    const text = squash(await pdfText(await pdfOf(tree, true)));
    expect(text.match(/\[Stays in the room\]/g)).toHaveLength(4);
    expect(text).toContain('[Stays in the room] Max may sell the company to Contoso');
    expect(text).toContain('This copy holds what stays in the room');
    const shared = squash(await pdfText(await pdfOf(withoutRoomOnly(tree))));
    expect(shared).not.toContain('Stays in the room');
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(shared).not.toContain(t);
  });

  it('winAnsi keeps Windows-1252, drops controls and marks the rest', () => {
    expect(winAnsi('€ “Grüße” — ok\n')).toBe('€ “Grüße” — ok\n');
    expect(winAnsi('a\u0000b\u202ec\u200bd')).toBe('abcd');
    expect(winAnsi('🎉中')).toBe('??');
  });
});
