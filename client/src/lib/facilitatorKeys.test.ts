import { describe, expect, it } from 'vitest';
import type { MeetingState } from '../../../shared/meeting/state.ts';
import { actionForKey, FACILITATOR_KEYS, focusAfter, goalForKeys, nextHotSeatStage } from './facilitatorKeys.ts';

describe('facilitator keys', () => {
  it.each([
    ['ArrowRight', 'next'], ['ArrowLeft', 'back'], ['ArrowDown', 'nextMember'], ['J', 'nextMember'], ['k', 'prevMember'],
    ['1', 'goalDone'], ['2', 'goalPartly'], ['3', 'goalNotDone'], ['s', 'nextStage'], ['S', 'nextStage'], ['c', 'callNext'],
    [' ', 'timer'], ['+', 'extend'], ['=', 'extend'], ['?', 'help'], ['x', null], ['Enter', null],
  ])('%j runs %s', (key, action) => expect(actionForKey(key)).toBe(action));

  it('binds no key twice', () => {
    const keys = FACILITATOR_KEYS.flatMap((b) => b.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [null, 1, 'a'], ['a', 1, 'b'], ['c', 1, undefined], ['b', -1, 'a'], ['a', -1, null], [null, -1, undefined], ['gone', 1, 'a'],
  ] as const)('from %s stepping %i goes to %s', (from, dir, to) => expect(focusAfter(['a', 'b', 'c'], from, dir)).toBe(to));

  it('marks the first goal of the member in focus not reviewed yet', () => {
    const goals = [
      { id: 1, userId: 'a', status: 'done' }, { id: 2, userId: 'b', status: 'open' }, { id: 3, userId: 'a', status: 'open' }, { id: 4, userId: 'a', status: 'open' },
    ];
    expect(goalForKeys(goals, 'a')?.id).toBe(3);
    expect(goalForKeys(goals, null)).toBeUndefined();
    expect(goalForKeys(goals.slice(0, 1), 'a')).toBeUndefined();
  });

  it('steps the hot seat through its stages and stops after the last', () => {
    const at = (stage: string | null, kind = 'hotseat') =>
      ({ currentIndex: 0, agenda: [{ id: 'h', kind }], hotSeats: { h: { stage } } }) as unknown as MeetingState;
    expect(nextHotSeatStage(at(null))).toEqual({ itemId: 'h', stage: 'presentation' });
    expect(nextHotSeatStage(at('presentation'))?.stage).toBe('questions');
    expect(nextHotSeatStage(at('advice'))?.stage).toBe('commitments');
    expect(nextHotSeatStage(at('commitments'))).toBeUndefined();
    expect(nextHotSeatStage(at(null, 'goals'))).toBeUndefined();
  });
});
