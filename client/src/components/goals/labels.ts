// Words for goal statuses and completion, shared by the goal views.
import type { GoalStatus } from '../../../../shared/goals/types.ts';

export const GOAL_STATUS_LABEL: Record<GoalStatus, string> = { open: 'Open', done: 'Done', partly: 'Partly done', not_done: 'Not done' };

/** 0.75 → "75 %"; null (nothing reviewed yet) → "–". */
export const ratePct = (rate: number | null): string => (rate === null ? '–' : `${Math.round(rate * 100)} %`);
