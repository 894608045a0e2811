import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { csvCell, figuresToCsv, parseCsvRecords, parseFiguresCsv, type FigureCsvRow } from './csv.ts';
import { DEFAULT_KPIS } from './kpis.ts';

const parse = (text: string) => parseFiguresCsv(text, DEFAULT_KPIS);
const errorsOf = (text: string) => {
  const r = parse(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('parseCsvRecords (RFC 4180)', () => {
  it('handles quoted commas, newlines, doubled quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n';
    expect(parseCsvRecords(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\r\nlines', 'z'] },
    ]);
  });

  it('numbers records by the line they start on, across quoted line breaks and blank lines', () => {
    const recs = parseCsvRecords('h\n"a\nb\nc"\n\nlast\n\n\n');
    expect(recs.map((r) => [r.line, r.cells])).toEqual([[1, ['h']], [2, ['a\nb\nc']], [6, ['last']]]);
  });

  it('keeps empty fields and a trailing empty field', () => {
    expect(parseCsvRecords('a,,b,\n')[0]?.cells).toEqual(['a', '', 'b', '']);
    expect(parseCsvRecords('"",x')[0]?.cells).toEqual(['', 'x']);
  });

  it('flags malformed quoting instead of guessing', () => {
    expect(parseCsvRecords('"ab"c,d\n')[0]?.error).toMatch(/after a closing quote/);
    expect(parseCsvRecords('ab"c,d\n')[0]?.error).toMatch(/quote inside an unquoted field/);
    expect(parseCsvRecords('x\n"never closed,1\n2\n')[1]).toMatchObject({ line: 2, error: expect.stringMatching(/opened on line 2 is never closed/) });
  });
});

describe('parseFiguresCsv', () => {
  it('imports plain rows, with and without coach_only', () => {
    expect(parse('quarter,kpi,value\n2026-Q3,total_revenue,1250000\n2026-Q3,cash_on_hand,-20000.50\n')).toEqual({
      ok: true,
      rows: [
        { quarter: '2026-Q3', kpiKey: 'total_revenue', value: 1_250_000, coachOnly: false },
        { quarter: '2026-Q3', kpiKey: 'cash_on_hand', value: -20_000.5, coachOnly: false },
      ],
    });
    const r = parse('\uFEFFKPI,Value,Quarter,Coach_Only\r\nheadcount,14,2026-Q2,yes\r\nar_days,41,2026-Q2,0\r\nnew_clients,3,2026-Q2,TRUE\r\nlost_clients,1,2026-Q2,\r\n\r\n');
    expect(r).toEqual({
      ok: true,
      rows: [
        { quarter: '2026-Q2', kpiKey: 'headcount', value: 14, coachOnly: true },
        { quarter: '2026-Q2', kpiKey: 'ar_days', value: 41, coachOnly: false },
        { quarter: '2026-Q2', kpiKey: 'new_clients', value: 3, coachOnly: true },
        { quarter: '2026-Q2', kpiKey: 'lost_clients', value: 1, coachOnly: false },
      ],
    });
  });

  it('accepts quoted fields and a trailing % on percent KPIs only', () => {
    const r = parse('quarter,kpi,value\n"2026-Q3","gross_margin_pct","42.5%"\n2026-Q3,net_profit_pct,-3 %\n');
    expect(r.ok && r.rows.map((x) => x.value)).toEqual([42.5, -3]);
    expect(errorsOf('quarter,kpi,value\n2026-Q3,total_revenue,100%\n')[0]?.message).toMatch(/not a plain number/);
  });

  it('reports every bad row with its line and imports nothing', () => {
    const text = [
      'quarter,kpi,value,coach_only',
      '2026-Q3,total_revenue,1000000,no', // 2 ok
      '2026-Q3,ebitda_eur,5,no', // 3 unknown KPI
      '2026-Q3,recurring_share,40,no', // 4 derived
      '2026-Q5,headcount,12,no', // 5 bad quarter
      '2026-Q3,cash_on_hand,"1,234,567.50",no', // 6 thousands separators
      '2026-Q3,gross_margin_pct,4000,no', // 7 out of range
      '2026-Q3,headcount,12.5,no', // 8 not a whole count
      '2026-Q3,total_revenue,900000,no', // 9 duplicate of line 2
      '2026-Q3,new_clients,3,maybe', // 10 bad coach_only
      '2026-Q3,lost_clients,1,234,no', // 11 field count
      '2026-Q3,ar_days,abc,no', // 12 not a number
      '2026-Q3,ar_days,1e3,no', // 13 exponent is not plain
    ].join('\n');
    const errors = errorsOf(text);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const msg = (line: number) => errors.find((e) => e.line === line)?.message;
    expect(msg(3)).toBe('unknown KPI "ebitda_eur"');
    expect(msg(4)).toMatch(/Recurring revenue share is computed from other KPIs and can't be imported/);
    expect(msg(5)).toMatch(/"2026-Q5" is not a quarter/);
    expect(msg(6)).toMatch(/"1,234,567.50" is not a plain number.*no thousands separators/);
    expect(msg(7)).toBe('Gross margin must be between -1000 % and 1000 %');
    expect(msg(8)).toBe('Headcount must be a whole number');
    expect(msg(9)).toBe('total_revenue for 2026-Q3 already appears on line 2');
    expect(msg(10)).toMatch(/coach_only must be/);
    expect(msg(11)).toMatch(/expected 4 fields, found 5/);
    expect(msg(12)).toMatch(/"abc" is not a plain number/);
    expect(msg(13)).toMatch(/"1e3" is not a plain number/);
  });

  it('combines several problems of one row in one message', () => {
    expect(errorsOf('quarter,kpi,value\nQ3,nope,x\n')).toEqual([{ line: 2, message: '"Q3" is not a quarter like 2026-Q4; unknown KPI "nope"' }]);
  });

  it('reports the start line of a row after a multi-line quoted field', () => {
    expect(errorsOf('quarter,kpi,value\n2026-Q3,"total\nrevenue",1\n2026-Q3,x,1\n').map((e) => e.line)).toEqual([2, 4]);
  });

  it('needs the header', () => {
    expect(errorsOf('2026-Q3,total_revenue,1\n')).toEqual([{ line: 1, message: expect.stringMatching(/unknown column "2026-Q3"/) }]);
    expect(errorsOf('quarter,value\n2026-Q3,1\n')[0]?.message).toMatch(/missing header column kpi/);
    expect(errorsOf('quarter,kpi,value,kpi\n')[0]?.message).toMatch(/appears twice/);
    expect(errorsOf('')[0]).toMatchObject({ line: 0, message: expect.stringMatching(/empty/) });
    expect(errorsOf('\r\n\r\n')[0]?.message).toMatch(/empty/);
  });

  it('a header alone imports zero rows', () => {
    expect(parse('quarter,kpi,value\r\n')).toEqual({ ok: true, rows: [] });
  });

  it('refuses more rows than the limit', () => {
    const quarters = Array.from({ length: 101 }, (_, i) => `${2000 + i}`);
    const lines = ['quarter,kpi,value'];
    for (const y of quarters) for (const q of [1, 2, 3, 4]) for (const k of ['total_revenue', 'headcount', 'ar_days', 'new_clients', 'lost_clients']) lines.push(`${y}-Q${q},${k},1`);
    expect(lines.length - 1).toBeGreaterThan(LIMITS.csvMaxRows);
    expect(errorsOf(lines.join('\n'))).toEqual([{ line: 0, message: `${lines.length - 1} rows is more than the ${LIMITS.csvMaxRows} one import may hold` }]);
    expect(parse(lines.slice(0, LIMITS.csvMaxRows + 1).join('\n')).ok).toBe(true);
  });

  it('refuses files over the byte limit', () => {
    expect(errorsOf(`quarter,kpi,value\n${' '.repeat(LIMITS.csvMaxBytes)}`)[0]).toMatchObject({ line: 0, message: expect.stringMatching(/larger than/) });
  });

  it('validates against the group KPIs, custom ones included', () => {
    const custom = { key: 'custom_nps', label: 'NPS', unit: 'count' as const, direction: 'higher' as const, decimals: 0, derived: false, groupId: 'g' };
    expect(parseFiguresCsv('quarter,kpi,value\n2026-Q3,custom_nps,40\n', [...DEFAULT_KPIS, custom]).ok).toBe(true);
    expect(parseFiguresCsv('quarter,kpi,value\n2026-Q3,custom_nps,40\n', DEFAULT_KPIS).ok).toBe(false);
  });

  it('importing into one quarter, reports a row for another along with every other bad row', () => {
    const csv = 'quarter,kpi,value\n2026-Q3,total_revenue,1.2M\n2026-Q2,headcount,12\n2026-Q3,new_clients,4\n';
    const result = parseFiguresCsv(csv, DEFAULT_KPIS, '2026-Q3');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      { line: 2, message: expect.stringContaining('"1.2M" is not a plain number') },
      { line: 3, message: 'this row is for 2026-Q2, but the import is into 2026-Q3' },
    ]);
    expect(parseFiguresCsv('quarter,kpi,value\n2026-Q3,new_clients,4\n', DEFAULT_KPIS, '2026-Q3').ok).toBe(true);
  });
});

