import { describe, expect, it } from 'vitest';
import { hasRoomOnly, inlineText, withoutRoomOnly, type Inline, type NoteBlock } from './blocks.ts';
import { MAX_NOTE_DEPTH, notesFromDoc } from './fromYjs.ts';
import { safeHref } from './links.ts';
import { CORPUS_LINKS, CORPUS_ROOM_ONLY, CORPUS_TEXT, corpusDoc } from './testCorpus.ts';
import { notesToText } from './text.ts';

/** Every inline run in the tree, depth first. */
function allRuns(blocks: readonly NoteBlock[]): Inline[] {
  return blocks.flatMap((b): Inline[] => {
    if (b.kind === 'paragraph' || b.kind === 'heading') return b.inline;
    if (b.kind === 'quote') return allRuns(b.blocks);
    if (b.kind === 'list') return b.items.flatMap((i) => allRuns(i.blocks));
    return [];
  });
}
const runWith = (blocks: readonly NoteBlock[], text: string) => allRuns(blocks).find((r) => r.kind === 'text' && r.text === text);

describe('the notes block tree from Yjs', () => {
  const tree = notesFromDoc(corpusDoc());

  it('has every block kind, with heading levels, list styles, start and checks', () => {
    expect(tree[0]).toMatchObject({ kind: 'heading', level: 1, roomOnly: false });
    expect(tree[1]).toMatchObject({ kind: 'heading', level: 2 }); // level 9 is not a level
    const kinds = new Set(tree.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['code', 'heading', 'list', 'paragraph', 'quote', 'rule']);
    const lists = tree.filter((b) => b.kind === 'list');
    expect(lists.map((l) => [l.style, l.start])).toEqual([['bullet', 1], ['ordered', 2], ['tasks', 1]]);
    const tasks = lists[2]!;
    expect(tasks.items.map((i) => i.checked)).toEqual([true, false]);
    // A nested task list inside a task item, its "true" string read as ticked.
    expect(tasks.items[1]!.blocks[1]).toMatchObject({ kind: 'list', style: 'tasks', items: [{ checked: true }] });
    expect(tree.find((b) => b.kind === 'code')).toEqual({ kind: 'code', text: CORPUS_TEXT.codeBlock, roomOnly: false });
  });

  it('keeps marks and hard breaks on the runs', () => {
    expect(runWith(tree, CORPUS_TEXT.bold)).toMatchObject({ marks: ['bold'] });
    expect(runWith(tree, CORPUS_TEXT.italic)).toMatchObject({ marks: ['italic'] });
    expect(runWith(tree, CORPUS_TEXT.underline)).toMatchObject({ marks: ['underline'] });
    expect(runWith(tree, CORPUS_TEXT.strike)).toMatchObject({ marks: ['strike'] });
    expect(runWith(tree, CORPUS_TEXT.code)).toMatchObject({ marks: ['code'] });
    expect(runWith(tree, 'bold and italic')).toMatchObject({ marks: ['bold', 'italic'] });
    const broken = tree.find((b) => b.kind === 'paragraph' && inlineText(b.inline).includes(CORPUS_TEXT.afterBreak));
    expect(broken && broken.kind === 'paragraph' && inlineText(broken.inline)).toBe(`before a hard break\n${CORPUS_TEXT.afterBreak}`);
  });

  it('keeps http(s) and mailto links as they are and turns every other link into plain text', () => {
    for (const [text, href] of CORPUS_LINKS) expect(runWith(tree, text)).toMatchObject({ href });
    for (const text of [CORPUS_TEXT.jsLink, 'another', CORPUS_TEXT.dataLink, 'vb', 'not a string', 'no address']) {
      const r = runWith(tree, text);
      expect(r, text).toBeDefined();
      expect(r && 'href' in r, text).toBe(false);
    }
    const hrefs = allRuns(tree).flatMap((r) => (r.kind === 'text' && r.href ? [r.href] : []));
    expect(hrefs).toEqual(CORPUS_LINKS.map(([, href]) => href));
  });

  it('flags what stays in the room, and withoutRoomOnly leaves exactly that out', () => {
    expect(hasRoomOnly(tree)).toBe(true);
    const all = notesToText(tree);
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(all).toContain(t);
    const shared = withoutRoomOnly(tree);
    expect(hasRoomOnly(shared)).toBe(false);
    const text = notesToText(shared);
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(text).not.toContain(t);
    for (const t of Object.values(CORPUS_TEXT)) expect(text).toContain(t);
  });

  it('flattens nesting past MAX_NOTE_DEPTH into a paragraph, keeping its words', () => {
    let depth = 0;
    let b: NoteBlock | undefined = tree.findLast((x) => x.kind === 'quote');
    while (b?.kind === 'quote') {
      depth++;
      b = b.blocks[0];
    }
    expect(depth).toBeLessThanOrEqual(MAX_NOTE_DEPTH + 1);
    expect(b).toMatchObject({ kind: 'paragraph' });
    expect(b && b.kind === 'paragraph' && inlineText(b.inline)).toBe(CORPUS_TEXT.deep);
  });

  it('keeps what an unknown node says', () => {
    expect(notesToText(tree)).toContain(CORPUS_TEXT.unknown);
  });
});

describe('safeHref, the one link check', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    [' HTTP://a.example ', 'HTTP://a.example'],
    ['mailto:x@y.z', 'mailto:x@y.z'],
    ['https://shop.example/sale-50%', 'https://shop.example/sale-50%'],
  ])('accepts %j', (href, out) => expect(safeHref(href)).toBe(out));
  it.each(['javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,hi', 'vbscript:x', 'https:evil', '//evil.example', 'ftp://a', '', 3, null, { href: 'https://a' }])('refuses %j', (href) =>
    expect(safeHref(href)).toBeNull(),
  );
});
