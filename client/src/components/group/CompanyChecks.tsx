// Proposing a company of the network for this group: the non-competing check runs at once; an
// overlap (same vertical and territory as a member company) waits for the coach's decision,
// which is kept with its reason.
import { useEffect, useState } from 'react';
import type { Company, CompanyCheck } from '../../../../shared/companies.ts';
import { errorMessage } from '../../api/http.ts';
import { companiesApi } from '../../api/companies.ts';
import { Alert } from '../Alert.tsx';

export function CompanyChecks({ groupId, networkId, canDecide, canListNetwork }: { groupId: string; networkId: string; canDecide: boolean; canListNetwork: boolean }) {
  const [candidates, setCandidates] = useState<Company[]>([]);
  const [checks, setChecks] = useState<CompanyCheck[]>([]);
  const [pick, setPick] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const reload = () => companiesApi.checks(groupId).then(setChecks, (e) => setError(errorMessage(e)));
  useEffect(() => {
    void reload();
    if (canListNetwork) companiesApi.inNetwork(networkId).then(setCandidates, (e) => setError(errorMessage(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [groupId, networkId, canListNetwork]);

  const act = async (fn: () => Promise<{ url: string | null }>) => {
    setError(null);
    try {
      const { url } = await fn();
      setLink(url ? `${window.location.origin}${url}` : null);
      await reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="card section" aria-labelledby="checks-h" data-testid="company-checks">
      <h2 id="checks-h">Propose a company</h2>
      {canListNetwork && (
        <div className="button-row">
          <select aria-label="Company to propose" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose a company of the network…</option>
            {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.vertical}, {c.territory})</option>)}
          </select>
          <button type="button" className="btn" disabled={!pick} onClick={() => void act(() => companiesApi.propose(groupId, pick))}>Check and invite</button>
        </div>
      )}
      {link && <p role="status">Invite link for the company's owner: <input readOnly aria-label="Company invite link" value={link} style={{ width: '100%' }} /></p>}
      <Alert message={error} />
      {checks.length > 0 && (
        <ul className="plain-list">
          {checks.map((k) => (
            <li key={k.id}>
              <strong>{k.companyName}</strong>:{' '}
              {k.overlaps.length === 0 ? 'competes with no member company; invited.' : `same vertical and territory as ${k.overlaps.map((o) => `${o.companyName} (${o.ownerName})`).join(', ')}.`}{' '}
              {k.decision === null ? (
                canDecide ? (
                  <span className="button-row">
                    <input aria-label={`Reason for ${k.companyName}`} placeholder="Why" value={reasons[k.id] ?? ''} onChange={(e) => setReasons((r) => ({ ...r, [k.id]: e.target.value }))} />
                    <button type="button" className="btn btn-small" onClick={() => void act(() => companiesApi.decide(groupId, k.id, 'invite', reasons[k.id] ?? ''))}>Invite anyway</button>
                    <button type="button" className="btn btn-small" onClick={() => void act(() => companiesApi.decide(groupId, k.id, 'decline', reasons[k.id] ?? ''))}>Decline</button>
                  </span>
                ) : <em>Waiting for the coach's decision.</em>
              ) : k.overlaps.length > 0 ? (
                <em>Coach's decision: {k.decision === 'invite' ? 'invited' : 'declined'} ({k.reason}).</em>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
