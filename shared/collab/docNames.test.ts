import { describe, expect, it } from 'vitest';
import {
  DOC_NAME_MAX_LENGTH,
  commitmentsDocName,
  formatDocName,
  meetingDocPrefix,
  notesDocName,
  parseDocName,
  privateDocName,
  type ParsedDocName,
} from './docNames.ts';

describe('parseDocName', () => {
  it.each<[string, ParsedDocName]>([
    ['meeting:m1:item:i1:notes', { kind: 'notes', meetingId: 'm1', itemId: 'i1' }],
    ['meeting:m-1_X:commitments', { kind: 'commitments', meetingId: 'm-1_X' }],
    ['meeting:m1:private:u_9', { kind: 'private', meetingId: 'm1', userId: 'u_9' }],
    [`meeting:${'a'.repeat(64)}:item:${'b'.repeat(64)}:notes`, { kind: 'notes', meetingId: 'a'.repeat(64), itemId: 'b'.repeat(64) }],
  ])('parses %s', (name, parsed) => {
    expect(parseDocName(name)).toEqual(parsed);
    expect(formatDocName(parsed)).toBe(name);
  });

  it.each([
    '',
    'meeting',
    'meeting:',
    'meeting:m1',
    'meeting::commitments',
    'meeting:m1:commitments:',
    'meeting:m1:commitments:x',
    'Meeting:m1:commitments',
    'group:m1:commitments',
    'meeting:m1:item:i1',
    'meeting:m1:item::notes',
    'meeting:m1:item:i1:notes:extra',
    'meeting:m1:item:i1:Notes',
    'meeting:m1:private:',
    'meeting:m1:private:u1:x',
    'meeting:m 1:commitments',
    'meeting:m/1:commitments',
    'meeting:m%3A1:commitments',
    'meeting:m1:private:u.1',
    'meeting:mé:commitments',
    `meeting:${'a'.repeat(65)}:commitments`,
    `meeting:m1:private:${'u'.repeat(65)}`,
    'x'.repeat(DOC_NAME_MAX_LENGTH + 1),
  ])('refuses %j', (name) => {
    expect(parseDocName(name)).toBeNull();
  });

  it('refuses non-strings without throwing', () => {
    expect(parseDocName(undefined as unknown as string)).toBeNull();
    expect(parseDocName(42 as unknown as string)).toBeNull();
  });
});

describe('formatDocName and helpers', () => {
  it('builds the three names', () => {
    expect(notesDocName('m1', 'i1')).toBe('meeting:m1:item:i1:notes');
    expect(commitmentsDocName('m1')).toBe('meeting:m1:commitments');
    expect(privateDocName('m1', 'u1')).toBe('meeting:m1:private:u1');
    expect(meetingDocPrefix('m1')).toBe('meeting:m1:');
  });

  it('throws on ids that would make an unparsable name', () => {
    expect(() => notesDocName('m:1', 'i1')).toThrow();
    expect(() => privateDocName('m1', '')).toThrow();
    expect(() => commitmentsDocName('x'.repeat(65))).toThrow();
    expect(() => meetingDocPrefix('a:b')).toThrow();
  });

  it('every formatted name parses back to itself', () => {
    const docs: ParsedDocName[] = [
      { kind: 'notes', meetingId: 'M_1', itemId: 'it-2' },
      { kind: 'commitments', meetingId: 'z' },
      { kind: 'private', meetingId: '0', userId: 'U' },
    ];
    for (const d of docs) expect(parseDocName(formatDocName(d))).toEqual(d);
  });
});
