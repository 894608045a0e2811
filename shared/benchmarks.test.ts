import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './financials/csv.ts';
import { parseReferenceCsv } from './benchmarks.ts';

const keys = new Set(['gross_margin_pct', 'ar_days']);
const parse = (csv: string) => parseReferenceCsv(parseCsvRecords(csv), keys);

describe('parseReferenceCsv', () => {
  it('reads quartiles per KPI', () => {
    expect(parse('kpi,q1,median,q3\ngross_margin_pct,35,42.5,48\nar_days,30,41,55\n')).toEqual({
      values: [{ kpiKey: 'gross_margin_pct', q1: 35, median: 42.5, q3: 48 }, { kpiKey: 'ar_days', q1: 30, median: 41, q3: 55 }],
      errors: [],
    });
  });
  it('names every bad line', () => {
    expect(parse('kpi,q1,median,q3\nnope,1,2,3\ngross_margin_pct,50,40,60\nar_days,x,2,3\nar_days,1,2,3\nar_days,1,2,3\n').errors.map((e) => e.line)).toEqual([2, 3, 4, 6]);
  });
  it('wants the header and at least one row', () => {
    expect(parse('a,b\n').errors[0]?.message).toContain('header');
    expect(parse('kpi,q1,median,q3\n').errors[0]?.message).toContain('no KPI rows');
  });
});
