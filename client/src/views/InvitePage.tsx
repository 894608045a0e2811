// /invite/:token: see which group the link is for, then join as yourself or with a new account.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInviteBody } from '../../../shared/api.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { errorMessage, HttpError } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { ROLE_LABEL } from '../lib/labels.ts';
import { useStore } from '../store/index.ts';

function acceptError(err: unknown): string {
  if (err instanceof HttpError && err.code === 'conflict') return 'An account with this email exists already. Sign in first, then open the link again.';
  if (err instanceof HttpError && err.code === 'group_full') return `This group already has ${LIMITS.maxCompaniesPerGroup} member companies.`;
  return errorMessage(err);
}

export function InvitePage() {
  const { token = '' } = useParams();
  const preview = useStore((s) => s.invitePreview);
  const previewError = useStore((s) => s.invitePreviewError);
  const loadInvitePreview = useStore((s) => s.loadInvitePreview);
  const me = useStore((s) => s.me);
  const acceptInvite = useStore((s) => s.acceptInvite);
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', email: '', password: '', company: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle('Invitation');

  useEffect(() => {
    void loadInvitePreview(token);
  }, [token, loadInvitePreview]);

  const needsCompany = preview?.role === 'member';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = me
      ? { company: needsCompany ? form.company : undefined }
      : { name: form.name, email: form.email, password: form.password, company: needsCompany ? form.company : undefined };
    const parsed = acceptInviteBody.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Please check the form.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await acceptInvite(token, parsed.data);
      navigate('/', { replace: true });
    } catch (err) {
      setError(acceptError(err));
      setBusy(false);
    }
  };

  const bind = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  return (
    <div className="narrow">
      <h1>You're invited</h1>
      {previewError && <Alert message={previewError} />}
      {!preview && !previewError && <p className="loading">Loading invitation…</p>}
      {preview && (
        <>
          <p className="lede">
            Join <strong>{preview.groupName}</strong> in {preview.networkName} as <strong>{ROLE_LABEL[preview.role].toLowerCase()}</strong>.
          </p>
          <form className="card form" onSubmit={onSubmit}>
            {me ? (
              <p>
                You will join as <strong>{me.user.name}</strong> ({me.user.email}).
              </p>
            ) : (
              <>
                <p>
                  Create your account, or <Link to={`/login?next=${encodeURIComponent(`/invite/${token}`)}`}>sign in</Link> if you have one.
                </p>
                <Field label="Your name">
                  <input required autoComplete="name" {...bind('name')} />
                </Field>
                <Field label="Email">
                  <input required type="email" autoComplete="email" {...bind('email')} />
                </Field>
                <Field label="Password" hint={`At least ${LIMITS.passwordMinLength} characters.`}>
                  <input required type="password" minLength={LIMITS.passwordMinLength} autoComplete="new-password" {...bind('password')} />
                </Field>
              </>
            )}
            {needsCompany && (
              <Field label="Company" hint="The company you represent in the group.">
                <input required autoComplete="organization" {...bind('company')} />
              </Field>
            )}
            <Alert message={error} onDismiss={() => setError(null)} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {me ? 'Accept invite' : 'Create account and join'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
