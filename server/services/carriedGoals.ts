// Dropping or rewording a carried goal, with a reason: its owner or whoever runs the room
// (the coach, an organiser, the facilitator during the meeting). The rules are in
// shared/goals/carriedChanges.ts; storage makes the change only if the goal still allows it.
import { DomainError } from '../../shared/errors.ts';
import { carriedChangeRefusal, droppedGoal, rewordedGoal, type GoalDropInput, type GoalRewordInput } from '../../shared/goals/carriedChanges.ts';
import type { Goal } from '../../shared/goals/types.ts';
import type { Storage } from '../storage/types.ts';
import { loadGoal } from './goals.ts';
import type { RecordsDeps } from './recordsNotifier.ts';

/** The goal, if the caller may drop or reword it; a stranger to the group learns nothing (not_found). */
async function loadChangeable(storage: Storage, userId: string, goalId: string): Promise<Goal> {
  const { goal, can: may } = await loadGoal(storage, userId, goalId);
  const owner = goal.userId === userId && (await may('goals.write'));
  if (!owner && !(await may('goals.carry'))) throw new DomainError('forbidden', "Only the goal's owner or the facilitator drops or rewords it");
  return goal;
}

function refuseIf(refusal: string | null): void {
  if (refusal) throw new DomainError('conflict', refusal);
}

export async function dropCarriedGoal({ storage, records }: RecordsDeps, userId: string, goalId: string, input: GoalDropInput): Promise<Goal> {
  const goal = await loadChangeable(storage, userId, goalId);
  refuseIf(carriedChangeRefusal(goal, { kind: 'drop' }));
  const next = droppedGoal(goal, input, userId, new Date().toISOString());
  const saved = await storage.changeCarriedGoal(goal.id, { dropped: next.dropped! });
  // Reviewed or changed meanwhile: say why, as if it had been so from the start.
  if (!saved) refuseIf(carriedChangeRefusal((await storage.getGoal(goal.id)) ?? goal, { kind: 'drop' }) ?? 'This goal changed meanwhile');
  records.changed(goal.groupId, 'goals');
  return saved!;
}

export async function rewordCarriedGoal({ storage, records }: RecordsDeps, userId: string, goalId: string, input: GoalRewordInput): Promise<Goal> {
  const goal = await loadChangeable(storage, userId, goalId);
  refuseIf(carriedChangeRefusal(goal, { kind: 'reword', text: input.text }));
  const next = rewordedGoal(goal, input, userId, new Date().toISOString());
  const saved = await storage.changeCarriedGoal(goal.id, { text: next.text, previousText: goal.text, reworded: next.reworded! });
  if (!saved) refuseIf('This goal changed meanwhile: look at it again');
  records.changed(goal.groupId, 'goals');
  return saved!;
}
