// The wall at topics and best practices: what has been shared so far, by whom.
import type { Meeting } from '../../../../shared/domain.ts';
import type { LibraryResource } from '../../../../shared/resources.ts';
import '../resources/resources.css';
import { useRecords } from './useRecords.ts';

export function ProjectorResources({ meeting, itemId }: { meeting: Meeting; itemId: string }) {
  const { data } = useRecords<LibraryResource[]>(`/api/groups/${encodeURIComponent(meeting.groupId)}/resources`, 'resources');
  const here = (data ?? []).filter((r) => r.meetingId === meeting.id && r.itemId === itemId);
  return (
    <div className="projector-resources" data-testid="projector-resources">
      {here.length === 0 ? (
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
