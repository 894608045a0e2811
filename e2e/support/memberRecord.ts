// Seeds a member's record across quarters for "my page": goals reviewed quarter after quarter
// (one carried over) and every member's figures, so the numbers have a group median.
import { addQuarters } from '../../shared/financials/quarters.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { seedGroup } from '../../server/testing/harness.ts';
import type { Storage } from '../../server/storage/types.ts';

type Seed = Awaited<ReturnType<typeof seedGroup>>;

export async function seedGoalsAndFigures(storage: Storage, seed: Seed, lastQuarter: string): Promise<void> {
  const max = seed.members[0]!;
  const q = (n: number) => addQuarters(lastQuarter, n);
  const at = new Date().toISOString();
  // Goals are stored directly: their statuses come from reviews at meetings this test doesn't hold.
  const goal = (id: string, quarter: string, text: string, status: Goal['status'], carriedFromId: string | null = null, carriedCount = 0): Goal => ({
    id, groupId: seed.group.id, userId: max.userId, quarter, meetingId: null, text, target: '', dueDate: null, status,
    comment: '', progress: '', progressAt: null, carriedFromId, carriedCount, vague: false, createdAt: at, updatedAt: at,
  });
  for (const g of [
    goal('g1', q(-2), 'Win two public-sector tenders', 'done'),
    goal('g2', q(-2), 'Open a Munich office', 'not_done'),
    goal('g3', q(-1), 'Hire a service manager', 'partly'),
    goal('g4', q(-1), 'Raise prices by 5 %', 'done'),
    goal('g5', q(0), 'Hire a service manager', 'done', 'g3', 1),
    goal('g6', q(0), 'Pilot managed Kubernetes', 'partly'),
    goal('g7', q(1), 'Pilot managed Kubernetes', 'open', 'g6', 1),
    goal('g8', q(1), 'Cut churn below 3 %', 'open'),
  ]) {
    await storage.createGoal(g);
  }
  for (const [i, m] of seed.members.entries()) {
    for (const [n, base] of [[-2, 900], [-1, 1000], [0, 1100]] as const) {
      const figures = [
        { kpiKey: 'total_revenue', value: (base + i * 150) * 1000 },
        { kpiKey: 'gross_margin_pct', value: 30 + i * 4 + n },
      ];
      const r = await m.request('PUT', `/api/groups/${seed.group.id}/figures/${q(n)}`, { figures });
      if (r.status !== 200) throw new Error(`figures: ${JSON.stringify(r.body)}`);
    }
  }
}
