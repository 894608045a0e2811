// Home, for a member company: the network's special-interest groups, and asking to join one
// whose segment its profile matches (the group's coach admits).
import { useCallback, useEffect, useState } from 'react';
import { segmentLabel, type InterestGroupListing } from '../../../../shared/groupKinds.ts';
import { groupKindsApi } from '../../api/groupKinds.ts';
import { errorMessage } from '../../api/http.ts';
import { Alert } from '../Alert.tsx';

function status(g: InterestGroupListing): string | null {
  if (g.member) return 'You are a member';
  if (g.request?.decision === null) return 'Asked: the coach decides';
  if (!g.matches) return 'Your company profile is not in this segment';
  return null;
}

export function InterestGroups({ networkId }: { networkId: string }) {
  const [groups, setGroups] = useState<InterestGroupListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => groupKindsApi.interestGroups(networkId).then(setGroups, () => setGroups([])), [networkId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!groups || groups.length === 0) return null;
  const ask = async (groupId: string) => {
    try {
      await groupKindsApi.requestJoin(groupId);
      await load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section aria-labelledby={`interest-${networkId}`} className="section">
      <h2 id={`interest-${networkId}`}>Special-interest groups</h2>
      <Alert message={error} onDismiss={() => setError(null)} />
      <ul className="plain-list">
        {groups.map((g) => (
          <li key={g.groupId} className="group-summary">
            <strong>{g.groupName}</strong>
            <span className="muted">{segmentLabel(g.segment)}</span>
            {status(g) ?? (
              <button type="button" className="btn btn-small" onClick={() => void ask(g.groupId)}>
                Ask to join {g.groupName}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
