// Completion rates: how much of what a member promised got done, quarter after quarter.
import { compareQuarters } from '../financials/quarters.ts';
import type { CompletionRate, Goal } from './types.ts';

/**
 * Completion of the goals one member set in one quarter. `total` counts every goal of the
 * quarter, open ones included, so total - done - partly - notDone is what is still to
 * review; the rate counts reviewed goals only (done 1, partly 0.5, not done 0), since an
 * unreviewed goal is neither a success nor a failure yet. Dropped goals are not counted.
 */
export function completionRate(goals: readonly Goal[], userId: string, quarter: string): CompletionRate {
  let total = 0;
  let done = 0;
  let partly = 0;
  let notDone = 0;
  for (const g of goals) {
    // A dropped goal was given up with a reason: neither a success nor a failure, nor still to review.
    if (g.userId !== userId || g.quarter !== quarter || g.dropped) continue;
    total++;
    if (g.status === 'done') done++;
    else if (g.status === 'partly') partly++;
    else if (g.status === 'not_done') notDone++;
  }
  const reviewed = done + partly + notDone;
  return { userId, quarter, total, done, partly, notDone, rate: reviewed === 0 ? null : (done + 0.5 * partly) / reviewed };
}

/** One entry per quarter in which the member has goals, oldest first. */
export function completionHistory(goals: readonly Goal[], userId: string): CompletionRate[] {
  const quarters = new Set(goals.filter((g) => g.userId === userId).map((g) => g.quarter));
  return [...quarters].sort(compareQuarters).map((q) => completionRate(goals, userId, q));
}

/**
 * Completion per member for one quarter, ordered by userId. Pass `userIds` to include members
 * without goals (total 0, rate null) so nobody silently drops off the accountability table.
 */
export function groupCompletion(goals: readonly Goal[], quarter: string, userIds: readonly string[] = []): CompletionRate[] {
  const members = new Set([...userIds, ...goals.filter((g) => g.quarter === quarter).map((g) => g.userId)]);
  return [...members].sort().map((userId) => completionRate(goals, userId, quarter));
}

/**
 * Hint only, for the "challenge vague goals" moment: a target with no number and under three
 * words ("more sales", "") is likely not measurable. The vague flag itself is set by people.
 */
export function isVague(goal: Pick<Goal, 'target'>): boolean {
  const target = goal.target.trim();
  const words = target === '' ? 0 : target.split(/\s+/).length;
  return !/\p{Nd}/u.test(target) && words < 3;
}
