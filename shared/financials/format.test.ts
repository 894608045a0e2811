import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS, formatKpiByKey, formatKpiValue } from './kpis.ts';
import { effectiveCurrency, formatFigureInput, formatKpiChange, isCurrencyCode, parseFigureInput, pointsChange } from './format.ts';

const percent = { unit: 'percent' } as const;
const money = { unit: 'currency' } as const;
const view = (qoq: number | null, qoqPoints: number | null) => ({ qoq, yoy: null, qoqPoints, yoyPoints: null });

describe('pp vs % changes', () => {
  it.each([
    // [unit, relative change, points, expected]
    ['gross margin 44.8 % -> 52.5 % reads in points, not +17.2 %', percent, 0.171875, 7.7, '+7.7 pp'],
    ['a falling margin', percent, -0.1, -3.34, '-3.3 pp'],
    ['an unchanged margin has no sign', percent, 0, 0, '0 pp'],
    ['whole points need no decimal', percent, 0.2, 8, '+8 pp'],
    ['revenue reads as a relative change', money, 0.172, null, '+17.2 %'],
    ['a fall', money, -0.04, null, '-4 %'],
  ] as const)('%s', (_name, def, qoq, points, expected) => {
    expect(formatKpiChange(def, view(qoq, points), 'qoq', 'en')).toBe(expected);
  });

  it('shows a dash when there is no base, never 0', () => {
    expect(formatKpiChange(percent, view(null, null), 'qoq')).toBe('–');
    expect(formatKpiChange(money, view(null, null), 'qoq')).toBe('–');
  });

  it('a percent KPI never falls back to the relative change', () => {
    expect(formatKpiChange(percent, view(0.17, null), 'qoq')).toBe('–');
  });

  it('YoY reads its own fields', () => {
    expect(formatKpiChange(percent, { qoq: null, yoy: null, qoqPoints: null, yoyPoints: 2.5 }, 'yoy')).toBe('+2.5 pp');
  });

  it('in the viewer locale', () => {
    expect(formatKpiChange(percent, view(0.17, 7.7), 'qoq', 'de-DE')).toBe('+7,7 pp');
  });

  it('pointsChange is value minus base', () => {
    expect(pointsChange(52.5, 44.8)).toBeCloseTo(7.7);
    expect(pointsChange(5, null)).toBeNull();
    expect(pointsChange(5, 0)).toBe(5);
  });
});

describe('currency formatting', () => {
  const revenue = DEFAULT_KPIS.find((k) => k.key === 'total_revenue')!;
  it.each([
    ['EUR', 'en', '€1,117,649'],
    ['USD', 'en', '$1,117,649'],
    ['CHF', 'de-CH', "CHF 1'117'649"],
    ['EUR', 'de-DE', '1.117.649 €'],
    ['GBP', 'en-GB', '£1,117,649'],
  ])('%s in %s', (currency, locale, expected) => {
    expect(formatKpiValue(revenue, 1117649, currency, locale).replace(/\u00a0/g, ' ').replace(/\u2019/g, "'")).toBe(expected);
  });

  it('compact for the wall, in the currency given', () => {
    expect(formatKpiValue(revenue, 1_234_567, 'USD', 'en', 'compact')).toBe('$1.2M');
    expect(formatKpiByKey('total_revenue', 1_234_567, 'GBP', 'en')).toBe('£1.2M');
  });

  it('thousands separators on every unit', () => {
    expect(formatKpiValue({ unit: 'count', decimals: 0 }, 12345, 'EUR', 'en')).toBe('12,345');
  });

  it('the group override wins over the network, EUR when neither says', () => {
    expect(effectiveCurrency({ currency: 'CHF' }, { currency: 'USD' })).toBe('CHF');
    expect(effectiveCurrency({ currency: null }, { currency: 'USD' })).toBe('USD');
    expect(effectiveCurrency({}, null)).toBe('EUR');
  });

  it('accepts ISO 4217 codes only', () => {
    expect(isCurrencyCode('CHF')).toBe(true);
    expect(isCurrencyCode('chf')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });
});

describe('figure inputs with thousands separators', () => {
  it.each([
    ['en', 1117649, '1,117,649'],
    ['de-DE', 1117649.5, '1.117.649,5'],
    ['en', -2500.25, '-2,500.25'],
  ])('%s shows %d as %s and reads it back', (locale, value, text) => {
    expect(formatFigureInput(value, locale)).toBe(text);
    expect(parseFigureInput(text, locale)).toBe(value);
  });

  it.each([
    ['en', '1117649', 1117649],
    ['en', '44,8', 44.8],
    ['en', ' 1,500 ', 1500],
    ['de-DE', '12.5', 12.5],
    ['de-DE', '12.500', 12500],
    ['fr-FR', '1 117 649,5', 1117649.5],
    ['fr-FR', '1\u202f117\u202f649', 1117649],
    ['de-CH', "1'117'649.5", 1117649.5],
    ['en', '\u22125', -5],
    ['en', '', null],
  ] as const)('%s reads %j as %s', (locale, text, value) => {
    expect(parseFigureInput(text, locale)).toBe(value);
  });

  it.each([['en', '1,2,3'], ['en', '12abc'], ['en', '1,117,64'], ['de-DE', '1.1.1'], ['en', '--5']])('%s refuses %j', (locale, text) => {
    expect(parseFigureInput(text, locale)).toBeNaN();
  });
});
