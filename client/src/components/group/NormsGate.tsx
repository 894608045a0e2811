// Before the group page opens: a member (or observer) who has not accepted the group's norms in
// the last twelve months reads them and accepts. The server says when (GroupDetail.norms).
import { useEffect, useState, type FormEvent } from 'react';
import type { NormsAnswer } from '../../../../shared/norms.ts';
import { normsApi } from '../../api/norms.ts';
import { errorMessage } from '../../api/http.ts';
import { useStore } from '../../store/index.ts';
import { Alert } from '../Alert.tsx';
import { NormsText } from './NormsText.tsx';

export function NormsGate({ groupId, groupName, renewal }: { groupId: string; groupName: string; renewal: boolean }) {
  const loadGroup = useStore((s) => s.loadGroup);
  const [answer, setAnswer] = useState<NormsAnswer | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    normsApi.read(groupId).then(setAnswer, (e: unknown) => setError(errorMessage(e)));
  }, [groupId]);

  const accept = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await normsApi.accept(groupId);
      await loadGroup(groupId);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <article className="card section norms-gate" aria-labelledby="norms-title" data-testid="norms-gate">
      <h1 id="norms-title">{groupName}: our norms</h1>
      <p>
        {renewal
          ? 'Twelve months have passed since you last accepted the norms of this group. Please read them again and accept them to continue.'
          : 'Before you enter the group, read the agreement its members keep with each other, and accept it.'}
      </p>
      {error && <Alert message={error} />}
      {answer ? <NormsText norms={answer.norms} headingLevel={2} /> : !error && <p className="loading">Loading the norms…</p>}
      {answer && (
        <form className="form" onSubmit={(e) => void accept(e)}>
          <label className="check">
            <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} /> I accept these norms
          </label>
          <button type="submit" className="btn btn-primary" disabled={!agreed || busy}>
            Accept and open the group
          </button>
        </form>
      )}
    </article>
  );
}
