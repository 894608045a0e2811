// The request-body schema of a template's hot-seat protocol (zod). Apart from hotseatProtocol.ts
// so the reducer, which every page loads, does not bring zod into the sign-in page's bundle.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { PROTOCOL_PRESETS, protocolProblem, STAGE_KINDS } from './hotseatProtocol.ts';

const stageSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/, 'a stage id is 1-32 lowercase letters, digits or dashes'),
  name: z.string().trim().min(1).max(LIMITS.stageNameMax),
  share: z.number().gt(0).max(1),
  rule: z.string().trim().max(LIMITS.stageRuleMax),
  kind: z.enum(STAGE_KINDS),
});

/** What a template stores: a preset by name, or custom stages (checked: ids unique, shares sum to 1). */
export const protocolChoiceSchema = z.union([
  z.object({ preset: z.enum(PROTOCOL_PRESETS) }),
  z
    .object({ preset: z.literal('custom'), name: z.string().trim().min(1).max(LIMITS.stageNameMax), stages: z.array(stageSchema).min(1).max(LIMITS.protocolStagesMax) })
    .superRefine((p, ctx) => {
      const problem = protocolProblem(p.stages);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['stages'] });
    }),
]);
export type ProtocolChoice = z.infer<typeof protocolChoiceSchema>;
