// CSV import and export of KPI figures: one row per KPI and quarter.
//   quarter,kpi,value[,coach_only]
//   2026-Q3,total_revenue,1250000
// Import is all-or-nothing: one bad row and nothing is imported, with every bad row listed,
// so a member never ends up with half a quarter of figures and no idea which half.
import { LIMITS } from '../limits.ts';
import { kpiValueSchema } from './kpiBodies.ts';
import { isQuarter } from './quarters.ts';
import type { KpiDefinition } from './types.ts';

export interface FigureCsvRow {
  quarter: string;
  kpiKey: string;
  value: number;
  coachOnly: boolean;
}

/** `line` is the 1-based line where the record starts; 0 means the file as a whole. */
export interface CsvError {
  line: number;
  message: string;
}

export type FiguresCsvResult = { ok: true; rows: FigureCsvRow[] } | { ok: false; errors: CsvError[] };

export interface CsvRecord {
  line: number;
  cells: string[];
  error?: string;
}

/**
 * RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes; CRLF, LF and
 * lone CR all end a record; a leading UTF-8 BOM is dropped; blank lines are skipped.
 * Malformed records (text after a closing quote, a stray quote, an unclosed quote) carry an
 * error instead of a guess at what was meant.
 */
export function parseCsvRecords(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const record: CsvRecord = { line, cells: [] };
    let cell = '';
    let ended = false;
    while (!ended) {
      const quoted = text[i] === '"';
      if (quoted) {
        // Quoted field: runs to the next quote that isn't doubled.
        const opened = line;
        i++;
        for (;;) {
          if (i >= text.length) {
            record.error ??= `a quoted field opened on line ${opened} is never closed`;
            break;
          }
          const ch = text[i] as string;
          if (ch === '"' && text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else if (ch === '"') {
            i++;
            break;
          } else {
            if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
            cell += ch;
            i++;
          }
        }
      }
      // Unquoted text up to the next comma or line end (after a quoted field it must be empty).
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      const rest = text.slice(start, i);
      if (quoted && rest) record.error ??= `text after a closing quote: "${rest}"`;
      else if (rest.includes('"')) record.error ??= 'a quote inside an unquoted field (quote the whole field and double inner quotes)';
      cell += rest;
      record.cells.push(cell);
      cell = '';
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      ended = true;
    }
    const blank = record.cells.length === 1 && record.cells[0]?.trim() === '' && !record.error;
    if (!blank) records.push(record);
  }
  return records;
}

const REQUIRED = ['quarter', 'kpi', 'value'] as const;
const OPTIONAL = ['coach_only'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const COACH_ONLY: Readonly<Record<string, boolean>> = { true: true, yes: true, '1': true, false: false, no: false, '0': false, '': false };

// Plain numbers only. "1,234,567.50" and "1.234.567,50" mean the same in different locales,
// and guessing wrong imports a figure off by a factor of 1000; a spreadsheet exports plain
// numbers when the cells are formatted as "General" or "Number" without separators.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const PERCENT_NUMBER = /^(-?\d+(?:\.\d+)?)\s*%$/;

function parseValue(raw: string, def: KpiDefinition): number | string {
  const percent = def.unit === 'percent' ? PERCENT_NUMBER.exec(raw) : null;
  const text = percent ? (percent[1] as string) : raw;
  if (!PLAIN_NUMBER.test(text)) {
    return `"${raw}" is not a plain number: use digits, an optional leading minus and a dot for decimals, no thousands separators (e.g. 1234567.50)${def.unit === 'percent' ? ', optionally followed by %' : ''}`;
  }
  const value = Number(text);
  const checked = kpiValueSchema(def).safeParse(value);
  return checked.success ? value : (checked.error.issues[0]?.message ?? `${def.label}: value out of range`);
}

function readHeader(record: CsvRecord | undefined): Map<Column, number> | CsvError {
  const usage = `the first line must be the header quarter,kpi,value (and optionally coach_only)`;
  if (!record) return { line: 0, message: `the file is empty: ${usage}` };
  if (record.error) return { line: record.line, message: record.error };
  const columns = new Map<Column, number>();
  for (const [index, raw] of record.cells.entries()) {
    const name = raw.trim().toLowerCase();
    if (!(REQUIRED as readonly string[]).includes(name) && !(OPTIONAL as readonly string[]).includes(name)) {
      return { line: record.line, message: `unknown column "${raw}": ${usage}` };
    }
    if (columns.has(name as Column)) return { line: record.line, message: `column "${name}" appears twice` };
    columns.set(name as Column, index);
  }
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) return { line: record.line, message: `missing header column ${missing.join(', ')}: ${usage}` };
  return columns;
}

