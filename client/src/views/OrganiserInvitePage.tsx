// /organiser-invite/:token: become one of a network's organisers, as yourself or with a new account.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { acceptOrganiserInviteBody, type OrganiserInvitePreview } from '../../../shared/network.ts';
import { errorMessage, HttpError } from '../api/http.ts';
import { networkApi } from '../api/network.ts';
import { AccountFields } from '../components/AccountFields.tsx';
import { Alert } from '../components/Alert.tsx';
import { useFields, useSubmit, validate } from '../hooks/useForm.ts';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

const acceptError = (err: unknown) =>
  err instanceof HttpError && err.code === 'conflict' ? 'An account with this email exists already. Sign in first, then open the link again.' : errorMessage(err);

export function OrganiserInvitePage() {
  const { token = '' } = useParams();
  const me = useStore((s) => s.me);
  const accept = useStore((s) => s.acceptOrganiserInvite);
  const navigate = useNavigate();
  const [preview, setPreview] = useState<OrganiserInvitePreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const { values: form, bind } = useFields({ name: '', email: '', password: '' });
  const { busy, error, setError, run } = useSubmit(acceptError);
  useTitle('Invitation to organise');

  useEffect(() => {
    networkApi.organiserInvite(token).then(setPreview, (e) => setPreviewError(errorMessage(e)));
  }, [token]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = me ? {} : { name: form.name, email: form.email, password: form.password };
    void run(async () => {
      await accept(token, validate(acceptOrganiserInviteBody, body));
      navigate('/', { replace: true });
    });
  };

  return (
    <div className="narrow">
      <h1>You're invited to organise</h1>
      <Alert message={previewError} />
      {!preview && !previewError && <p className="loading">Loading invitation…</p>}
      {preview && (
        <>
          <p className="lede">
            {preview.invitedBy} invites you to organise <strong>{preview.networkName}</strong>: its groups, coaches, settings and organisers, with the same rights as every other organiser.
          </p>
          <form className="card form" onSubmit={onSubmit}>
            {me ? (
              <p>
                You will organise as <strong>{me.user.name}</strong> ({me.user.email}).
              </p>
            ) : (
              <>
                <p>
                  Create your account, or <Link to={`/login?next=${encodeURIComponent(`/organiser-invite/${token}`)}`}>sign in</Link> if you have one.
                </p>
                <AccountFields bind={bind} />
              </>
            )}
            <Alert message={error} onDismiss={() => setError(null)} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {me ? 'Accept and organise' : 'Create account and organise'}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
