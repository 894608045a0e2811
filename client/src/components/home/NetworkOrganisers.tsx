// The network's organisers, and inviting another: a link shown once (mailed too when an address
// is given), the invites still pending, each revocable.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { NetworkOrganiser, PendingOrganiserInvite } from '../../../../shared/network.ts';
import { errorMessage } from '../../api/http.ts';
import { networkApi } from '../../api/network.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

export function NetworkOrganisers({ networkId }: { networkId: string }) {
  const [organisers, setOrganisers] = useState<NetworkOrganiser[] | null>(null);
  const [pending, setPending] = useState<PendingOrganiserInvite[]>([]);
  const [email, setEmail] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadPending = useCallback(() => {
    networkApi.pendingOrganiserInvites(networkId).then(setPending, (e) => setError(errorMessage(e)));
  }, [networkId]);
  useEffect(() => {
    networkApi.organisers(networkId).then(setOrganisers, (e) => setError(errorMessage(e)));
    loadPending();
  }, [networkId, loadPending]);

  const invite = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    try {
      const { url } = await networkApi.inviteOrganiser(networkId, email.trim() ? { email: email.trim() } : {});
      setLink(`${window.location.origin}${url}`);
      setEmail('');
      loadPending();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const revoke = (id: string) => {
    setError(null);
    networkApi.revokeOrganiserInvite(networkId, id).then(loadPending, (e) => setError(errorMessage(e)));
  };

  return (
    <div className="network-organisers stack" data-testid="network-organisers">
      <p>Organisers: {organisers ? organisers.map((o) => o.name).join(', ') : '…'}</p>
      <form className="button-row" aria-label="Invite another organiser" onSubmit={(ev) => void invite(ev)}>
        <Field label="Their email (optional: the link is mailed)">
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className="btn btn-small">
          Invite another organiser
        </button>
      </form>
      {link && (
        <p role="status">
          Send this link (valid 7 days, usable once): <input readOnly aria-label="Organiser invite link" value={link} onFocus={(e) => e.target.select()} style={{ width: '100%' }} />
        </p>
      )}
      {pending.length > 0 && (
        <ul className="plain-list" aria-label="Pending organiser invites">
          {pending.map((i) => (
            <li key={i.id}>
              {i.email ?? 'Link handed over'}, by {i.createdByName}, valid until {new Date(i.expiresAt).toLocaleDateString()}{' '}
              <button type="button" className="btn btn-small btn-quiet" onClick={() => revoke(i.id)}>
                Revoke{i.email ? ` the invite to ${i.email}` : ' this link'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Alert message={error} />
    </div>
  );
}
