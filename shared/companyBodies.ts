// Request bodies about companies (zod): a profile, proposing a company to a group, the decision
// on an overlap. Apart from companies.ts so pages that only need its constants and checks (and
// the shared access rules every page loads) do not bring zod into the first bundle.
import { z } from 'zod';
import { BUSINESS_MODELS, REVENUE_BANDS, SIZE_BANDS } from './companies.ts';

const label = z.string().trim().min(1).max(80);

export const companyProfileBody = z.object({
  name: label,
  sizeBand: z.enum(SIZE_BANDS),
  revenueBand: z.enum(REVENUE_BANDS),
  /** Who the company serves, e.g. "healthcare", "legal", "manufacturing". */
  vertical: label,
  businessModel: z.enum(BUSINESS_MODELS),
  /** Where it sells, e.g. "Zurich", "Bavaria", "DACH". */
  territory: label,
  /** The tools it runs on (PSA, RMM, ...). */
  tools: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type CompanyProfileBody = z.infer<typeof companyProfileBody>;

export const proposeCompanyBody = z.object({ companyId: z.string().min(1).max(64) });
export const companyDecisionBody = z.object({
  decision: z.enum(['invite', 'decline']),
  /** Why: the record the group reads later ("different customers: public sector vs. SMB"). */
  reason: z.string().trim().min(1, 'Say why').max(500),
});