/**
 * Parses and validates a figures CSV against the group's KPIs; every bad row is reported, a
 * row for another quarter than `intoQuarter` (when importing into one) among them.
 */
export function parseFiguresCsv(text: string, kpis: readonly KpiDefinition[], intoQuarter?: string): FiguresCsvResult {
  if (new TextEncoder().encode(text).length > LIMITS.csvMaxBytes) {
    return { ok: false, errors: [{ line: 0, message: `the file is larger than ${LIMITS.csvMaxBytes / 1024} KB` }] };
  }
  const [headerRecord, ...records] = parseCsvRecords(text);
  const columns = readHeader(headerRecord);
  if (!(columns instanceof Map)) return { ok: false, errors: [columns] };
  if (records.length > LIMITS.csvMaxRows) {
    return { ok: false, errors: [{ line: 0, message: `${records.length} rows is more than the ${LIMITS.csvMaxRows} one import may hold` }] };
  }
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const seen = new Map<string, number>();
  const rows: FigureCsvRow[] = [];
  const errors: CsvError[] = [];
  for (const record of records) {
    const fail = (message: string) => errors.push({ line: record.line, message });
    if (record.error) {
      fail(record.error);
      continue;
    }
    if (record.cells.length !== columns.size) {
      fail(`expected ${columns.size} fields, found ${record.cells.length}${record.cells.length > columns.size ? ' (a number with thousands separators?)' : ''}`);
      continue;
    }
    const cell = (c: Column) => (columns.has(c) ? (record.cells[columns.get(c) as number] ?? '').trim() : '');
    const problems: string[] = [];
    const quarter = cell('quarter');
    if (!isQuarter(quarter)) problems.push(`"${quarter}" is not a quarter like 2026-Q4`);
    else if (intoQuarter !== undefined && quarter !== intoQuarter) problems.push(`this row is for ${quarter}, but the import is into ${intoQuarter}`);
    const kpiKey = cell('kpi').toLowerCase();
    const def = byKey.get(kpiKey);
    let value: number | null = null;
    if (!def) problems.push(`unknown KPI "${cell('kpi')}"`);
    else if (def.derived) problems.push(`${def.label} is computed from other KPIs and can't be imported`);
    else {
      const parsed = parseValue(cell('value'), def);
      if (typeof parsed === 'string') problems.push(parsed);
      else value = parsed;
    }
    const coachOnly = COACH_ONLY[cell('coach_only').toLowerCase()];
    if (coachOnly === undefined) problems.push(`coach_only must be true/false, yes/no or 1/0, not "${cell('coach_only')}"`);
    const pair = `${quarter}\u0000${kpiKey}`;
    const first = seen.get(pair);
    if (first !== undefined) problems.push(`${kpiKey} for ${quarter} already appears on line ${first}`);
    else seen.set(pair, record.line);
    if (problems.length > 0 || value === null || coachOnly === undefined) {
      fail(problems.join('; '));
      continue;
    }
    rows.push({ quarter, kpiKey, value, coachOnly });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** Numbers without exponent notation, so the export always re-imports (1e-7 → "0.0000001"). */
function plainNumber(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * One CSV cell. Text starting with = + - @ (or tab / CR) is prefixed with a single quote so a
 * spreadsheet shows it instead of running it as a formula (CSV injection); numbers are written
 * as numbers, a leading minus included. Quoted when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | boolean): string {
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Export in the import format (CRLF line ends as RFC 4180 asks). */
export function figuresToCsv(rows: readonly FigureCsvRow[]): string {
  const lines = ['quarter,kpi,value,coach_only'];
  for (const r of rows) lines.push([csvCell(r.quarter), csvCell(r.kpiKey), csvCell(r.value), csvCell(r.coachOnly)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
