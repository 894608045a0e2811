// Sign in, then go back where the visitor was headed (?next=).
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, HttpError } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useFields, useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { safeNext } from '../lib/labels.ts';
import { useStore } from '../store/index.ts';

function loginError(err: unknown): string {
  if (err instanceof HttpError && err.code === 'invalid_credentials') return 'Wrong email or password. Please try again.';
  if (err instanceof HttpError && err.code === 'rate_limited') return 'Too many attempts. Wait a few minutes, then try again.';
  return errorMessage(err);
}

export function LoginPage() {
  const status = useStore((s) => s.sessionStatus);
  const setupNeeded = useStore((s) => s.setupNeeded);
  const login = useStore((s) => s.login);
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const { values, bind } = useFields({ email: '', password: '' });
  const { busy, error, setError, run } = useSubmit(loginError);
  useTitle('Sign in');

  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await login(values.email, values.password);
      navigate(next, { replace: true });
    });
  };

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <form className="card form" onSubmit={onSubmit}>
        <Field label="Email">
          <input required type="email" autoComplete="username" {...bind('email')} />
        </Field>
        <Field label="Password">
          <input required type="password" autoComplete="current-password" {...bind('password')} />
        </Field>
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <Link to="/forgot-password">Forgot your password?</Link>
      </form>
    </div>
  );
}
