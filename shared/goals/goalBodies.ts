// Request bodies about goals (zod): creating, editing and reviewing a goal, dropping or
// rewording a carried one. Apart from carryOver.ts and carriedChanges.ts so the pages that only
// show or carry goals (the meeting, the wall, the recap) do not bring zod into their bundle.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { GOAL_CHANGE_REASON_MAX } from './carriedChanges.ts';
import { GOAL_REVIEW_COMMENT_MAX, GOAL_TARGET_MAX } from './carryOver.ts';

/** A calendar date "2026-06-30" (leap years checked), or null for no due date. */
const dueDate = z.iso.date('Due date must be a date like 2026-06-30').nullable();
const target = z.string().trim().max(GOAL_TARGET_MAX, `Targets are at most ${GOAL_TARGET_MAX} characters`);

export const goalCreateSchema = z.object({
  text: z.string().trim().min(1, 'Write the goal').max(LIMITS.goalTextMax, `Goals are at most ${LIMITS.goalTextMax} characters`),
  target: target.default(''),
  dueDate: dueDate.default(null),
});
export type GoalCreateInput = z.infer<typeof goalCreateSchema>;

/** Editing a goal: any of the create fields, at least one. */
export const goalUpdateSchema = z
  .object({
    text: goalCreateSchema.shape.text.optional(),
    target: target.optional(),
    dueDate: dueDate.optional(),
  })
  .refine((u) => u.text !== undefined || u.target !== undefined || u.dueDate !== undefined, 'Nothing to update');
export type GoalUpdateInput = z.infer<typeof goalUpdateSchema>;

export const goalReviewSchema = z.object({
  status: z.enum(['done', 'partly', 'not_done']),
  comment: z
    .string()
    .trim()
    .max(GOAL_REVIEW_COMMENT_MAX, `Review comments are at most ${GOAL_REVIEW_COMMENT_MAX} characters`)
    .default(''),
});
export type GoalReviewInput = z.infer<typeof goalReviewSchema>;

const reason = z
  .string()
  .trim()
  .min(1, 'Say why')
  .max(GOAL_CHANGE_REASON_MAX, `Reasons are at most ${GOAL_CHANGE_REASON_MAX} characters`);

export const goalDropSchema = z.object({ reason });
export const goalRewordSchema = z.object({ text: goalCreateSchema.shape.text, reason });
export type GoalDropInput = z.infer<typeof goalDropSchema>;
export type GoalRewordInput = z.infer<typeof goalRewordSchema>;
