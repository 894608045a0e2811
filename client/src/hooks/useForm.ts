// The plumbing every form here shares: text fields bound by name, validation with the
// shared zod schemas, and a submit that shows busy state and the server's error message.
import { useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../api/http.ts';

/** Parses with a shared schema; throws the first issue's message so `run` shows it. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `${String(issue.path[0])}: ` : '';
  throw new Error(issue ? `${field}${issue.message}` : 'Please check the form.');
}

export function useSubmit(describe: (err: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Form state as one record of strings; `bind('email')` gives an input its value and onChange. */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const bind = (key: keyof T & string) => ({
    value: values[key],
    onChange: (e: ChangeEvent<Control>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  return { values, bind, setValues };
}
