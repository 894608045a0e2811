// The organiser's industry reference sets (benchmark studies) of one network: newest study year
// first, as the server lists them; adding one from CSV; removing one, which takes it out of every
// group's financial review at once, so it asks once more.
import { useCallback, useEffect, useState } from 'react';
import type { ReferenceSet } from '../../../../shared/benchmarks.ts';
import type { Network } from '../../../../shared/domain.ts';
import { errorMessage } from '../../api/http.ts';
import { benchmarksApi } from '../../api/network.ts';
import { Alert } from '../Alert.tsx';
import { LazyReferenceSetForm } from '../financials/LazyReferenceSetForm.tsx';

const setName = (s: ReferenceSet) => `${s.source} ${s.year}`;

export function ReferenceSets({ network }: { network: Network }) {
  const [sets, setSets] = useState<ReferenceSet[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const load = useCallback(() => benchmarksApi.references(network.id).then(setSets, (e: unknown) => setError(errorMessage(e))), [network.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (set: ReferenceSet) => {
    setError(null);
    try {
      await benchmarksApi.deleteReference(network.id, set.id);
      setConfirming(null);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const headingId = `references-${network.id}`;
  return (
    <section aria-labelledby={headingId} className="card section reference-sets" data-testid="reference-sets">
      <h3 id={headingId}>Industry reference sets</h3>
      <p className="muted">Published studies' quartiles; a group's financial review shows the newest beside the group and the network.</p>
      {sets === null && !error && <p className="muted">Loading reference sets…</p>}
      {sets?.length === 0 && <p className="muted">No reference set yet. Add the first one below.</p>}
      {sets && sets.length > 0 && (
        <ul className="plain-list" aria-label={`Reference sets of ${network.name}`}>
          {sets.map((s) => (
            <li key={s.id} className="reference-set">
              <span>
                <strong>{s.source}</strong> {s.year} · money in {s.currency} · {s.values.length} KPI{s.values.length === 1 ? '' : 's'}
              </span>
              {confirming === s.id ? (
                <span className="button-row">
                  <button type="button" className="btn btn-small btn-danger" onClick={() => void remove(s)}>
                    Yes, remove {setName(s)}
                  </button>
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(s.id)} aria-label={`Remove ${setName(s)}`}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Alert message={error} onDismiss={() => setError(null)} />
      <h4>Add a reference set</h4>
      <LazyReferenceSetForm networkId={network.id} networkCurrency={network.currency} onAdded={() => void load()} />
    </section>
  );
}
