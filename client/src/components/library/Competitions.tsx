// Best-practice competitions on the network library page: vote while one is open (your own
// vote is all you see), the ranked winners once it has ended; organisers open a new one.
import { useState, type FormEvent } from 'react';
import type { CompetitionView, PublishedEntry } from '../../../../shared/library.ts';
import { errorMessage } from '../../api/http.ts';
import { libraryApi } from '../../api/library.ts';
import { Alert } from '../Alert.tsx';
import { Field } from '../Field.tsx';

const PHASE_WORDS = { upcoming: 'Opens', open: 'Open until', ended: 'Ended' } as const;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface Props {
  networkId: string;
  competitions: CompetitionView[];
  entries: readonly PublishedEntry[];
  canVote: boolean;
  canOpen: boolean;
  onChanged: (c: CompetitionView) => void;
}

export function Competitions({ networkId, competitions, entries, canVote, canOpen, onChanged }: Props) {
  const [error, setError] = useState<string | null>(null);
  const vote = (c: CompetitionView, entryId: string) => {
    setError(null);
    libraryApi.vote(c.id, entryId).then(onChanged, (e) => setError(errorMessage(e)));
  };
  return (
    <section className="card section" aria-labelledby="competitions-heading">
      <h2 id="competitions-heading">Best-practice competitions</h2>
      <p className="muted">One vote per person, changeable until the end. Votes are anonymous: only the counts are shown, once the vote has ended.</p>
      <Alert message={error} />
      {competitions.length === 0 && <p className="muted">No competition yet.</p>}
      {competitions.map((c) => (
        <article key={c.id} className="stack" aria-label={c.title}>
          <h3>{c.title}</h3>
          <p>
            {PHASE_WORDS[c.phase]} {when(c.phase === 'upcoming' ? c.startsAt : c.endsAt)}
          </p>
          {c.phase === 'open' && canVote && (
            <ul className="library-entries" aria-label={`Vote in ${c.title}`}>
              {entries.map((e) => (
                <li key={e.id} className="library-entry">
                  {c.myVote === e.id ? (
                    <p>
                      <strong>Your vote: {e.title}</strong>
                    </p>
                  ) : (
                    <button type="button" className="btn btn-small" onClick={() => vote(c, e.id)}>
                      Vote for {e.title}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {c.phase === 'open' && !canVote && <p className="muted">The network's coaches and member companies vote; the winners show here once the vote has ended.</p>}
          {c.winners && c.winners.length === 0 && <p className="muted">No votes were cast.</p>}
          {c.winners && c.winners.length > 0 && (
            <ol className="library-winners" aria-label={`Winners of ${c.title}`}>
              {c.winners.map((w) => (
                <li key={w.entryId} value={w.rank}>
                  <strong>{w.entry.title}</strong> by {w.entry.author}: {w.votes} {w.votes === 1 ? 'vote' : 'votes'}
                </li>
              ))}
            </ol>
          )}
        </article>
      ))}
      {canOpen && <OpenCompetitionForm networkId={networkId} onOpened={onChanged} />}
    </section>
  );
}

/** datetime-local value (the browser's zone) to an ISO instant. */
const toIso = (local: string) => new Date(local).toISOString();

function OpenCompetitionForm({ networkId, onOpened }: { networkId: string; onOpened: (c: CompetitionView) => void }) {
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    libraryApi.openCompetition(networkId, { title, startsAt: toIso(startsAt), endsAt: toIso(endsAt) }).then(
      (c) => {
        onOpened(c);
        setTitle('');
      },
      (e) => setError(errorMessage(e)),
    );
  };
  return (
    <form className="stack" aria-label="Open a competition" onSubmit={submit}>
      <h3>Open a competition</h3>
      <Field label="Title">
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} />
      </Field>
      <Field label="Voting starts">
        <input type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
      </Field>
      <Field label="Voting ends">
        <input type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} required />
      </Field>
      <Alert message={error} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={!title.trim() || !startsAt || !endsAt}>
          Open the vote
        </button>
      </div>
    </form>
  );
}
