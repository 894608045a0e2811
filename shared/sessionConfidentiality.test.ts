import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS } from './norms.ts';
import { namesInProse, sharedSessionReminder } from './sessionConfidentiality.ts';

describe('names in a sentence', () => {
  it.each([
    [[], ''],
    [['Alpha'], 'Alpha'],
    [['Alpha', 'Beta'], 'Alpha and Beta'],
    [['Alpha', 'Beta', 'Gamma'], 'Alpha, Beta and Gamma'],
  ])('%j -> %s', (names, prose) => expect(namesInProse(names)).toBe(prose));
});

describe("a shared session's confidentiality reminder", () => {
  const event = { id: 'ev', name: 'Super week 2027' };
  const groups = [{ id: 'a', name: 'Alpha Group' }, { id: 'b', name: 'Beta Group' }, { id: 'c', name: 'Gamma Group' }];

  it('names the event and every group whose people are in the room, and keeps it all in the session', () => {
    const r = sharedSessionReminder({ event, eventGroups: groups });
    expect(r.title).toBe('Confidentiality in this shared session');
    expect(r.paragraphs[0]).toBe('This shared session of Super week 2027 brings together people from Alpha Group, Beta Group and Gamma Group.');
    expect(r.paragraphs[1]).toMatch(/^What anyone shares here stays here\..*to anyone who was not in this session, in our own groups either\.$/);
    expect(r.paragraphs[2]).toMatch(/Figures stay in each group/);
  });

  it("is no group's own text: not the defaults a group starts from, which speak of \"this group\"", () => {
    const text = sharedSessionReminder({ event, eventGroups: groups }).paragraphs.join('\n');
    expect(text).not.toContain(DEFAULT_NORMS.confidentiality);
    expect(text).not.toMatch(/this group/i);
  });

  it('on the wall: shorter, without the figures line, which the wall shows at the financial review', () => {
    const laptop = sharedSessionReminder({ event, eventGroups: groups });
    const wall = sharedSessionReminder({ event, eventGroups: groups }, 'wall');
    expect(wall.title).toBe(laptop.title);
    expect(wall.paragraphs).toEqual([laptop.paragraphs[0], 'What anyone shares here stays here: none of it goes to anyone who was not in this session, in our own groups either.']);
  });

  it('still reads as a sentence with no group left (every one deleted since)', () => {
    expect(sharedSessionReminder({ event, eventGroups: [] }).paragraphs[0]).toBe('This shared session of Super week 2027 brings together people from several groups.');
  });
});
