// /invite/:token: see which group the link is for, then join as yourself or with a new account.
import { hasCompany } from '../../../shared/access/index.ts';
import { useEffect, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptInviteBody } from '../../../shared/api.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { errorMessage, HttpError } from '../api/http.ts';
import { AccountFields } from '../components/AccountFields.tsx';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { useFields, useSubmit, validate } from '../hooks/useForm.ts';
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
  const { values: form, bind } = useFields({ name: '', email: '', password: '', company: '' });
  const { busy, error, setError, run } = useSubmit(acceptError);
  useTitle('Invitation');

  useEffect(() => {
    void loadInvitePreview(token);
  }, [token, loadInvitePreview]);

  // A companion group's invite names the company already.
  const needsCompany = hasCompany(preview?.role ?? null) && !preview?.companyName;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const company = needsCompany ? form.company : undefined;
    const body = me ? { company } : { name: form.name, email: form.email, password: form.password, company };
    void run(async () => {
      await acceptInvite(token, validate(acceptInviteBody, body));
      // Straight to the group: its page asks a new member to accept the group's norms first.
      navigate(preview ? `/groups/${preview.groupId}` : '/', { replace: true });
    });
  };

  return (
    <div className="narrow">
      <h1>You're invited</h1>
      {previewError && <Alert message={previewError} />}
      {!preview && !previewError && <p className="loading">Loading invitation…</p>}
      {preview && (
        <>
          <p className="lede">
            Join <strong>{preview.groupName}</strong> in {preview.networkName} as <strong>{ROLE_LABEL[preview.role].toLowerCase()}</strong>
            {preview.companyName && (
              <>
                {' '}
                for <strong>{preview.companyName}</strong>
              </>
            )}
            .
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
                <AccountFields bind={bind} />
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
