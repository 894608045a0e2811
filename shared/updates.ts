// Pre-meeting updates: before each meeting every member company answers the group's prompts
// (best and worst since last time, what I need from the group, personal news); the check-in
// walks through them member by member and the recap keeps them.
import { z } from 'zod';
import { LIMITS } from './limits.ts';

export interface UpdatePrompt {
  /** Stable key the answers are stored under ("best", "need", or one the group made up). */
  key: string;
  label: string;
}

/** One answer as written: the prompt's wording is kept with it, so a later change of prompts leaves the record as it was. */
export interface UpdateAnswer {
  key: string;
  label: string;
  text: string;
}

export interface MemberUpdate {
  meetingId: string;
  groupId: string;
  userId: string;
  answers: UpdateAnswer[];
  updatedAt: string;
}

/** GET /api/meetings/:id/updates: the prompts to answer and every member company's update so far. */
export interface MeetingUpdates {
  meetingId: string;
  prompts: UpdatePrompt[];
  /** True when the group kept the default prompts. */
  defaultPrompts: boolean;
  updates: (MemberUpdate & { name: string; company: string | null })[];
}

export const DEFAULT_UPDATE_PROMPTS: readonly UpdatePrompt[] = [
  { key: 'best', label: 'Best since last time' },
  { key: 'worst', label: 'Worst since last time' },
  { key: 'need', label: 'What I need from the group' },
  { key: 'personal', label: 'Personal news' },
];

const promptKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Prompt keys are lower-case letters, digits and dashes, starting with a letter');

/** PUT /api/groups/:id/update-prompts; null goes back to the defaults. */
export const updatePromptsBody = z.object({
  prompts: z
    .array(z.object({ key: promptKey, label: z.string().trim().min(1).max(LIMITS.updatePromptMax) }))
    .min(1)
    .max(LIMITS.updatePromptsMax)
    .refine((ps) => new Set(ps.map((p) => p.key)).size === ps.length, 'Each prompt needs its own key')
    .nullable(),
});

/** PUT /api/meetings/:id/updates/mine: answers by prompt key. */
export const memberUpdateBody = z.object({
  answers: z.record(promptKey, z.string().trim().max(LIMITS.updateAnswerMax, `Answers are at most ${LIMITS.updateAnswerMax} characters`)),
});

/** The stored answers for the prompts in force, in their order; null when every answer is empty. */
export function answersFor(prompts: readonly UpdatePrompt[], given: Record<string, string>): UpdateAnswer[] | null {
  const answers = prompts.map((p) => ({ key: p.key, label: p.label, text: (given[p.key] ?? '').trim() }));
  return answers.some((a) => a.text !== '') ? answers : null;
}
