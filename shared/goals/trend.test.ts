import { describe, expect, it } from 'vitest';
import { groupCompletionTrend } from './trend.ts';

const g = (quarter: string, status: 'open' | 'done' | 'partly' | 'not_done') => ({ quarter, status });

describe('groupCompletionTrend', () => {
  it('one rate per quarter over reviewed goals, oldest first; open goals do not count', () => {
    expect(groupCompletionTrend([g('2026-Q2', 'done'), g('2025-Q4', 'not_done'), g('2026-Q2', 'partly'), g('2026-Q2', 'open'), g('2025-Q4', 'done')])).toEqual([
      { quarter: '2025-Q4', rate: 0.5, reviewed: 2 },
      { quarter: '2026-Q2', rate: 0.75, reviewed: 2 },
    ]);
  });
  it('a quarter with only open goals has no rate yet', () => {
    expect(groupCompletionTrend([g('2026-Q3', 'open')])).toEqual([{ quarter: '2026-Q3', rate: null, reviewed: 0 }]);
  });
});
