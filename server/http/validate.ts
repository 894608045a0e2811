// zod at the edge: turns a failed parse into bad_request naming the field.
import type { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';

export function parseBody<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw new DomainError('bad_request', `${where}: ${issue?.message ?? 'invalid'}`);
}

/** A path parameter: a failure names the parameter ("quarter: Quarter must look like 2026-Q4"). */
export function parseParam<S extends z.ZodType>(name: string, schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new DomainError('bad_request', `${name}: ${r.error.issues[0]?.message ?? 'invalid'}`);
}
