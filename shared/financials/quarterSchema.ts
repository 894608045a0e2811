// The zod schema of a quarter field in requests and forms, apart from quarters.ts so the pages
// that only show or step quarters (the meeting, the wall, the recap) do not bring zod in.
import { z } from 'zod';
import { isQuarter, QUARTER_MAX_YEAR, QUARTER_MIN_YEAR } from './quarters.ts';

/** zod schema for a quarter field in requests and forms. */
export const quarterSchema = z
  .string()
  .refine(isQuarter, `Quarter must look like 2026-Q4 (years ${QUARTER_MIN_YEAR}..${QUARTER_MAX_YEAR})`);
