// The coach's goals at a glance: each member company's goals of the group's current quarter
// with status and progress, how many were carried in, and completion now and over time.
import { hasCompany } from '../../shared/access/index.ts';
import type { Meeting } from '../../shared/domain.ts';
import { compareQuarters, quarterOf } from '../../shared/financials/quarters.ts';
import { completionHistory, completionRate } from '../../shared/goals/completion.ts';
import type { CompletionRate } from '../../shared/goals/types.ts';
import type { GoalsOverview } from '../../shared/records.ts';
import { authorizeGroup } from '../auth/policy.ts';
import type { Storage } from '../storage/types.ts';

/**
 * The quarter whose goals members are working on: the live meeting's; else the last held
 * meeting's (set there, reviewed at the next); else the first scheduled one's; else today's in
 * UTC. Only a group without any meeting gets that far, so there is no meeting zone to read today
 * in, and the server's own zone would make the answer depend on where it runs.
 */
export function currentGoalQuarter(meetings: readonly Meeting[], now: Date): string {
  const byStart = [...meetings].sort((a, b) => compareQuarters(a.quarter, b.quarter) || a.startsAt.localeCompare(b.startsAt));
  const live = byStart.find((m) => m.status === 'live');
  const held = byStart.filter((m) => m.status === 'ended').at(-1);
  const next = byStart.find((m) => m.status === 'scheduled');
  return (live ?? held ?? next)?.quarter ?? quarterOf(now, 'UTC');
}

/** Done counts 1 and partly 0.5, over every reviewed goal of every quarter; null before any review. */
export function overallRate(history: readonly CompletionRate[]): number | null {
  const sum = (k: 'done' | 'partly' | 'notDone') => history.reduce((n, c) => n + c[k], 0);
  const reviewed = sum('done') + sum('partly') + sum('notDone');
  return reviewed === 0 ? null : (sum('done') + 0.5 * sum('partly')) / reviewed;
}

export async function goalsOverview(storage: Storage, userId: string, groupId: string, quarter?: string, now = new Date()): Promise<GoalsOverview> {
  await authorizeGroup(storage, userId, groupId, 'goals.read');
  const [members, meetings, goals] = await Promise.all([storage.listMembers(groupId), storage.listMeetings(groupId), storage.listGoals(groupId)]);
  const q = quarter ?? currentGoalQuarter(meetings, now);
  return {
    quarter: q,
    members: members
      .filter((m) => hasCompany(m.role))
      .map((m) => {
        const current = goals.filter((g) => g.userId === m.userId && g.quarter === q);
        return {
          userId: m.userId,
          name: m.name,
          company: m.company,
          goals: current,
          carried: current.filter((g) => g.carriedCount > 0).length,
          completion: completionRate(goals, m.userId, q),
          overallRate: overallRate(completionHistory(goals, m.userId)),
        };
      }),
  };
}
