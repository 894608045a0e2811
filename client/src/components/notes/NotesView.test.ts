// The recap's notes renderer over the corpus, rendered to static markup: every word shows as
// text, links only to checked addresses, nothing anyone typed becomes an element or attribute.
// (e2e/recap-rendering.spec.ts shows the same in Chromium, where no script runs.)
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withoutRoomOnly } from '../../../../shared/notes/blocks.ts';
import { notesFromDoc } from '../../../../shared/notes/fromYjs.ts';
import { CORPUS_LINKS, CORPUS_ROOM_ONLY, CORPUS_TEXT, corpusDoc } from '../../../../shared/notes/testCorpus.ts';
import { NotesView } from './NotesView.tsx';

const tree = notesFromDoc(corpusDoc());
const html = (blocks = tree) => renderToStaticMarkup(createElement(NotesView, { blocks, headingOffset: 2 }));
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
/** What a reader sees: the markup's text, entities decoded. */
const textOf = (markup: string) => decode(markup.replace(/<br\/>/g, '\n').replace(/<[^>]*>/g, ''));

describe('NotesView', () => {
  const markup = html();

  it('shows every word of the notes as text', () => {
    const text = textOf(markup);
    for (const t of [...Object.values(CORPUS_TEXT), ...Object.values(CORPUS_ROOM_ONLY)]) expect(text).toContain(t);
  });

  it('renders every block and mark as its element', () => {
    expect(markup).toContain('<h3><span><strong>Pricing &amp; margins &lt;b&gt;</strong></span></h3>');
    expect(markup).toContain('<h4><span>A heading with a bad level</span></h4>');
    for (const tag of ['strong', 'em', 'u', 's', 'code', 'blockquote', 'pre', 'hr', 'ol start="2"', 'ul class="checklist"']) expect(markup).toContain(`<${tag}`);
    expect(markup).toContain('<em><strong>bold and italic</strong></em>');
    expect(markup).toContain('aria-label="Done"');
    expect(markup).toContain('aria-label="Not done"');
    expect(markup).toContain('before a hard break</span><br/><span>after a hard break');
    expect(markup).toMatch(/<ul><li><p><span>first level<\/span><\/p><ul><li><p><span>second level<\/span><\/p><ul><li><p><span>third level/);
  });

  it('links only to the checked addresses, opened apart from the app', () => {
    const hrefs = [...markup.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!));
    expect(hrefs).toEqual(CORPUS_LINKS.map(([, href]) => href));
    expect(markup.match(/<a /g)).toHaveLength(3);
    expect(markup.match(/rel="noopener noreferrer nofollow" target="_blank"/g)).toHaveLength(3);
  });

  it('makes no element or attribute out of what people typed', () => {
    const tags = new Set([...markup.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'blockquote', 'br', 'code', 'div', 'em', 'h3', 'h4', 'hr', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'u', 'ul']);
    const attributes = [...markup.matchAll(/<[a-z0-9]+((?:\s[^>]*)?)>/g)].flatMap((m) => [...m[1]!.matchAll(/\s([a-z-]+)=/g)].map((a) => a[1]));
    expect([...new Set(attributes)].sort()).toEqual(['aria-label', 'class', 'data-room-only', 'href', 'rel', 'role', 'start', 'target']);
    expect(markup).not.toMatch(/<script|<img/i);
  });

  it('labels each block that stays in the room once; without them, no trace', () => {
    expect(markup.match(/data-room-only="true"/g)).toHaveLength(4);
    expect(markup.match(/Stays in the room/g)).toHaveLength(4);
    const shared = html(withoutRoomOnly(tree));
    expect(shared).not.toContain('Stays in the room');
    for (const t of Object.values(CORPUS_ROOM_ONLY)) expect(shared).not.toContain(t);
  });
});
