// First run: create the first network and its organiser account.
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { setupBody } from '../../../shared/api.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { errorMessage } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

export function SetupPage() {
  const setupNeeded = useStore((s) => s.setupNeeded);
  const setup = useStore((s) => s.setup);
  const navigate = useNavigate();
  const [form, setForm] = useState({ networkName: '', name: '', email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle('Set up');

  if (setupNeeded === false) return <Navigate to="/" replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = setupBody.safeParse(form);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please check the form.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setup(parsed.data);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <div className="narrow">
      <h1>Set up Peerboard</h1>
      <p className="lede">Create your network and your organiser account. You can invite coaches and members next.</p>
      <form className="card form" onSubmit={onSubmit}>
        <Field label="Network name" hint="The organisation that runs your peer groups.">
          <input required autoComplete="organization" {...bind('networkName')} />
        </Field>
        <Field label="Your name">
          <input required autoComplete="name" {...bind('name')} />
        </Field>
        <Field label="Email">
          <input required type="email" autoComplete="email" {...bind('email')} />
        </Field>
        <Field label="Password" hint={`At least ${LIMITS.passwordMinLength} characters.`}>
          <input required type="password" minLength={LIMITS.passwordMinLength} autoComplete="new-password" {...bind('password')} />
        </Field>
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create network'}
        </button>
      </form>
    </div>
  );
}
