// A group's goal completion over quarters: one rate per quarter over every member's reviewed
// goals (done 1, partly 0.5, not done 0), as the coach's page charts it.
import { compareQuarters } from '../financials/quarters.ts';
import type { Goal } from './types.ts';

export function groupCompletionTrend(goals: readonly Pick<Goal, 'quarter' | 'status'>[]): { quarter: string; rate: number | null; reviewed: number }[] {
  const byQuarter = new Map<string, { score: number; reviewed: number }>();
  for (const g of goals) {
    const q = byQuarter.get(g.quarter) ?? { score: 0, reviewed: 0 };
    if (g.status === 'done') q.score += 1;
    else if (g.status === 'partly') q.score += 0.5;
    if (g.status !== 'open') q.reviewed += 1;
    byQuarter.set(g.quarter, q);
  }
  return [...byQuarter.keys()].sort(compareQuarters).map((quarter) => {
    const { score, reviewed } = byQuarter.get(quarter)!;
    return { quarter, rate: reviewed === 0 ? null : score / reviewed, reviewed };
  });
}
