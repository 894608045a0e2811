import { describe, expect, it } from 'vitest';
import { csvLineErrors, HttpError } from './http.ts';

describe('csvLineErrors', () => {
  it('lists every bad line the server named', () => {
    const err = new HttpError(400, 'bad_request', 'The CSV has 2 bad lines', {
      errors: [
        { line: 2, message: 'Unknown KPI "revenu"' },
        { line: 4, message: 'gross_margin_pct: q1 <= median <= q3 does not hold' },
      ],
    });
    expect(csvLineErrors(err)).toEqual([
      { line: 2, message: 'Unknown KPI "revenu"' },
      { line: 4, message: 'gross_margin_pct: q1 <= median <= q3 does not hold' },
    ]);
  });

  it('is empty for an error without lines, or not from the API', () => {
    expect(csvLineErrors(new HttpError(403, 'forbidden', 'No'))).toEqual([]);
    expect(csvLineErrors(new HttpError(400, 'bad_request', 'Bad', { errors: 'nope' }))).toEqual([]);
    expect(csvLineErrors(new Error('offline'))).toEqual([]);
  });

  it('skips entries without a message', () => {
    expect(csvLineErrors(new HttpError(400, 'bad_request', 'Bad', { errors: [{ line: 1 }, null, { line: 3, message: 'x' }] }))).toEqual([{ line: 3, message: 'x' }]);
  });
});
