// /networks/:id/library: the network's published best practices (title, summary, author, date),
// searched by title, summary and tags; and its best-practice competitions.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { canNetwork } from '../../../shared/access/index.ts';
import { networkSubjectFromMe } from '../lib/rights.ts';
import type { CompetitionView } from '../../../shared/library.ts';
import { errorMessage } from '../api/http.ts';
import { libraryApi, type LibraryHit } from '../api/library.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { Competitions } from '../components/library/Competitions.tsx';
import '../components/library/library.css';
import { useTitle } from '../hooks/useTitle.ts';
import { useStore } from '../store/index.ts';

export function NetworkLibraryPage() {
  const { id = '' } = useParams();
  const me = useStore((s) => s.me);
  // Who the caller is in this network, built as the server builds it (from /api/me's networks and groups).
  const subject = networkSubjectFromMe(me, id);
  const [all, setAll] = useState<LibraryHit[] | null>(null);
  const [hits, setHits] = useState<LibraryHit[] | null>(null);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [competitions, setCompetitions] = useState<CompetitionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useTitle('Network library');

  const load = useCallback(() => {
    libraryApi.network(id).then(setAll, (e) => setError(errorMessage(e)));
    libraryApi.competitions(id).then(setCompetitions, (e) => setError(errorMessage(e)));
  }, [id]);
  useEffect(load, [load]);

  const search = (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearched('');
      return;
    }
    libraryApi.network(id, q).then(
      (r) => {
        setHits(r);
        setSearched(q);
      },
      (e) => setError(errorMessage(e)),
    );
  };
  const changed = (c: CompetitionView) => setCompetitions((list) => [c, ...list.filter((x) => x.id !== c.id)]);
  const shown = hits ?? all;

  return (
    <div className="stack" data-testid="network-library">
      <h1>Network library</h1>
      <p className="muted">Best practices groups of the network chose to share: each one approved by its group's coach.</p>
      <Alert message={error} />
      <section className="card section" aria-labelledby="library-entries-heading">
        <h2 id="library-entries-heading">Published best practices</h2>
        <form className="library-search" role="search" onSubmit={search}>
          <Field label="Search the network library">
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Title, summary or tag" maxLength={200} />
          </Field>
          <button type="submit" className="btn">
            Search
          </button>
        </form>
        {hits && <p role="status">{hits.length === 0 ? `Nothing matches “${searched}”.` : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'} for “${searched}”`}</p>}
        {!shown && !error && <p className="loading">Loading the library…</p>}
        {all && all.length === 0 && !hits && <p className="muted">Nothing published yet.</p>}
        {shown && shown.length > 0 && (
          <ul className="library-entries" aria-label={hits ? 'Search results' : 'Published entries'}>
            {shown.map(({ entry: e }) => (
              <li key={e.id} className="library-entry">
                <h3>{e.url ? <a href={e.url} target="_blank" rel="noreferrer noopener">{e.title}</a> : <a href={libraryApi.fileUrl(e.id)} download>{e.title}</a>}</h3>
                <p>{e.summary}</p>
                {e.tags.length > 0 && (
                  <ul className="library-tags" aria-label="Tags">
                    {e.tags.map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                )}
                <p className="muted">
                  By {e.author}, {new Date(e.publishedAt).toLocaleDateString()}
                  {e.fileName ? ` · file ${e.fileName}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Competitions networkId={id} competitions={competitions} entries={(all ?? []).map((h) => h.entry)} canVote={canNetwork('network.library.vote', subject)} canOpen={canNetwork('network.competitions.manage', subject)} onChanged={changed} />
    </div>
  );
}
