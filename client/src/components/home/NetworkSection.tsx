// A network the user organises (me.networks: the server's list of them, so every control here is
// an organiser's): its groups and the form to add one, its industry reference sets.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Network } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { GroupSummary } from './GroupSummary.tsx';
import { NetworkOrganisers } from './NetworkOrganisers.tsx';
import { NetworkSettings } from './NetworkSettings.tsx';
import { NewGroupForm } from './NewGroupForm.tsx';
import { ReferenceSets } from './ReferenceSets.tsx';

export function NetworkSection({ network }: { network: Network }) {
  const groups = useStore((s) => s.networkGroups[network.id]);
  const loadNetworkGroups = useStore((s) => s.loadNetworkGroups);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadNetworkGroups(network.id).catch((err: unknown) => setError(errorMessage(err)));
  }, [network.id, loadNetworkGroups]);

  const headingId = `network-${network.id}`;
  return (
    <section aria-labelledby={headingId} className="section">
      <h2 id={headingId}>{network.name}: groups you organise</h2>
      <p>
        <Link to={`/networks/${network.id}/outbox`}>Outbox: every mail sent (or, without SMTP, waiting to be) for this network</Link>
      </p>
      <p>
        <Link to={`/networks/${network.id}/library`}>Network library and best-practice competitions</Link>
      </p>
      <p>
        <Link to={`/networks/${network.id}/events/new`}>Plan a network event (super week): groups in parallel, shared sessions for all</Link>
      </p>
      <NetworkOrganisers networkId={network.id} />
      <NetworkSettings network={network} />
      <Alert message={error} />
      {groups === undefined && !error && <p className="muted">Loading groups…</p>}
      {groups?.length === 0 && <p className="muted">No groups yet. Create the first one below.</p>}
      {groups && groups.length > 0 && (
        <ul className="plain-list">
          {groups.map((g) => (
            <GroupSummary key={g.id} group={g} />
          ))}
        </ul>
      )}
      <NewGroupForm networkId={network.id} networkCurrency={network.currency} />
      <ReferenceSets network={network} />
    </section>
  );
}
