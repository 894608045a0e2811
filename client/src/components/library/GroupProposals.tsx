// On the group's resource library: propose a resource for the network library, and the
// group's proposals with their status; the coach approves or rejects, the author withdraws.
import { useEffect, useState, type FormEvent } from 'react';
import type { GroupLibraryEntry, LibraryStatus } from '../../../../shared/library.ts';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { errorMessage } from '../../api/http.ts';
import { libraryApi } from '../../api/library.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';
import './library.css';

const STATUS_WORDS: Record<LibraryStatus, string> = {
  pending: 'Waiting for the coach',
  published: 'In the network library',
  rejected: 'Not published',
  withdrawn: 'Withdrawn',
};

interface Props {
  groupId: string;
  resources: readonly LibraryResource[];
  userId: string;
  canPropose: boolean;
  canDecide: boolean;
}

export function GroupProposals({ groupId, resources, userId, canPropose, canDecide }: Props) {
  const [entries, setEntries] = useState<GroupLibraryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    libraryApi.groupEntries(groupId).then(setEntries, (e) => setError(errorMessage(e)));
  }, [groupId]);
  const replace = (e: GroupLibraryEntry) => setEntries((list) => [e, ...(list ?? []).filter((x) => x.id !== e.id)]);
  const act = (p: Promise<GroupLibraryEntry>) => {
    setError(null);
    p.then(replace, (e) => setError(errorMessage(e)));
  };

  return (
    <section className="card section" aria-labelledby="network-library-proposals">
      <h2 id="network-library-proposals">Network library</h2>
      <p className="muted">Propose a resource for the whole network. It stays in the group until the coach approves it; you can withdraw it at any time.</p>
      <Alert message={error} />
      {entries && entries.length === 0 && <p className="muted">Nothing proposed yet.</p>}
      {entries && entries.length > 0 && (
        <ul className="library-entries" aria-label="Proposals of this group">
          {entries.map((e) => (
            <li key={e.id} className="library-entry">
              <h3>{e.title}</h3>
              <p>
                <span className={`badge library-status-${e.status}`}>{STATUS_WORDS[e.status]}</span> proposed by {e.authorName}, {new Date(e.createdAt).toLocaleDateString()}
                {e.showAuthor ? '' : ' (not named in the network)'}
              </p>
              <p>{e.summary}</p>
              {e.status === 'rejected' && e.reason && <p>Reason: {e.reason}</p>}
              <div className="button-row">
                {canDecide && e.status === 'pending' && <Decide entry={e} onDecided={(p) => act(p)} />}
                {e.authorId === userId && (e.status === 'pending' || e.status === 'published') && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => act(libraryApi.withdraw(e.id))}>
                    Withdraw {e.title}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canPropose && <ProposeForm groupId={groupId} resources={resources} onProposed={replace} />}
    </section>
  );
}

function Decide({ entry, onDecided }: { entry: GroupLibraryEntry; onDecided: (p: Promise<GroupLibraryEntry>) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  if (rejecting) {
    return (
      <form
        className="stack"
        onSubmit={(ev) => {
          ev.preventDefault();
          onDecided(libraryApi.decide(entry.id, { decision: 'reject', reason }));
        }}
      >
        <Field label={`Why not publish ${entry.title}?`}>
          <input value={reason} onChange={(ev) => setReason(ev.target.value)} required />
        </Field>
        <div className="button-row">
          <button type="submit" className="btn btn-small btn-danger" disabled={!reason.trim()}>
            Reject
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={() => setRejecting(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <>
      <button type="button" className="btn btn-small btn-primary" onClick={() => onDecided(libraryApi.decide(entry.id, { decision: 'approve' }))}>
        Approve {entry.title}
      </button>
      <button type="button" className="btn btn-small btn-quiet" onClick={() => setRejecting(true)}>
        Reject {entry.title}…
      </button>
    </>
  );
}

function ProposeForm({ groupId, resources, onProposed }: { groupId: string; resources: readonly LibraryResource[]; onProposed: (e: GroupLibraryEntry) => void }) {
  const [resourceId, setResourceId] = useState('');
  const [summary, setSummary] = useState('');
  const [tags, setTags] = useState('');
  const [showAuthor, setShowAuthor] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (resources.length === 0) return null;

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setBusy(true);
    setError(null);
    const tagList = tags.split(',').map((t) => t.trim()).filter(Boolean);
    libraryApi.propose(groupId, { resourceId, summary, tags: tagList, showAuthor }).then(
      (e) => {
        onProposed(e);
        setDone(`Proposed: ${e.title}. The coach decides before it is published.`);
        setSummary('');
        setTags('');
        setBusy(false);
      },
      (e) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };

  return (
    <form className="library-propose stack" aria-label="Propose for the network library" onSubmit={submit}>
      <h3>Propose a resource</h3>
      <Field label="Resource">
        <select value={resourceId} onChange={(e) => setResourceId(e.target.value)} required>
          <option value="">Choose one of the group's resources</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Summary" hint="What it is and why it works, in a sentence or two">
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} required maxLength={1000} />
      </Field>
      <Field label="Tags" hint="Separated by commas, e.g. pricing, hiring">
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </Field>
      <label className="library-check">
        <input type="checkbox" checked={showAuthor} onChange={(e) => setShowAuthor(e.target.checked)} />
        Name me and this group in the network library
      </label>
      <Alert message={error} />
      {done && <p role="status">{done}</p>}
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy || !resourceId || !summary.trim()}>
          Propose for the network library
        </button>
      </div>
    </form>
  );
}
