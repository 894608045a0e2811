// The network's organisers, and a link to appoint another (shown once, like a group invite).
import { useEffect, useState } from 'react';
import type { NetworkOrganiser } from '../../../../shared/network.ts';
import { errorMessage } from '../../api/http.ts';
import { networkApi } from '../../api/network.ts';
import { Alert } from '../Alert.tsx';

export function NetworkOrganisers({ networkId }: { networkId: string }) {
  const [organisers, setOrganisers] = useState<NetworkOrganiser[] | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    networkApi.organisers(networkId).then(setOrganisers, (e) => setError(errorMessage(e)));
  }, [networkId]);

  const invite = async () => {
    setError(null);
    try {
      const { url } = await networkApi.inviteOrganiser(networkId);
      setLink(`${window.location.origin}${url}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="network-organisers" data-testid="network-organisers">
      <p>
        Organisers: {organisers ? organisers.map((o) => o.name).join(', ') : '…'}{' '}
        <button type="button" className="btn btn-small" onClick={() => void invite()}>
          Invite another organiser
        </button>
      </p>
      {link && (
        <p role="status">
          Send this link (valid 7 days, usable once): <input readOnly aria-label="Organiser invite link" value={link} onFocus={(e) => e.target.select()} style={{ width: '100%' }} />
        </p>
      )}
      <Alert message={error} />
    </div>
  );
}
