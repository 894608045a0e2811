import { describe, expect, it } from 'vitest';
import { customKpiSchema, kpiValueSchema } from './kpiBodies.ts';
import { DEFAULT_KPIS, customKpiDefinition, customKpiKey, deriveFigures, formatKpiByKey, formatKpiValue } from './kpis.ts';
import type { KpiDefinition } from './types.ts';

const def = (key: string): KpiDefinition => {
  const found = DEFAULT_KPIS.find((k) => k.key === key);
  if (!found) throw new Error(`no KPI ${key}`);
  return found;
};

describe('DEFAULT_KPIS', () => {
  it('holds the IT-service set with unique keys, network-wide', () => {
    const keys = DEFAULT_KPIS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'total_revenue', 'recurring_revenue', 'recurring_share', 'gross_margin_pct', 'net_profit_pct',
      'cash_on_hand', 'ar_days', 'headcount', 'revenue_per_employee', 'new_clients', 'lost_clients',
    ]);
    expect(DEFAULT_KPIS.every((k) => k.groupId === null)).toBe(true);
  });

  it('marks lower-is-better KPIs and the derived ones', () => {
    expect(DEFAULT_KPIS.filter((k) => k.direction === 'lower').map((k) => k.key)).toEqual(['ar_days', 'lost_clients']);
    expect(DEFAULT_KPIS.filter((k) => k.derived).map((k) => k.key)).toEqual(['recurring_share', 'revenue_per_employee']);
    expect(def('gross_margin_pct')).toMatchObject({ unit: 'percent', decimals: 1 });
    expect(def('total_revenue')).toMatchObject({ unit: 'currency', decimals: 0 });
  });
});

describe('deriveFigures', () => {
  it('computes recurring share and revenue per employee when inputs are present', () => {
    const out = deriveFigures({ total_revenue: 2_000_000, recurring_revenue: 850_000, headcount: 16 });
    expect(out.recurring_share).toBeCloseTo(42.5);
    expect(out.revenue_per_employee).toBe(125_000);
    expect(out.total_revenue).toBe(2_000_000);
  });

  it('leaves a derived figure out when an input is missing or the denominator is zero', () => {
    expect(deriveFigures({ recurring_revenue: 10 })).toEqual({ recurring_revenue: 10 });
    expect(deriveFigures({ total_revenue: 0, recurring_revenue: 0, headcount: 0 })).toEqual({ total_revenue: 0, recurring_revenue: 0, headcount: 0 });
    expect(deriveFigures({ total_revenue: 100, headcount: 0 })).not.toHaveProperty('revenue_per_employee');
  });

  it('replaces derived values that were passed in instead of trusting them', () => {
    expect(deriveFigures({ recurring_share: 99 })).toEqual({});
    expect(deriveFigures({ total_revenue: 100, recurring_revenue: 25, recurring_share: 99 }).recurring_share).toBe(25);
  });
});

describe('custom KPIs', () => {
  it('slugs labels into custom_ keys', () => {
    expect(customKpiKey('Cloud revenue (€)')).toBe('custom_cloud_revenue');
    expect(customKpiKey('  Umsatz Größe Ärzte  ')).toBe('custom_umsatz_grosse_arzte');
    expect(customKpiKey('€€€')).toBe('custom_kpi');
  });

  it('avoids keys already taken', () => {
    expect(customKpiKey('NPS', ['custom_nps'])).toBe('custom_nps_2');
    expect(customKpiKey('NPS', ['custom_nps', 'custom_nps_2'])).toBe('custom_nps_3');
  });

  it('validates the custom KPI form', () => {
    expect(customKpiSchema.safeParse({ label: 'NPS', unit: 'count', direction: 'higher', decimals: 0 }).success).toBe(true);
    expect(customKpiSchema.safeParse({ label: '  ', unit: 'count', direction: 'higher', decimals: 0 }).success).toBe(false);
    expect(customKpiSchema.safeParse({ label: 'x'.repeat(61), unit: 'count', direction: 'higher', decimals: 0 }).success).toBe(false);
    expect(customKpiSchema.safeParse({ label: 'NPS', unit: 'score', direction: 'higher', decimals: 0 }).success).toBe(false);
    expect(customKpiSchema.safeParse({ label: 'NPS', unit: 'count', direction: 'up', decimals: 0 }).success).toBe(false);
    expect(customKpiSchema.safeParse({ label: 'NPS', unit: 'count', direction: 'higher', decimals: 5 }).success).toBe(false);
    expect(customKpiSchema.safeParse({ label: 'NPS', unit: 'count', direction: 'higher', decimals: 1.5 }).success).toBe(false);
  });

  it('builds a group-owned, non-derived definition', () => {
    const input = customKpiSchema.parse({ label: ' Utilisation ', unit: 'percent', direction: 'higher', decimals: 1 });
    expect(customKpiDefinition(input, 'g1')).toEqual({
      key: 'custom_utilisation', label: 'Utilisation', unit: 'percent', direction: 'higher', decimals: 1, derived: false, groupId: 'g1',
    });
  });
});

