// Resources as a list: a link opens in a new tab, a file downloads; who shared it and when,
// and where (meeting and item) when the list spans meetings. Removal where the caller may.
import { useState } from 'react';
import type { LibraryResource } from '../../../../shared/resources.ts';
import { resourcesApi } from '../../api/resources.ts';
import { formatBytes } from '../../lib/files.ts';
import './resources.css';

interface Props {
  resources: readonly LibraryResource[];
  /** Show the meeting and item each was shared at (the library), not only who and when. */
  showWhere?: boolean;
  canRemove?: (r: LibraryResource) => boolean;
  onRemove?: (r: LibraryResource) => void;
  empty: string;
}

const sharedOn = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(iso));

export function ResourceList({ resources, showWhere = false, canRemove, onRemove, empty }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (resources.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="resource-list">
      {resources.map((r) => (
        <li key={r.id} className="resource">
          <span className={`resource-kind resource-kind-${r.kind}`} aria-hidden="true">
            {r.kind === 'link' ? 'Link' : 'File'}
          </span>
          <span className="resource-main">
            {r.kind === 'link' && r.url ? (
              <a href={r.url} target="_blank" rel="noopener noreferrer">
                {r.title}
              </a>
            ) : (
              <a href={resourcesApi.fileUrl(r.id)} download={r.fileName ?? true}>
                {r.title}
              </a>
            )}
            <span className="muted resource-meta">
              {r.kind === 'file' ? ` ${r.fileName}${r.size !== null ? `, ${formatBytes(r.size)}` : ''} · ` : ` ${hostOf(r.url)} · `}
              shared by {r.sharedByName} on {sharedOn(r.createdAt)}
              {showWhere && r.meeting && ` at ${meetingName(r.meeting)}${r.itemTitle ? `, ${r.itemTitle}` : ''}`}
            </span>
          </span>
          {canRemove?.(r) && onRemove && (
            // Removal can't be undone (the file goes too): a second click confirms.
            <span className="button-row">
              {confirming === r.id ? (
                <>
                  <button type="button" className="btn btn-small btn-danger" aria-label={`Yes, remove ${r.title}`} onClick={() => (setConfirming(null), onRemove(r))}>
                    Yes, remove
                  </button>
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="btn btn-small btn-quiet" aria-label={`Remove ${r.title}`} onClick={() => setConfirming(r.id)}>
                  Remove
                </button>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The meeting's title, with its quarter unless the title says it already. */
function meetingName(m: { title: string; quarter: string }): string {
  return m.title.includes(m.quarter) ? m.title : `${m.title} (${m.quarter})`;
}

function hostOf(url: string | null): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return 'link';
  }
}
