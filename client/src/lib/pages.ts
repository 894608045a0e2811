// Paging a list on the wall, which can't scroll: which slice shows at a given turn.

export interface PageSlice {
  start: number;
  end: number;
  page: number;
  pages: number;
}

/** The slice shown at `turn` (0, 1, 2, … wrapping round), `size` items a page. */
export function pageAt(total: number, size: number, turn: number): PageSlice {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, size)));
  const page = ((turn % pages) + pages) % pages;
  const start = page * size;
  return { start, end: Math.min(total, start + size), page, pages };
}
