// A carried goal is not a life sentence: its owner or the facilitator may drop it or reword it,
// always with a reason, and the record keeps both the reason and the first wording. A goal
// carried three quarters is flagged so the group talks about it instead of carrying it again.
import type { GoalDropInput, GoalRewordInput } from './goalBodies.ts';
import type { Goal } from './types.ts';

export type { GoalDropInput, GoalRewordInput } from './goalBodies.ts';

/** Carried this many quarters, a goal is the group's business ("carried 3 quarters — discuss"). */
export const CARRIED_FLAG_AT = 3;
/** A reason is a sentence said in the room, short enough for the wall and the recap. */
export const GOAL_CHANGE_REASON_MAX = 300;

/** Flagged for the group: carried three quarters or more and still being pursued. */
export function isFlagged(goal: Pick<Goal, 'carriedCount' | 'dropped'>): boolean {
  return goal.carriedCount >= CARRIED_FLAG_AT && !goal.dropped;
}

/**
 * Why a goal cannot be dropped or reworded, or null when it can: only a carried goal that is
 * still open (not reviewed, not dropped). A reviewed goal's wording is what was reviewed.
 */
export function carriedChangeRefusal(goal: Goal, change: { kind: 'drop' } | { kind: 'reword'; text: string }): string | null {
  if (goal.carriedCount <= 0) return 'Only a carried goal is dropped or reworded with a reason';
  if (goal.dropped) return 'This goal was dropped already';
  if (goal.status !== 'open') return 'This goal has been reviewed: it stays on the record as it was';
  if (change.kind === 'reword' && change.text === goal.text) return 'The new wording is the same as the old one';
  return null;
}

/** The goal given up: it stays on the record with the reason, and is neither reviewed nor carried. */
export function droppedGoal(goal: Goal, input: GoalDropInput, byUserId: string, at: string): Goal {
  return { ...goal, dropped: { reason: input.reason, byUserId, at }, updatedAt: at };
}

/** The goal in new words; `reworded.from` keeps the wording it had before its first rewording. */
export function rewordedGoal(goal: Goal, input: GoalRewordInput, byUserId: string, at: string): Goal {
  const from = goal.reworded?.from ?? goal.text;
  return { ...goal, text: input.text, reworded: { from, reason: input.reason, byUserId, at }, updatedAt: at };
}
