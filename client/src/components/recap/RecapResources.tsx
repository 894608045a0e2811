// The recap's resources: links and files shared at this meeting, by item.
import { Link } from 'react-router';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { ResourceList } from '../resources/ResourceList.tsx';

export function RecapResources({ resources, groupId }: { resources: readonly LibraryResource[]; groupId: string }) {
  return (
    <section className="card section" aria-labelledby="r-resources">
      <h2 id="r-resources">Resources shared</h2>
      <ResourceList resources={resources} empty="Nothing was shared at this meeting." />
      <p className="muted">
        All of the group's resources: <Link to={`/groups/${encodeURIComponent(groupId)}/resources`}>the resource library</Link>.
      </p>
    </section>
  );
}
