// Forgotten password: ask for a link by address (the answer never says whether it exists),
// then choose a new password from the link in the mail.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { HttpError } from '../api/http.ts';
import { mailApi } from '../api/mail.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useFields, useSubmit } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';

export function ForgotPasswordPage() {
  const { values, bind } = useFields({ email: '' });
  const { busy, error, setError, run } = useSubmit();
  const [sent, setSent] = useState(false);
  useTitle('Forgot password');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await mailApi.requestReset(values.email);
      setSent(true);
    });
  };
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      {sent ? (
        <p className="card" role="status">
          If an account exists for {values.email}, a link to choose a new password is on its way. It works once, for an hour.
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit}>
          <Field label="Email">
            <input required type="email" autoComplete="username" {...bind('email')} />
          </Field>
          <Alert message={error} onDismiss={() => setError(null)} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { values, bind } = useFields({ password: '' });
  const { busy, error, setError, run } = useSubmit((err) =>
    err instanceof HttpError && err.status === 410 ? 'This link is used up or has expired. Ask for a new one.' : String((err as Error).message),
  );
  const [done, setDone] = useState(false);
  useTitle('Choose a new password');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await mailApi.confirmReset(token, values.password);
      setDone(true);
    });
  };
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {done ? (
        <p className="card" role="status">
          Your password is changed and you are signed out everywhere. <Link to="/login">Sign in</Link> with the new one.
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit}>
          <Field label="New password (at least 10 characters)">
            <input required minLength={10} type="password" autoComplete="new-password" {...bind('password')} />
          </Field>
          <Alert message={error} onDismiss={() => setError(null)} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Set password'}
          </button>
          {error && <Link to="/forgot-password">Ask for a new link</Link>}
        </form>
      )}
    </div>
  );
}
