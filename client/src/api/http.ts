// Typed fetch wrapper for the JSON API: same-origin cookies, JSON in and out, and one error
// type carrying the API's {error:{code,message}} so views can show the server's own words.
import type { ErrorBody } from '../../../shared/errors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The API's `error.details`, e.g. {errors:[{line,message}]} for a refused CSV. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new HttpError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = isErrorBody(data) ? data.error : null;
    throw new HttpError(res.status, err?.code ?? 'internal', err?.message ?? `Request failed (${res.status}).`, err?.details);
  }
  return data as T;
}

function isErrorBody(data: unknown): data is ErrorBody {
  return typeof data === 'object' && data !== null && 'error' in data && typeof (data as ErrorBody).error?.message === 'string';
}

export const http = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

/** A message fit for an alert, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof HttpError) return err.message;
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

export interface CsvLineError {
  line: number;
  message: string;
}

/** Every bad line a refused CSV names (`error.details.errors`; line 0 is the whole file). */
export function csvLineErrors(err: unknown): CsvLineError[] {
  const errors = err instanceof HttpError ? err.details?.errors : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is CsvLineError => typeof e === 'object' && e !== null && typeof (e as CsvLineError).message === 'string');
}
