// Full-text search over a group's notes, commitments and goals: SQLite FTS5 or PostgreSQL
// text search behind the same methods. User input never reaches the query syntax: it is cut
// into words (letters and digits only) and each word becomes a quoted prefix term.
import type { Dialect } from './driver.ts';
import type { SqlAccess } from './access.ts';
import type { SearchEntry, SearchHit, SearchQuery, SearchVisibility } from './types.ts';

/** Highlight markers in snippets; stripped from indexed text so content can't fake them. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const MARKERS = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

/** At most this many words of a query are used: a search box, not a document. */
const MAX_TERMS = 8;

/** The words of a query (Unicode letters and digits); everything else is a separator. */
export function queryTerms(q: string): string[] {
  return (q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

interface HitRow {
  id: string;
  group_id: string;
  meeting_id: string | null;
  item_id: string | null;
  kind: string;
  title: string;
  visibility: string;
  updated_at: string;
  snippet: string | null;
  rank: number | string;
}

export const SEARCH_MIGRATION = {
  id: 10,
  name: 'full-text search',
  sql: {
    sqlite: `
      CREATE TABLE search_docs (
        id TEXT PRIMARY KEY, group_id TEXT NOT NULL, meeting_id TEXT, item_id TEXT, kind TEXT NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, visibility TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX search_docs_group ON search_docs (group_id);
      CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_docs', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;
      CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
      END;
      CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
        INSERT INTO search_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
      END;
    `,
    postgres: `
      CREATE TABLE search_docs (
        id TEXT PRIMARY KEY, group_id TEXT NOT NULL, meeting_id TEXT, item_id TEXT, kind TEXT NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, visibility TEXT NOT NULL, updated_at TEXT NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED
      );
      CREATE INDEX search_docs_group ON search_docs (group_id);
      CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
    `,
  },
};

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class SearchSql {
  constructor(
    private readonly q: SqlAccess,
    /** A function: the handle's driver is assigned after class fields are initialised. */
    private readonly dialect: () => Dialect,
  ) {}

  async upsertSearchEntries(entries: readonly SearchEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.q.atomic(async (tx) => {
      for (const e of entries) {
        await tx.run(
          `INSERT INTO search_docs (id, group_id, meeting_id, item_id, kind, title, body, visibility, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, visibility = excluded.visibility,
             meeting_id = excluded.meeting_id, item_id = excluded.item_id, updated_at = excluded.updated_at`,
          [e.id, e.groupId, e.meetingId, e.itemId, e.kind, e.title.replace(MARKERS, ''), e.body.replace(MARKERS, ''), e.visibility, e.updatedAt],
        );
      }
    });
  }

  /** Removes entries whose id starts with prefix, except those listed in keep. */
  async deleteSearchEntries(groupId: string, idPrefix: string, keep: readonly string[] = []): Promise<number> {
    const ids = await this.q.all<{ id: string }>('SELECT id FROM search_docs WHERE group_id = ? AND substr(id, 1, ?) = ?', [groupId, idPrefix.length, idPrefix]);
    const gone = ids.map((r) => r.id).filter((id) => !keep.includes(id));
    for (const id of gone) await this.q.run('DELETE FROM search_docs WHERE id = ?', [id]);
    return gone.length;
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    const terms = queryTerms(query.text);
    if (terms.length === 0 || query.groupIds.length === 0 || query.visibilities.length === 0) return [];
    const scope = `d.group_id IN (${placeholders(query.groupIds.length)}) AND d.visibility IN (${placeholders(query.visibilities.length)})`;
    const scopeParams = [...query.groupIds, ...query.visibilities];
    const rows =
      this.dialect() === 'sqlite'
        ? await this.q.all<HitRow>(
            `SELECT d.id, d.group_id, d.meeting_id, d.item_id, d.kind, d.title, d.visibility, d.updated_at,
               snippet(search_fts, 1, ?, ?, '…', 16) AS snippet, bm25(search_fts, 4.0, 1.0) AS rank
             FROM search_fts JOIN search_docs d ON d.rowid = search_fts.rowid
             WHERE search_fts MATCH ? AND ${scope} ORDER BY rank LIMIT ?`,
            // Each word quoted (quotes doubled) and prefixed: a literal term, never FTS syntax.
            [MARK_START, MARK_END, terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' '), ...scopeParams, query.limit],
          )
        : await this.q.all<HitRow>(
            `SELECT d.id, d.group_id, d.meeting_id, d.item_id, d.kind, d.title, d.visibility, d.updated_at,
               ts_headline('simple', d.body, q, ?) AS snippet, ts_rank(d.tsv, q) AS rank
             FROM search_docs d, to_tsquery('simple', ?) q
             WHERE d.tsv @@ q AND ${scope} ORDER BY rank DESC, d.id LIMIT ?`,
            [`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "`, terms.map((t) => `${t}:*`).join(' & '), ...scopeParams, query.limit],
          );
    return rows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      meetingId: r.meeting_id,
      itemId: r.item_id,
      kind: r.kind as SearchEntry['kind'],
      title: r.title,
      visibility: r.visibility as SearchVisibility,
      updatedAt: r.updated_at,
      snippet: r.snippet ?? '',
    }));
  }
}
