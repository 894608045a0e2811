import { describe, expect, it } from 'vitest';
import type { Goal } from '../../shared/goals/types.ts';
import { goalLine } from './fromSummary.ts';

const goal = (over: Partial<Goal>): Goal => ({
  id: 'g', groupId: 'grp', userId: 'max', quarter: '2026-Q3', meetingId: null, text: 'Hire a dispatcher', target: '', dueDate: null, status: 'open',
  comment: '', progress: '', progressAt: null, carriedFromId: null, carriedCount: 0, vague: false, createdAt: '', updatedAt: '', ...over,
});
const name = () => 'Max One';
const AT = '2026-10-01T09:00:00.000Z';

describe('a goal in the recap', () => {
  it('says a carried goal was dropped, and why, instead of its status', () => {
    expect(goalLine(goal({ carriedCount: 3, dropped: { reason: 'Dispatch is outsourced now', byUserId: 'cora', at: AT } }), name)).toBe(
      'Max One: Hire a dispatcher (carried ×3) — dropped: Dispatch is outsourced now',
    );
  });
  it('gives a reworded goal its first wording and the reason', () => {
    const reworded = { from: 'Raise prices by 5 percent', reason: 'The market is too tight', byUserId: 'max', at: AT };
    expect(goalLine(goal({ text: 'Raise prices by 3 percent', carriedCount: 1, status: 'partly', comment: 'two of three lists', reworded }), name)).toBe(
      'Max One: Raise prices by 3 percent (carried ×1) (reworded from "Raise prices by 5 percent": The market is too tight) — partly done — two of three lists',
    );
  });
  it('leaves other goals as they were', () => {
    expect(goalLine(goal({ status: 'done', comment: 'hired in August' }), name)).toBe('Max One: Hire a dispatcher — done — hired in August');
  });
});
