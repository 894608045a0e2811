// The company an invite names (a companion group's member works for it), as request bodies take
// it: the invite link's, the bulk invitation's. Alone with zod so shared/api.ts, which the invite
// pages load, takes it without groupKindBodies.ts and the company and segment lists it brings.
import { z } from 'zod';

/** A company of the parent group, by id; whether the invite may or must name one: checkCompanionInvite. */
export const companionInviteFields = { companyId: z.string().min(1).max(64).optional() };
