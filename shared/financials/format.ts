// Numbers as finance people read them: a change of a percentage KPI in points (44.8 % -> 52.5 %
// is "+7.7 pp", not "+17.2 %"), money in the group's currency, thousands separators in views
// and inputs, all through Intl in the viewer's locale.
import type { KpiDefinition, KpiMemberView } from './types.ts';

/** Every currency is the network's (ISO 4217) unless a group sets its own. */
export const DEFAULT_CURRENCY = 'EUR';

/** An ISO 4217 code this runtime can format (Intl's list where it has one, else the shape). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency').includes(code) : true;
}

/** The currency a group's money is in: its own override, else its network's. */
export function effectiveCurrency(group: { currency?: string | null }, network: { currency?: string | null } | null): string {
  return group.currency || network?.currency || DEFAULT_CURRENCY;
}

/** Difference in percentage points (value − base); null when either is missing. */
export function pointsChange(value: number | null | undefined, base: number | null | undefined): number | null {
  if (value == null || base == null || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  return value - base;
}

export type ChangePeriod = 'qoq' | 'yoy';

/**
 * A member's change over a period as read aloud: "+7.7 pp" for a percentage KPI (from the
 * view's points), "+17.2 %" (relative) for every other unit; "–" when there is none.
 */
export function formatKpiChange(
  def: Pick<KpiDefinition, 'unit'>,
  view: Pick<KpiMemberView, 'qoq' | 'yoy'> & Partial<Pick<KpiMemberView, 'qoqPoints' | 'yoyPoints'>>,
  period: ChangePeriod,
  locale = 'en',
): string {
  // One decimal at most, the sign always (a change reads as one), "%" spaced like a percent figure.
  const signed = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n);
  if (def.unit === 'percent') {
    const points = period === 'qoq' ? view.qoqPoints : view.yoyPoints;
    return points == null || !Number.isFinite(points) ? '–' : `${signed(points)} pp`;
  }
  const fraction = period === 'qoq' ? view.qoq : view.yoy;
  return fraction == null || !Number.isFinite(fraction) ? '–' : `${signed(fraction * 100)} %`;
}

/** The figure as an input shows it: grouped ("1,117,649" / "1.117.649"), no unit, no rounding. */
export function formatFigureInput(value: number | null | undefined, locale = 'en'): string {
  if (value == null || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(locale, { useGrouping: true, maximumFractionDigits: 10 }).format(value);
}

interface Separators {
  group: string;
  decimal: string;
}

function separatorsOf(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Spaces (incl. no-break and narrow no-break) and apostrophes people type for a space- or ’-grouping locale. */
const SPACE_LIKE = ' \u00a0\u202f';
const APOSTROPHE_LIKE = "'\u2019";

/**
 * A typed figure in the viewer's locale: "1,117,649.5" (en), "1.117.649,5" (de), "1 117 649,5"
 * (fr), "1'117'649.5" (de-CH). Group separators count only every three digits, so "12.5" in a
 * locale grouping with "." is 12.5, never 125: a lone "." or "," before other than three digits
 * is the decimal point. Anything else is NaN (the form says so); '' → null (no figure).
 */
export function parseFigureInput(text: string, locale = 'en'): number | null {
  const trimmed = text.trim().replace(/^[\u2212\u2013]/, '-');
  if (trimmed === '') return null;
  const { group, decimal } = separatorsOf(locale);
  const groups = SPACE_LIKE.includes(group) ? SPACE_LIKE : APOSTROPHE_LIKE.includes(group) ? APOSTROPHE_LIKE : group;
  const g = `[${escape(groups)}]`;
  const d = escape(decimal);
  const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`);
  const plain = new RegExp(`^([+-]?)(\\d+)(?:[${escape(decimal)}.,](\\d+))?$`);
  const match = grouped.exec(trimmed) ?? plain.exec(trimmed);
  if (!match) return Number.NaN;
  const [, sign, whole, fraction] = match;
  return Number(`${sign}${whole!.replace(new RegExp(g, 'g'), '')}${fraction ? `.${fraction}` : ''}`);
}