describe('formatKpiValue', () => {
  it('formats each unit', () => {
    expect(formatKpiValue(def('gross_margin_pct'), 42.5)).toBe('42.5 %');
    expect(formatKpiValue(def('gross_margin_pct'), -3)).toBe('-3.0 %');
    expect(formatKpiValue(def('ar_days'), 45)).toBe('45 d');
    expect(formatKpiValue(def('headcount'), 1234)).toBe('1,234');
    expect(formatKpiValue(def('total_revenue'), 1_234_567.4)).toBe('€1,234,567');
    expect(formatKpiValue(def('total_revenue'), 1_234_567, 'EUR', 'en', 'compact')).toBe('€1.2M');
    expect(formatKpiValue(def('total_revenue'), 1_234_567, 'USD', 'en', 'compact')).toBe('$1.2M');
    // A round figure has no trailing ".0", whichever ICU the runtime has (Node and Chromium differ).
    expect(formatKpiValue(def('total_revenue'), 2_000_000, 'EUR', 'en', 'compact')).toBe('€2M');
    expect(formatKpiByKey('total_revenue', 250_000)).toBe('€250K');
    expect(formatKpiByKey('custom_nps', 1234.5)).toBe('1,234.5');
    expect(formatKpiByKey('custom_nps', null)).toBe('–');
  });

  it('follows the locale', () => {
    expect(formatKpiValue(def('gross_margin_pct'), 42.5, 'EUR', 'de')).toBe('42,5 %');
    expect(formatKpiValue(def('total_revenue'), 1_234_567, 'EUR', 'de')).toBe('1.234.567\u00a0€');
  });

  it('shows a dash, never zero, for a missing figure', () => {
    expect(formatKpiValue(def('total_revenue'), null)).toBe('–');
    expect(formatKpiValue(def('total_revenue'), Number.NaN)).toBe('–');
  });
});

describe('kpiValueSchema', () => {
  const check = (key: string, value: unknown) => {
    const r = kpiValueSchema(def(key)).safeParse(value);
    return r.success ? 'ok' : r.error.issues[0]?.message;
  };

  it('bounds percentages to -1000..1000', () => {
    expect(check('gross_margin_pct', 1000)).toBe('ok');
    expect(check('gross_margin_pct', -1000)).toBe('ok');
    expect(check('gross_margin_pct', 1000.1)).toBe('Gross margin must be between -1000 % and 1000 %');
    expect(check('gross_margin_pct', -1001)).toContain('Gross margin');
  });

  it('takes counts as non-negative whole numbers', () => {
    expect(check('headcount', 0)).toBe('ok');
    expect(check('headcount', 12.5)).toBe('Headcount must be a whole number');
    expect(check('lost_clients', -1)).toBe("Lost clients can't be negative");
  });

  it('bounds days to 0..3650', () => {
    expect(check('ar_days', 3650)).toBe('ok');
    expect(check('ar_days', 3651)).toBe('Accounts receivable days must be between 0 and 3650 days');
    expect(check('ar_days', -1)).toContain('Accounts receivable days');
  });

  it('takes currency within ±1e12 and refuses non-finite numbers', () => {
    expect(check('cash_on_hand', -250_000)).toBe('ok');
    expect(check('cash_on_hand', 1e12)).toBe('ok');
    expect(check('cash_on_hand', 1e12 + 1)).toContain('Cash on hand');
    expect(check('cash_on_hand', Number.POSITIVE_INFINITY)).toBe('Cash on hand must be a finite number');
    expect(check('cash_on_hand', Number.NaN)).toBe('Cash on hand must be a finite number');
    expect(check('cash_on_hand', '100')).toBe('Cash on hand must be a finite number');
  });
});
