// /groups/:id/resources: the group's resource library — every link and file shared at its
// meetings, newest first, with who shared it, when and where; filter by words.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { LibraryResource } from '../../../shared/resources.ts';
import { errorMessage } from '../api/http.ts';
import { resourcesApi } from '../api/resources.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { matchesFilter } from '../components/resources/filter.ts';
import { ResourceList } from '../components/resources/ResourceList.tsx';
import { GroupProposals } from '../components/library/GroupProposals.tsx';
import { useTitle } from '../hooks/useTitle.ts';
import { allows } from '../lib/rights.ts';
import { useStore } from '../store/index.ts';

export function ResourcesPage() {
  const { id = '' } = useParams();
  const detail = useStore((s) => (s.groupDetail?.group.id === id ? s.groupDetail : null));
  const loadGroup = useStore((s) => s.loadGroup);
  const userId = useStore((s) => s.me?.user.id ?? '');
  const [resources, setResources] = useState<LibraryResource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useTitle(detail ? `${detail.group.name}: resource library` : 'Resource library');

  useEffect(() => {
    void loadGroup(id);
  }, [id, loadGroup]);
  useEffect(() => {
    resourcesApi.library(id).then(setResources, (e) => setError(errorMessage(e)));
  }, [id]);

  const canManage = allows(detail, 'resources.manage');
  const remove = (r: LibraryResource) => {
    setError(null);
    resourcesApi.remove(r.id).then(
      () => setResources((list) => list && list.filter((x) => x.id !== r.id)),
      (e) => setError(errorMessage(e)),
    );
  };
  const shown = (resources ?? []).filter((r) => matchesFilter(r, filter));

  return (
    <div className="stack" data-testid="resource-library">
      <h1>{detail?.group.name ?? 'Group'}: resource library</h1>
      <p>
        <Link to={`/groups/${id}`}>Back to the group</Link>
        {detail && (
          <>
            {' · '}
            <Link to={`/networks/${detail.group.networkId}/library`}>Network library</Link>
          </>
        )}
      </p>
      <p className="muted">Links and files members shared at the topics and best practices of your meetings. Share more at the next meeting's topics item.</p>
      <Alert message={error} />
      {!resources && !error && <p className="loading">Loading the library…</p>}
      {resources && (
        <section className="card section" aria-label="Resources">
          {resources.length > 0 && (
            <Field label="Filter">
              <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Title, file, who shared it, meeting" />
            </Field>
          )}
          <ResourceList
            resources={shown}
            showWhere
            empty={resources.length === 0 ? 'Nothing shared yet.' : 'Nothing matches the filter.'}
            canRemove={(r) => canManage || (allows(detail, 'resources.share') && r.sharedBy === userId)}
            onRemove={remove}
          />
        </section>
      )}
      {resources && detail && (
        <GroupProposals groupId={id} resources={resources} userId={userId} canPropose={allows(detail, 'library.propose')} canDecide={allows(detail, 'library.decide')} />
      )}
    </div>
  );
}
