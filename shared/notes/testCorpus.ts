// Test fixture: notes holding every block and mark we render, hostile links and text, and
// content that stays in the room, as TipTap writes it into Yjs. The unit tests of every renderer
// and the recap e2e render this same corpus. Not used by the app.
import * as Y from 'yjs';

type Child = Y.XmlElement | Y.XmlText;
type Run = [string, Record<string, unknown>?];

export function el(name: string, attrs: Record<string, unknown>, children: Child[] = []): Y.XmlElement {
  const e = new Y.XmlElement(name);
  // y-prosemirror stores attribute values as they are (booleans, numbers); Yjs types them as strings.
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}

export function runs(parts: Run[]): Y.XmlText {
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, a] of parts) {
    t.insert(at, s, a ?? {});
    at += s.length;
  }
  return t;
}

const p = (parts: Run[], attrs: Record<string, unknown> = {}) => el('paragraph', attrs, [runs(parts)]);
const li = (name: 'listItem' | 'taskItem', children: Child[], attrs: Record<string, unknown> = {}) => el(name, attrs, children);
const link = (href: unknown) => ({ link: { href } });

/** Text each rendering must show (as text, never as markup). */
export const CORPUS_TEXT = {
  heading: 'Pricing & margins <b>',
  bold: 'bold words',
  italic: 'italic words',
  underline: 'underlined words',
  strike: 'struck words',
  code: 'npm run `backup`',
  sale: '50% off',
  percent: '100% sure: %E0%A4%A and %zz and %%',
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  jsLink: 'a tempting link',
  dataLink: 'a data link',
  lookalike: '**not bold** _not italic_ # not a heading',
  dash: '- not a list',
  numbered: '1. not a numbered list',
  fakeLink: '[click](javascript:alert(1))',
  afterBreak: 'after a hard break',
  nested3: 'third level',
  ordered: 'third step',
  done: 'send the contract',
  open: 'call the bank',
  quote: 'Quoted wisdom',
  codeBlock: 'if (a < b && c) { run("<script>"); } ```',
  unicode: 'Grüße aus Köln',
  unknown: 'from an unknown node',
  deep: 'deep inside',
} as const;

/** Text that stays in the room: present for people in the room, absent from default exports. */
export const CORPUS_ROOM_ONLY = {
  paragraph: 'Max may sell the company to Contoso',
  item: 'Anna is leaving her partner',
  heading: 'Secret plans',
  quote: 'The bank said no',
} as const;

/** Links the renderings must make: [text, address]. */
export const CORPUS_LINKS = [
  ['50% off', 'https://shop.example/sale-50%'],
  ['the guide (v2)', 'https://example.com/guide (v2)?q=<x>&r="y"'],
  ['write to Anna', 'mailto:anna@example.com'],
] as const;

/** Addresses that must never become links. */
export const CORPUS_BAD_HREFS = ['javascript:', 'data:', 'vbscript:'] as const;

/** A quote nested this deep (beyond MAX_NOTE_DEPTH) holding CORPUS_TEXT.deep. */
const DEEP = 40;

export function corpusNodes(): Y.XmlElement[] {
  const T = CORPUS_TEXT;
  const R = CORPUS_ROOM_ONLY;
  let deep: Y.XmlElement = p([[T.deep]]);
  for (let i = 0; i < DEEP; i++) deep = el('blockquote', {}, [deep]);
  return [
    el('heading', { level: 1 }, [runs([[T.heading, { bold: {} }]])]),
    el('heading', { level: 9 }, [runs([['A heading with a bad level']])]),
    p([
      ['Marks: '],
      [T.bold, { bold: {} }],
      [', '],
      [T.italic, { italic: {} }],
      [', '],
      [T.underline, { underline: {} }],
      [', '],
      [T.strike, { strike: {} }],
      [', '],
      [T.code, { code: {} }],
      [', '],
      ['bold and italic', { bold: {}, italic: {} }],
      ['.'],
    ]),
    p([[CORPUS_LINKS[0][0], link(CORPUS_LINKS[0][1])], [' and '], [CORPUS_LINKS[1][0], link(CORPUS_LINKS[1][1])], [' or '], [CORPUS_LINKS[2][0], link(CORPUS_LINKS[2][1])]]),
    p([[T.percent]]),
    p([[T.img]]),
    p([[T.script]]),
    p([
      [T.jsLink, link('javascript:window.__pwned=1')],
      [', '],
      ['another', link(' JaVaScRiPt:window.__pwned=1')],
      [', '],
      [T.dataLink, link('data:text/html,<script>window.__pwned=1</script>')],
      [', '],
      ['vb', link('vbscript:msgbox(1)')],
      [', '],
      ['not a string', link(42)],
      [', '],
      ['no address', { link: 'https://example.com' }],
    ]),
    p([[T.lookalike]]),
    p([[T.dash]]),
    p([[T.numbered]]),
    p([[T.fakeLink]]),
    el('paragraph', {}, [runs([['before a hard break']]), el('hardBreak', {}), runs([[T.afterBreak]])]),
    el('bulletList', {}, [
      li('listItem', [p([['first level']]), el('bulletList', {}, [li('listItem', [p([['second level']]), el('bulletList', {}, [li('listItem', [p([[T.nested3]])])])])])]),
      li('listItem', [p([[R.item]])], { confidential: true }),
    ]),
    el('orderedList', { start: 2 }, [li('listItem', [p([['second step']])]), li('listItem', [p([[T.ordered]])])]),
    el('taskList', {}, [li('taskItem', [p([[T.done]])], { checked: true }), li('taskItem', [p([[T.open]]), el('taskList', {}, [li('taskItem', [p([['a nested task']])], { checked: 'true' })])], { checked: false })]),
    el('blockquote', {}, [p([[T.quote, { italic: {} }]]), el('bulletList', {}, [li('listItem', [p([['a point in a quote']])])])]),
    el('codeBlock', { language: 'js' }, [runs([[T.codeBlock]])]),
    el('horizontalRule', {}),
    p([[T.unicode], [' 🎉 中文']]),
    el('mysteryNode', {}, [p([[T.unknown]])]),
    p([[R.paragraph]], { confidential: true }),
    el('heading', { level: 2, confidential: 'true' }, [runs([[R.heading]])]),
    el('blockquote', { confidential: true }, [p([[R.quote]])]),
    deep,
    p([]),
  ];
}

/** A fresh doc whose notes field holds the corpus. */
export function corpusDoc(field = 'notes'): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(field).insert(0, corpusNodes());
  return doc;
}
