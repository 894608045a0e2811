// First run: create the first network and its organiser account.
import type { FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { setupBody } from '../../../shared/api.ts';
import { AccountFields } from '../components/AccountFields.tsx';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useFields, useSubmit, validate } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

export function SetupPage() {
  const setupNeeded = useStore((s) => s.setupNeeded);
  const setup = useStore((s) => s.setup);
  const navigate = useNavigate();
  const { values, bind } = useFields({ networkName: '', name: '', email: '', password: '' });
  const { busy, error, setError, run } = useSubmit();
  useTitle('Set up');

  if (setupNeeded === false) return <Navigate to="/" replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await setup(validate(setupBody, values));
      navigate('/', { replace: true });
    });
  };

  return (
    <div className="narrow">
      <h1>Set up Peerboard</h1>
      <p className="lede">Create your network and your organiser account. You can invite coaches and members next.</p>
      <form className="card form" onSubmit={onSubmit}>
        <Field label="Network name" hint="The organisation that runs your peer groups.">
          <input required autoComplete="organization" {...bind('networkName')} />
        </Field>
        <AccountFields bind={bind} />
        <Alert message={error} onDismiss={() => setError(null)} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create network'}
        </button>
      </form>
    </div>
  );
}
