import { describe, expect, it } from 'vitest';
import type { MeetingState } from '../../../shared/meeting/state.ts';
import { CLASSIC_PROTOCOL, PRESET_PROTOCOLS } from '../../../shared/meeting/hotseatProtocol.ts';
import { actionForKey, FACILITATOR_KEYS, focusAfter, goalCursorAfter, goalForKeys, nextHotSeatStage } from './facilitatorKeys.ts';

describe('facilitator keys', () => {
  it.each([
    ['ArrowRight', 'next'], ['ArrowLeft', 'back'], ['ArrowDown', 'nextMember'], ['J', 'nextMember'], ['k', 'prevMember'],
    ['1', 'goalDone'], ['2', 'goalPartly'], ['3', 'goalNotDone'], ['s', 'nextStage'], ['S', 'nextStage'], ['c', 'callNext'],
    [' ', 'timer'], ['+', 'extend'], ['=', 'extend'], ['?', 'help'], ['x', null], ['Enter', null],
  ])('%j runs %s', (key, action) => expect(actionForKey(key)).toBe(action));

  it('tells Shift+↓ / Shift+↑ (the goal cursor) from ↓ / ↑ (the member in focus)', () => {
    expect(actionForKey('ArrowDown', true)).toBe('nextGoal');
    expect(actionForKey('ArrowUp', true)).toBe('prevGoal');
    expect(actionForKey('ArrowUp', false)).toBe('prevMember');
    // Shift is part of typing "?" and "+", and of a capital J: those keep their meaning.
    expect(actionForKey('?', true)).toBe('help');
    expect(actionForKey('J', true)).toBe('nextMember');
  });

  it('binds no key twice', () => {
    const keys = FACILITATOR_KEYS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [null, 1, 'a'], ['a', 1, 'b'], ['c', 1, undefined], ['b', -1, 'a'], ['a', -1, null], [null, -1, undefined], ['gone', 1, 'a'],
  ] as const)('from %s stepping %i goes to %s', (from, dir, to) => expect(focusAfter(['a', 'b', 'c'], from, dir)).toBe(to));

  it('marks the first goal of the member in focus not reviewed yet', () => {
    const goals = [
      { id: '1', userId: 'a', status: 'done' }, { id: '2', userId: 'b', status: 'open' }, { id: '3', userId: 'a', status: 'open' }, { id: '4', userId: 'a', status: 'open' },
    ];
    expect(goalForKeys(goals, 'a')?.id).toBe('3');
    expect(goalForKeys(goals, null)).toBeUndefined();
    expect(goalForKeys(goals.slice(0, 1), 'a')).toBeUndefined();
  });

  describe('the goal cursor', () => {
    const goals = [
      { id: 'a1', userId: 'a', status: 'done' }, { id: 'b1', userId: 'b', status: 'open' }, { id: 'a2', userId: 'a', status: 'open' },
      { id: 'a3', userId: 'a', status: 'open', dropped: { reason: 'x' } }, { id: 'a4', userId: 'a', status: 'partly' },
    ];
    it('marks the goal under the cursor, reviewed or not, only within the member in focus', () => {
      expect(goalForKeys(goals, 'a', 'a4')?.id).toBe('a4');
      expect(goalForKeys(goals, 'a', 'a1')?.id).toBe('a1');
      // Another member's goal, a dropped goal or a stale id: the first open goal instead.
      expect(goalForKeys(goals, 'a', 'b1')?.id).toBe('a2');
      expect(goalForKeys(goals, 'a', 'a3')?.id).toBe('a2');
      expect(goalForKeys(goals, 'a', 'gone')?.id).toBe('a2');
      expect(goalForKeys(goals, null, 'a1')).toBeUndefined();
    });
    it.each([
      [null, 1, 'a4'], [null, -1, 'a1'], ['a4', 1, undefined], ['a1', -1, undefined], ['a4', -1, 'a2'], ['b1', 1, 'a4'],
    ] as const)('from %s stepping %i goes to %s, skipping dropped goals and other members', (from, dir, to) => {
      expect(goalCursorAfter(goals, 'a', from, dir)).toBe(to);
    });
    it('starts at an end when every goal is reviewed', () => {
      const reviewed = goals.filter((g) => g.status !== 'open');
      expect(goalCursorAfter(reviewed, 'a', null, 1)).toBe('a1');
      expect(goalCursorAfter(reviewed, 'a', null, -1)).toBe('a4');
      expect(goalCursorAfter(reviewed, null, null, 1)).toBeUndefined();
    });
  });

  it('steps the hot seat through its stages and stops after the last', () => {
    const at = (stage: string | null, kind = 'hotseat', presenters = [{ userId: 'p' }]) =>
      ({ currentIndex: 0, agenda: [{ id: 'h', kind }], hotSeatProtocol: CLASSIC_PROTOCOL, hotSeats: { h: { stage, presenters, turn: 0 } } }) as unknown as MeetingState;
    expect(nextHotSeatStage(at(null))).toEqual({ itemId: 'h', stage: 'presentation' });
    expect(nextHotSeatStage(at('presentation'))?.stage).toBe('questions');
    expect(nextHotSeatStage(at('advice'))?.stage).toBe('commitments');
    expect(nextHotSeatStage(at('commitments'))).toBeUndefined();
    expect(nextHotSeatStage(at(null, 'goals'))).toBeUndefined();
  });

  it("follows the meeting's own protocol and moves on to the next presenter after the last stage", () => {
    const gestalt = (stage: string, turn: number) =>
      ({ currentIndex: 0, agenda: [{ id: 'h', kind: 'hotseat' }], hotSeatProtocol: PRESET_PROTOCOLS.gestalt, hotSeats: { h: { stage, turn, presenters: [{ userId: 'a' }, { userId: 'b' }] } } }) as unknown as MeetingState;
    expect(nextHotSeatStage(gestalt('questions', 0))).toEqual({ itemId: 'h', stage: 'experience' });
    expect(nextHotSeatStage(gestalt('reflection', 0))).toEqual({ itemId: 'h', stage: 'presentation', presenter: 1 });
    expect(nextHotSeatStage(gestalt('reflection', 1))).toBeUndefined();
  });

  it('a seat with no presenter still asks for the first stage, so the server can say why not', () => {
    const none = { currentIndex: 0, agenda: [{ id: 'h', kind: 'hotseat' }], hotSeatProtocol: CLASSIC_PROTOCOL, hotSeats: {} } as unknown as MeetingState;
    expect(nextHotSeatStage(none)).toEqual({ itemId: 'h', stage: 'presentation' });
  });
});
