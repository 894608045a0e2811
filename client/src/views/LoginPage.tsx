// Sign in, then go back where the visitor was headed (?next=).
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, HttpError } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useTitle('Sign in');

  if (setupNeeded) return <Navigate to="/setup" replace />;
  if (status === 'signedIn' && !busy) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      navigate(next, { replace: true });
    } catch (err) {
      setError(loginError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <form className="card form" onSubmit={onSubmit}>
        <Field label="Email">
          <input required type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label="Password">
          <input required type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
