import { describe, expect, it } from 'vitest';
import { completionHistory, completionRate, groupCompletion, isVague } from './completion.ts';
import type { Goal, GoalStatus } from './types.ts';

let seq = 0;
const goal = (userId: string, quarter: string, status: GoalStatus, target = '10 contracts'): Goal => ({
  id: `g${++seq}`, groupId: 'g1', userId, quarter, meetingId: null, text: 'goal', target, dueDate: null, status,
  comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false, createdAt: '', updatedAt: '',
});

describe('completionRate', () => {
  it('counts done as 1, partly as a half and not done as 0', () => {
    const goals = [goal('ann', '2026-Q2', 'done'), goal('ann', '2026-Q2', 'partly'), goal('ann', '2026-Q2', 'not_done'), goal('ann', '2026-Q2', 'done')];
    expect(completionRate(goals, 'ann', '2026-Q2')).toEqual({ userId: 'ann', quarter: '2026-Q2', total: 4, done: 2, partly: 1, notDone: 1, rate: 0.625 });
  });

  it('leaves open goals out of the rate but in the total', () => {
    const goals = [goal('ann', '2026-Q2', 'done'), goal('ann', '2026-Q2', 'open'), goal('ann', '2026-Q2', 'open')];
    expect(completionRate(goals, 'ann', '2026-Q2')).toMatchObject({ total: 3, done: 1, rate: 1 });
  });

  it('has no rate without reviewed goals', () => {
    expect(completionRate([goal('ann', '2026-Q2', 'open')], 'ann', '2026-Q2')).toMatchObject({ total: 1, rate: null });
    expect(completionRate([], 'ann', '2026-Q2')).toEqual({ userId: 'ann', quarter: '2026-Q2', total: 0, done: 0, partly: 0, notDone: 0, rate: null });
  });

  it('only counts that member in that quarter', () => {
    const goals = [goal('ann', '2026-Q2', 'not_done'), goal('bob', '2026-Q2', 'done'), goal('ann', '2026-Q3', 'done')];
    expect(completionRate(goals, 'ann', '2026-Q2')).toMatchObject({ total: 1, rate: 0 });
  });
});

describe('completionHistory', () => {
  it('lists the member quarters oldest first, across years', () => {
    const goals = [
      goal('ann', '2026-Q1', 'done'),
      goal('ann', '2025-Q4', 'partly'),
      goal('bob', '2024-Q1', 'done'),
      goal('ann', '2025-Q3', 'not_done'),
      goal('ann', '2026-Q1', 'not_done'),
    ];
    const history = completionHistory(goals, 'ann');
    expect(history.map((h) => [h.quarter, h.rate])).toEqual([['2025-Q3', 0], ['2025-Q4', 0.5], ['2026-Q1', 0.5]]);
  });

  it('is empty for a member without goals', () => {
    expect(completionHistory([goal('bob', '2026-Q1', 'done')], 'ann')).toEqual([]);
  });
});

describe('groupCompletion', () => {
  it('gives one entry per member with goals in the quarter, ordered by user', () => {
    const goals = [goal('cem', '2026-Q2', 'done'), goal('ann', '2026-Q2', 'partly'), goal('bob', '2026-Q1', 'done')];
    expect(groupCompletion(goals, '2026-Q2').map((c) => [c.userId, c.rate])).toEqual([['ann', 0.5], ['cem', 1]]);
  });

  it('includes listed members without goals so nobody drops off', () => {
    const rows = groupCompletion([goal('ann', '2026-Q2', 'done')], '2026-Q2', ['bob', 'ann']);
    expect(rows.map((c) => [c.userId, c.total, c.rate])).toEqual([['ann', 1, 1], ['bob', 0, null]]);
  });
});

describe('isVague', () => {
  it.each([
    ['', true],
    ['more sales', true],
    ['grow', true],
    ['10 contracts', false],
    ['hire 2', false],
    ['sign three big clients', false],
    ['€50k MRR', false],
  ])('%j → %s', (target, vague) => {
    expect(isVague({ target })).toBe(vague);
  });
});