describe('figuresToCsv', () => {
  const rows: FigureCsvRow[] = [
    { quarter: '2026-Q3', kpiKey: 'total_revenue', value: 1_250_000, coachOnly: false },
    { quarter: '2026-Q3', kpiKey: 'cash_on_hand', value: -20_000.5, coachOnly: true },
    { quarter: '2026-Q3', kpiKey: 'gross_margin_pct', value: 1e-7, coachOnly: false },
  ];

  it('writes the import format with CRLF and plain numbers, negatives unprefixed', () => {
    expect(figuresToCsv(rows)).toBe(
      'quarter,kpi,value,coach_only\r\n2026-Q3,total_revenue,1250000,false\r\n2026-Q3,cash_on_hand,-20000.5,true\r\n2026-Q3,gross_margin_pct,0.0000001,false\r\n',
    );
  });

  it('round-trips through the importer', () => {
    expect(parse(figuresToCsv(rows))).toEqual({ ok: true, rows });
  });

  it('guards text cells against formula injection and quotes when needed', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('plain')).toBe('plain');
    const out = figuresToCsv([{ quarter: '2026-Q3', kpiKey: '=cmd|x', value: -5, coachOnly: false }]);
    expect(out.split('\r\n')[1]).toBe("2026-Q3,'=cmd|x,-5,false");
  });
});
