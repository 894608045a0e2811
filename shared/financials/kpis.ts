// The KPIs IT service companies share at the financial review, derived figures, custom KPIs,
// display formatting and the bounds of a value per unit. The zod schemas (a custom KPI, an
// entered value) are in kpiBodies.ts, so pages that only show figures do not load zod.
import type { CustomKpiInput } from './kpiBodies.ts';
import type { KpiDefinition, KpiDirection, KpiUnit } from './types.ts';

export type { CustomKpiInput } from './kpiBodies.ts';

const kpi = (key: string, label: string, unit: KpiUnit, direction: KpiDirection, decimals: number, derived = false): KpiDefinition => ({
  key,
  label,
  unit,
  direction,
  decimals,
  derived,
  groupId: null,
});

/** Network defaults, in the order the financial review walks through them. */
export const DEFAULT_KPIS: readonly KpiDefinition[] = [
  kpi('total_revenue', 'Total revenue', 'currency', 'higher', 0),
  kpi('recurring_revenue', 'Recurring revenue (managed services)', 'currency', 'higher', 0),
  kpi('recurring_share', 'Recurring revenue share', 'percent', 'higher', 1, true),
  kpi('gross_margin_pct', 'Gross margin', 'percent', 'higher', 1),
  kpi('net_profit_pct', 'Net profit / EBITDA margin', 'percent', 'higher', 1),
  kpi('cash_on_hand', 'Cash on hand', 'currency', 'higher', 0),
  // Days sales are outstanding: fewer days means clients pay sooner.
  kpi('ar_days', 'Accounts receivable days', 'days', 'lower', 0),
  kpi('headcount', 'Headcount', 'count', 'higher', 0),
  kpi('revenue_per_employee', 'Revenue per employee', 'currency', 'higher', 0, true),
  kpi('new_clients', 'New clients', 'count', 'higher', 0),
  kpi('lost_clients', 'Lost clients', 'count', 'lower', 0),
];

/** How each derived KPI is computed: numerator / denominator * scale. */
export const DERIVED_KPIS: Readonly<Record<string, { numerator: string; denominator: string; scale: number }>> = {
  recurring_share: { numerator: 'recurring_revenue', denominator: 'total_revenue', scale: 100 },
  revenue_per_employee: { numerator: 'total_revenue', denominator: 'headcount', scale: 1 },
};

/**
 * One member's figures for one quarter (kpi key → value) plus every derived KPI whose inputs
 * are present, finite and whose denominator is not zero. Derived values passed in are
 * recomputed or dropped: they can't be entered, so only the computed value counts.
 */
export function deriveFigures(values: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...values };
  for (const [key, { numerator, denominator, scale }] of Object.entries(DERIVED_KPIS)) {
    delete out[key];
    const top = values[numerator];
    const bottom = values[denominator];
    if (top === undefined || bottom === undefined || !Number.isFinite(top) || !Number.isFinite(bottom) || bottom === 0) continue;
    out[key] = (top / bottom) * scale;
  }
  return out;
}

const KEY_SLUG_MAX = 40;

/**
 * "Cloud revenue (€)" → "custom_cloud_revenue". ASCII-only so keys are safe in URLs, CSV and
 * SQL column values. Pass the keys already taken to get "_2", "_3"... instead of a collision.
 */
export function customKpiKey(label: string, taken: Iterable<string> = []): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, KEY_SLUG_MAX)
    .replace(/_+$/, '');
  const base = `custom_${slug || 'kpi'}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** Builds the stored definition of a validated custom KPI. */
export function customKpiDefinition(input: CustomKpiInput, groupId: string, takenKeys: Iterable<string> = []): KpiDefinition {
  return { ...input, key: customKpiKey(input.label, takenKeys), derived: false, groupId };
}

export type KpiFormatStyle = 'full' | 'compact';

/**
 * Display text for a figure: "42.5 %", "€1,234,568" (full) or "€1.2M" (compact, for the
 * projector), "45 d", "17". null or non-finite → "–" so an empty cell never reads as zero.
 */
export function formatKpiValue(
  def: Pick<KpiDefinition, 'unit' | 'decimals'>,
  value: number | null,
  currency = 'EUR',
  locale = 'en',
  style: KpiFormatStyle = 'full',
): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const fixed = { minimumFractionDigits: def.decimals, maximumFractionDigits: def.decimals };
  switch (def.unit) {
    case 'currency':
      return style === 'compact'
        ? new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value)
        : new Intl.NumberFormat(locale, { style: 'currency', currency, ...fixed }).format(value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, fixed).format(value)} %`;
    case 'days':
      return `${new Intl.NumberFormat(locale, fixed).format(value)} d`;
    case 'count':
      return new Intl.NumberFormat(locale, fixed).format(value);
  }
}

/** A standard KPI's figure by key, compact ("€1.2M"); a group's own KPI as a plain number. */
export function formatKpiByKey(kpiKey: string, value: number | null, currency = 'EUR', locale = 'en'): string {
  const def = DEFAULT_KPIS.find((k) => k.key === kpiKey);
  if (def) return formatKpiValue(def, value, currency, locale, 'compact');
  return value === null || !Number.isFinite(value) ? '–' : new Intl.NumberFormat(locale).format(value);
}

/** Bounds per unit: wide enough for any real company, narrow enough to catch a slipped key. */
export const KPI_VALUE_BOUNDS: Readonly<Record<KpiUnit, { min: number; max: number; integer: boolean }>> = {
  // A margin of -1000 % is already a company in free fall; beyond is a unit mistake (cents vs %).
  percent: { min: -1000, max: 1000, integer: false },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  // Ten years of receivables is a write-off, not a figure.
  days: { min: 0, max: 3650, integer: false },
  // A trillion in any currency is no peer-group member.
  currency: { min: -1e12, max: 1e12, integer: false },
};
