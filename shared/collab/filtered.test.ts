import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTES_FIELD, MAX_NOTE_DEPTH } from '../notes/fromYjs.ts';
import { COMMITMENTS_FIELD } from './commitments.ts';
import { filteredEntries } from './filtered.ts';

const el = (name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}) => {
  const e = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v as string);
  e.insert(0, children);
  return e;
};
const txt = (s: string) => new Y.XmlText(s);
/** The filtered copy as a fresh doc would hold it. */
function view(doc: Y.Doc, kind: 'notes' | 'commitments'): Y.Doc {
  const out = new Y.Doc();
  const entries = filteredEntries(doc, kind).map((e) => e.build());
  if (kind === 'notes') out.getXmlFragment(NOTES_FIELD).insert(0, entries as Y.XmlElement[]);
  else out.getArray(COMMITMENTS_FIELD).insert(0, entries);
  return out;
}

describe('filtered copy for observers outside the room', () => {
  it('drops room-only blocks with everything inside them, at any depth, and keeps the rest with its attributes and marks', () => {
    const doc = new Y.Doc();
    const bold = txt('');
    bold.insert(0, 'bold', { bold: true });
    doc.getXmlFragment(NOTES_FIELD).insert(0, [
      el('heading', [txt('Title')], { level: 2 }),
      el('paragraph', [txt('SECRET top')], { confidential: true }),
      el('bulletList', [el('listItem', [el('paragraph', [txt('shared item')])]), el('listItem', [el('paragraph', [txt('SECRET item')])], { confidential: 'true' })]),
      el('blockquote', [el('paragraph', [txt('SECRET nested')], { confidential: true }), el('paragraph', [bold])]),
    ]);
    const out = view(doc, 'notes').getXmlFragment(NOTES_FIELD).toString();
    expect(out).not.toContain('SECRET');
    expect(out).toContain('<heading level="2">Title</heading>');
    expect(out).toContain('shared item');
    expect(out).toContain('<bold>bold</bold>');
  });

  it('copies nothing it does not know: other fields, and nesting past MAX_NOTE_DEPTH', () => {
    const doc = new Y.Doc();
    doc.getText('other').insert(0, 'SECRET other field');
    let deep: Y.XmlElement = el('paragraph', [txt('SECRET too deep')]);
    for (let i = 0; i < MAX_NOTE_DEPTH + 2; i++) deep = el('blockquote', [deep]);
    doc.getXmlFragment(NOTES_FIELD).insert(0, [deep]);
    const copy = view(doc, 'notes');
    expect(Buffer.from(Y.encodeStateAsUpdate(copy)).includes(Buffer.from('SECRET'))).toBe(false);
  });

  it('keys change exactly when the copy would: typing in a room-only block changes none', () => {
    const doc = new Y.Doc();
    const secret = txt('SECRET');
    doc.getXmlFragment(NOTES_FIELD).insert(0, [el('paragraph', [txt('a')]), el('paragraph', [secret], { confidential: true })]);
    const before = filteredEntries(doc, 'notes').map((e) => e.key);
    secret.insert(0, 'more ');
    expect(filteredEntries(doc, 'notes').map((e) => e.key)).toEqual(before);
    (doc.getXmlFragment(NOTES_FIELD).get(0) as Y.XmlElement).setAttribute('confidential', true as unknown as string);
    expect(filteredEntries(doc, 'notes')).toHaveLength(0);
  });

  it('commitments: confidential ones are left out; private docs have no filtered copy', () => {
    const doc = new Y.Doc();
    const m = (what: string, confidential: boolean) => {
      const c = new Y.Map<unknown>();
      c.set('id', what);
      c.set('what', what);
      c.set('confidential', confidential);
      return c;
    };
    doc.getArray(COMMITMENTS_FIELD).insert(0, [m('shared', false), m('SECRET', true)]);
    expect(view(doc, 'commitments').getArray<Y.Map<unknown>>(COMMITMENTS_FIELD).toArray().map((c) => c.get('what'))).toEqual(['shared']);
    expect(filteredEntries(doc, 'private')).toEqual([]);
  });
});
