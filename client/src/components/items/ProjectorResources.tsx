// The wall at topics and best practices: what has been shared so far, by whom.
import type { Meeting } from '../../../../shared/domain.ts';
import '../resources/resources.css';
import { useItemResources } from './useRecords.ts';

export function ProjectorResources({ meeting, itemId }: { meeting: Meeting; itemId: string }) {
  const { here, loaded } = useItemResources(meeting.groupId, meeting.id, itemId);
  return (
    <div className="projector-resources" data-testid="projector-resources">
      {/* Until the list arrives the wall says nothing, rather than that nothing was shared. */}
      {!loaded ? null : here.length === 0 ? (
        <p className="muted">Share a procedure, a form or a flyer that works for you: it goes into the group's library.</p>
      ) : (
        <ul className="readback-list">
          {here.map((r) => (
            <li key={r.id}>
              {r.title} <span className="muted">({r.kind === 'file' ? r.fileName : 'link'}, {r.sharedByName})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
