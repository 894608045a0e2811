// A special-interest group's requests to join: its coach (or an organiser) admits or declines.
import { useCallback, useEffect, useState } from 'react';
import type { JoinDecision, JoinRequest } from '../../../../shared/groupKinds.ts';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { errorMessage } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';

export function JoinRequests({ groupId, onAdmitted }: { groupId: string; onAdmitted: () => void }) {
  const [requests, setRequests] = useState<JoinRequest[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => groupKindsApi.joinRequests(groupId).then(setRequests, (e: unknown) => setError(errorMessage(e))), [groupId]);
  useEffect(() => {
    void load();
  }, [load]);
  const decide = async (r: JoinRequest, decision: JoinDecision) => {
    try {
      await groupKindsApi.decideJoin(groupId, r.id, decision);
      await load();
      if (decision === 'admit') onAdmitted();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const open = (requests ?? []).filter((r) => r.decision === null);
  return (
    <section aria-labelledby="join-requests" className="card section">
      <h2 id="join-requests">Requests to join</h2>
      <Alert message={error} onDismiss={() => setError(null)} />
      {requests && open.length === 0 && <p className="muted">No open requests.</p>}
      <ul className="plain-list">
        {open.map((r) => (
          <li key={r.id} className="group-summary">
            <span>
              <strong>{r.userName}</strong> ({r.companyName})
            </span>
            <span className="button-row">
              <button type="button" className="btn btn-small btn-primary" onClick={() => void decide(r, 'admit')}>
                Admit {r.userName}
              </button>
              <button type="button" className="btn btn-small" onClick={() => void decide(r, 'decline')}>
                Decline
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
