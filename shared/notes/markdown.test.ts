import { describe, expect, it } from 'vitest';
import { withoutRoomOnly, type NoteBlock } from './blocks.ts';
import { notesFromDoc } from './fromYjs.ts';
import { markdownText, notesToMarkdown } from './markdown.ts';
import { CORPUS_ROOM_ONLY, corpusDoc } from './testCorpus.ts';

const tree = notesFromDoc(corpusDoc());
const text = (t: string): NoteBlock => ({ kind: 'paragraph', inline: [{ kind: 'text', text: t, marks: [] }], roomOnly: false });

describe('notes -> Markdown', () => {
  const md = notesToMarkdown(tree);

  it('writes every block and mark as Markdown', () => {
    expect(md).toContain('# **Pricing \\& margins \\<b\\>**');
    expect(md).toContain('## A heading with a bad level');
    expect(md).toContain('Marks: **bold words**, *italic words*, underlined words, ~~struck words~~, `` npm run `backup` ``, ***bold and italic***.');
    expect(md).toContain('- first level\n  - second level\n    - third level');
    expect(md).toContain('2. second step\n3. third step');
    expect(md).toContain('- [x] send the contract\n- [ ] call the bank\n  - [x] a nested task');
    expect(md).toContain('> *Quoted wisdom*\n>\n> - a point in a quote');
    expect(md).toContain('```\nif (a < b && c) { run("<script>"); } ```\n````'.replace('```\nif', '````\nif'));
    expect(md).toContain('\n---\n');
    expect(md).toContain('before a hard break\\\nafter a hard break');
  });

  it('links only checked addresses, in angle brackets, with < > and spaces encoded', () => {
    expect(md).toContain('[50% off](<https://shop.example/sale-50%>)');
    expect(md).toContain('[the guide (v2)](<https://example.com/guide%20(v2)?q=%3Cx%3E&r="y">)');
    expect(md).toContain('[write to Anna](<mailto:anna@example.com>)');
    // No link to anything but the checked addresses: the only ']( ' are theirs.
    expect(md.match(/(?<!\\)\]\(/g)).toHaveLength(3);
    expect(md).toContain('a tempting link, another, a data link, vb, not a string, no address');
  });

  it('escapes what people typed so nothing they wrote becomes markup', () => {
    expect(md).toContain('\\<img src=x onerror="window.\\_\\_pwned=1"\\>');
    expect(md).toContain('\\<script\\>window.\\_\\_pwned=1\\</script\\>');
    expect(md).toContain('\\*\\*not bold\\*\\* \\_not italic\\_ \\# not a heading');
    expect(md).toContain('\n\\- not a list\n');
    expect(md).toContain('\n1\\. not a numbered list\n');
    expect(md).toContain('\\[click\\](javascript:alert(1))');
    expect(md).toContain('100% sure: %E0%A4%A and %zz and %%');
    // Outside the code block every < is escaped.
    expect(md.replace(/````[\s\S]*?````/, '')).not.toMatch(/(?<!\\)<(img|script)/);
  });

  it('labels each block that stays in the room, once, and has none of it without them', () => {
    expect(md).toContain('**\\[Stays in the room\\]** Max may sell the company to Contoso');
    expect(md).toContain('- **\\[Stays in the room\\]** Anna is leaving her partner');
    expect(md).toContain('## **\\[Stays in the room\\]** Secret plans');
    expect(md).toContain('> **\\[Stays in the room\\]**\n>\n> The bank said no');
    expect(md.match(/Stays in the room/g)).toHaveLength(4);
    const shared = notesToMarkdown(withoutRoomOnly(tree));
    expect(shared).not.toContain('Stays in the room');
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(shared).not.toContain(t);
  });

  it('moves headings down by the offset, at most to level 6', () => {
    const h = (level: 1 | 5): NoteBlock => ({ kind: 'heading', level, inline: [{ kind: 'text', text: 'H', marks: [] }], roomOnly: false });
    expect(notesToMarkdown([h(1), h(5)], { headingOffset: 3 })).toBe('#### H\n\n###### H');
  });

  it('keeps emphasis valid around spaces and code spans around backticks', () => {
    const md2 = notesToMarkdown([{ kind: 'paragraph', inline: [{ kind: 'text', text: 'a ', marks: [] }, { kind: 'text', text: ' bold ', marks: ['bold'] }, { kind: 'text', text: '`x`', marks: ['code'] }], roomOnly: false }]);
    expect(md2).toBe('a  **bold** `` `x` ``');
    expect(notesToMarkdown([text('')])).toBe('');
  });

  it('markdownText makes one literal line', () => {
    expect(markdownText('- Anna | *Ben*\n<b>')).toBe('\\- Anna \\| \\*Ben\\* \\<b\\>');
  });
});
