// zod schemas of KPI input: a group's own KPI, and one entered value checked against its
// unit's bounds. Apart from kpis.ts so the pages that only show figures (the meeting, the wall,
// the recap) do not bring zod into their bundle.
import { z } from 'zod';
import { KPI_VALUE_BOUNDS } from './kpis.ts';
import type { KpiDefinition } from './types.ts';

/** A group's own KPI as entered by the coach or facilitator. */
export const customKpiSchema = z.object({
  label: z.string().trim().min(1, 'Give the KPI a name').max(60, 'KPI names are at most 60 characters'),
  unit: z.enum(['currency', 'percent', 'count', 'days']),
  direction: z.enum(['higher', 'lower']),
  decimals: z.number().int().min(0).max(4),
});
export type CustomKpiInput = z.infer<typeof customKpiSchema>;

/** zod schema for one entered value of `def`; every message names the KPI. */
export function kpiValueSchema(def: Pick<KpiDefinition, 'label' | 'unit'>): z.ZodNumber {
  const { min, max, integer } = KPI_VALUE_BOUNDS[def.unit];
  const base = z.number({ error: `${def.label} must be a finite number` });
  if (integer) {
    return base.int(`${def.label} must be a whole number`).min(min, `${def.label} can't be negative`).max(max, `${def.label} is too large`);
  }
  const range = def.unit === 'percent' ? `${min} % and ${max} %` : def.unit === 'days' ? `${min} and ${max} days` : 'minus and plus one trillion';
  const message = `${def.label} must be between ${range}`;
  return base.min(min, message).max(max, message);
}
