// The library's filter: plain words, no syntax.
import type { LibraryResource } from '../../../../shared/resources.ts';

/** Every word must appear in the title, file name, sharer, meeting or item. */
export function matchesFilter(r: LibraryResource, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [r.title, r.fileName, r.url, r.sharedByName, r.meeting?.title, r.meeting?.quarter, r.itemTitle].join(' ').toLowerCase();
  return words.every((w) => text.includes(w));
}
