// The whole group's goal list, grouped by member: one block per member company with their
// goals and their progress (done / partly / not done / to review), in the group's order.
import { completionRate } from './completion.ts';
import type { CompletionRate, Goal } from './types.ts';

export interface MemberGoals {
  userId: string;
  goals: Goal[];
  /** Counts over the goals not dropped (a dropped goal is neither a success nor still to review). */
  progress: CompletionRate;
}

/**
 * Blocks in `order` (the group's member order), members without goals left out; goals of
 * someone not in `order` (a member who left) come last, so no goal silently disappears.
 */
export function goalsByMember(goals: readonly Goal[], order: readonly string[], quarter: string): MemberGoals[] {
  const owners = [...new Set([...order, ...goals.map((g) => g.userId)])];
  return owners
    .map((userId) => ({ userId, goals: goals.filter((g) => g.userId === userId), progress: completionRate(goals, userId, quarter) }))
    .filter((m) => m.goals.length > 0);
}

/** What is still to review of a member's goals. */
export const toReview = (p: CompletionRate): number => p.total - p.done - p.partly - p.notDone;
