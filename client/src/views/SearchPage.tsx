// /groups/:id/search?q=… : ranked hits across the group's notes, commitments, goals and the
// links and files shared at its meetings.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { afterwardsApi, type SearchHit } from '../api/afterwards.ts';
import { errorMessage } from '../api/http.ts';
import { Alert } from '../components/Alert.tsx';
import { Highlighted } from '../components/search/Highlighted.tsx';
import { SearchBox } from '../components/search/SearchBox.tsx';
import { useTitle } from '../hooks/useTitle.ts';

const KIND = { notes: 'Notes', commitment: 'Commitment', goal: 'Goal', resource: 'Resource' } as const;

export function SearchPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useTitle(q ? `Search: ${q}` : 'Search');

  useEffect(() => {
    let live = true;
    setHits(null);
    setError(null);
    if (!q) return;
    afterwardsApi.search(id, q).then(
      (r) => live && setHits(r.hits),
      (e) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [id, q]);

  return (
    <div>
      <h1>Search</h1>
      <p>
        <Link to={`/groups/${id}`}>Back to the group</Link>
      </p>
      <SearchBox key={q} groupId={id} initial={q} />
      <Alert message={error} />
      {q && hits === null && !error && <p className="loading">Searching…</p>}
      {hits && (
        <section aria-label="Results" className="card section">
          <h2>
            {hits.length === 0 ? 'Nothing found' : `${hits.length} result${hits.length === 1 ? '' : 's'}`} for “{q}”
          </h2>
          <ol className="search-results" data-testid="search-results">
            {hits.map((h) => (
              <li key={h.id}>
                <div className="search-hit-head">
                  <span className="badge">{KIND[h.kind]}</span>{' '}
                  {h.meetingId ? (
                    <Link to={`/meetings/${h.meetingId}/recap${h.itemId ? `#item-${h.itemId}` : ''}`}>
                      {h.meetingTitle ?? 'Meeting'}: {h.title}
                    </Link>
                  ) : (
                    <span>{h.title}</span>
                  )}
                  {h.quarter && <span className="muted"> · {h.quarter}</span>}
                </div>
                <p className="search-snippet">
                  <Highlighted snippet={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
