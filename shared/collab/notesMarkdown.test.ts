import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesToMarkdown, notesToText, safeHref } from './notesMarkdown.ts';

function el(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[]) {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
}
function text(parts: [string, Record<string, unknown>?][]) {
  const t = new Y.XmlText();
  let at = 0;
  for (const [s, a] of parts) {
    t.insert(at, s, a ?? {});
    at += s.length;
  }
  return t;
}
function docWith(...nodes: Y.XmlElement[]) {
  const d = new Y.Doc();
  const f = d.getXmlFragment('notes');
  f.insert(0, nodes);
  return f;
}

describe('notes rendering', () => {
  const fragment = () =>
    docWith(
      el('heading', { level: 2 }, [text([['Hot seat: pricing']])]),
      el('paragraph', {}, [text([['Raise prices by '], ['10%', { bold: {} }], [' in Q1, see '], ['the sheet', { link: { href: 'https://example.com/s' } }]])]),
      el('paragraph', { confidential: true }, [text([['Anna is selling the company']])]),
      el('bulletList', {}, [el('listItem', {}, [el('paragraph', {}, [text([['first']])])]), el('listItem', {}, [el('paragraph', {}, [text([['second']])])])]),
      el('taskList', {}, [
        el('taskItem', { checked: true }, [el('paragraph', {}, [text([['send contract']])])]),
        el('taskItem', { checked: false, confidential: true }, [el('paragraph', {}, [text([['secret task']])])]),
      ]),
      el('paragraph', {}, [text([['click', { link: { href: 'javascript:alert(1)' } }]])]),
    );

  it('renders headings, marks, safe links, lists and checklists as Markdown', () => {
    const md = notesToMarkdown(fragment(), { omitConfidential: false });
    expect(md).toContain('## Hot seat: pricing');
    expect(md).toContain('Raise prices by **10%** in Q1, see [the sheet](https://example.com/s)');
    expect(md).toContain('- first\n- second');
    expect(md).toContain('- [x] send contract');
    expect(md).toContain('- [ ] secret task');
    expect(md).toContain('Anna is selling the company');
    // A javascript: link is kept as text only.
    expect(md).toContain('click');
    expect(md).not.toContain('javascript:');
  });

  it('leaves out blocks that stay in the room', () => {
    const md = notesToMarkdown(fragment(), { omitConfidential: true });
    expect(md).not.toContain('selling the company');
    expect(md).not.toContain('secret task');
    expect(md).toContain('- [x] send contract');
    const txt = notesToText(fragment(), { omitConfidential: true });
    expect(txt).not.toContain('selling');
    expect(txt).toContain('Raise prices by 10% in Q1');
  });

  it('escapes Markdown and HTML in text so it is shown, not interpreted', () => {
    const md = notesToMarkdown(docWith(el('paragraph', {}, [text([['<img src=x onerror=alert(1)> *not bold*']])])), { omitConfidential: false });
    expect(md).toBe('\\<img src=x onerror=alert(1)\\> \\*not bold\\*');
  });

  it('accepts only http(s) and mailto links', () => {
    expect(safeHref('https://a.b')).toBe('https://a.b');
    expect(safeHref('mailto:x@y.z')).toBe('mailto:x@y.z');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref(3)).toBeNull();
  });
});
